package io.dayuan.canteen.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.canteen.WasteRecord;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WasteRecordRepository implements PanacheRepositoryBase<WasteRecord, UUID> {

    /** (date, stage, grams, cost in cents, inspections) of the days from..to. */
    public Uni<List<Object[]>> byDayAndStage(UUID canteenId, LocalDate from, LocalDate to) {
        return CanteenQueries.rows(getSession(), "select w.date, w.stage, sum(w.weightGrams), "
                + "sum(coalesce(w.costCents, 0)), sum(case when w.inspection then 1 else 0 end) from WasteRecord w "
                + "where w.canteenId = ?1 and w.date between ?2 and ?3 group by w.date, w.stage", canteenId, from, to);
    }
}
