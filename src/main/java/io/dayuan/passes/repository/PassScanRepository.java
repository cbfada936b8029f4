package io.dayuan.passes.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.gates.Direction;
import io.dayuan.passes.PassScan;
import io.dayuan.passes.ScanDecision;
import io.dayuan.platform.Cursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PassScanRepository implements PanacheRepositoryBase<PassScan, UUID> {

    /** Records a scan unless one of its id exists (an upload sent twice); true when it was recorded. */
    public Uni<Boolean> insertIfAbsent(PassScan scan) {
        return getSession().chain(session -> session.createNativeQuery("""
                insert into pass_scan (id, pass_id, site_id, gate_id, guard_id, direction, decision, reason, source,
                                       flagged, scanned_at)
                values (:id, :pass, :site, :gate, :guard, :direction, :decision, :reason, :source, false, :at)
                on conflict (id) do nothing""")
                .setParameter("id", scan.id).setParameter("pass", scan.passId).setParameter("site", scan.siteId)
                .setParameter("gate", scan.gateId).setParameter("guard", scan.guardId)
                .setParameter("direction", scan.direction.name()).setParameter("decision", scan.decision.name())
                .setParameter("reason", scan.reason.name()).setParameter("source", scan.source.name())
                .setParameter("at", scan.scannedAt).executeUpdate().map(inserted -> inserted == 1));
    }

    /** How many times the pass was let in. */
    public Uni<Long> admissions(UUID passId) {
        return count("passId = ?1 and decision = ?2 and direction = ?3", passId, ScanDecision.ALLOW, Direction.IN);
    }

    /** Flags every admission of the pass; returns the flagged scan ids. */
    public Uni<List<UUID>> flagAdmissions(UUID passId) {
        return update("flagged = true where passId = ?1 and decision = ?2 and direction = ?3", passId, ScanDecision.ALLOW,
                Direction.IN)
                .chain(() -> list("passId = ?1 and flagged = true", passId))
                .map(scans -> scans.stream().map(scan -> scan.id).toList());
    }

    /** A page of the site's scans, newest first, after the (scannedAt, id) of the previous page's last. */
    @WithSession
    public Uni<List<PassScan>> page(UUID siteId, Cursor after, int size) {
        if (after == null) {
            return find("siteId = ?1 order by scannedAt desc, id desc", siteId).range(0, size - 1).list();
        }
        return find("siteId = ?1 and (scannedAt < ?2 or (scannedAt = ?2 and id < ?3)) order by scannedAt desc, id desc",
                siteId, after.at(), after.id()).range(0, size - 1).list();
    }
}
