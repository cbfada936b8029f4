package io.dayuan.visits.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.visits.BlockKind;
import io.dayuan.visits.BlocklistEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class BlocklistRepository implements PanacheRepositoryBase<BlocklistEntry, UUID> {

    /** The first entry that matches any of the given phone, ID-card hash and plate (each may be null). */
    @WithSession
    public Uni<BlocklistEntry> match(String phone, String idCardHash, String plate) {
        return find("(kind = ?1 and value = ?2) or (kind = ?3 and value = ?4) or (kind = ?5 and value = ?6)",
                BlockKind.PHONE, String.valueOf(phone), BlockKind.ID_CARD, String.valueOf(idCardHash),
                BlockKind.PLATE, String.valueOf(plate)).firstResult();
    }

    /** Whether the value of the kind is blocklisted. */
    @WithSession
    public Uni<Boolean> listed(BlockKind kind, String value) {
        return count("kind = ?1 and value = ?2", kind, value).map(found -> found > 0);
    }

    @WithSession
    public Uni<List<BlocklistEntry>> all() {
        return list("order by createdAt desc, id");
    }
}
