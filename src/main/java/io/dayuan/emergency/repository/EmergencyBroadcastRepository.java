package io.dayuan.emergency.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.emergency.EmergencyBroadcast;
import io.dayuan.emergency.EmergencyBroadcast.GroupStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EmergencyBroadcastRepository implements PanacheRepositoryBase<EmergencyBroadcast, UUID> {

    public Uni<Long> sentSince(UUID siteId, OffsetDateTime since) {
        return count("siteId = ?1 and sentAt > ?2", siteId, since);
    }

    /** What became of the broadcast's message to the DingTalk group. */
    public Uni<Integer> markGroup(UUID id, GroupStatus status, String error) {
        return update("groupStatus = ?1, groupError = ?2 where id = ?3", status, error, id);
    }

    /** The latest broadcasts, newest first: of one site, or of every site when siteId is null. */
    @WithSession
    public Uni<List<EmergencyBroadcast>> latest(UUID siteId, int limit) {
        var query = siteId == null ? find("order by sentAt desc, id desc")
                : find("siteId = ?1 order by sentAt desc, id desc", siteId);
        return query.range(0, limit - 1).list();
    }

    /** The latest broadcasts to any of the sites, newest first. */
    @WithSession
    public Uni<List<EmergencyBroadcast>> latestAt(Collection<UUID> siteIds, int limit) {
        return find("siteId in ?1 order by sentAt desc, id desc", siteIds).range(0, limit - 1).list();
    }
}
