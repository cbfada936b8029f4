package io.dayuan.people.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.people.Person;
import io.dayuan.people.PersonChanged;
import io.dayuan.platform.Batches;
import io.dayuan.platform.events.Events;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    @Inject
    Pool pool;

    @WithSession
    public Uni<Person> findBySubject(String subject) {
        return find("subject", subject).firstResult();
    }

    /** The people of the given ids, in their order (null where there is none): a batch resolver's answer. */
    @WithSession
    public Uni<List<Person>> inOrderOf(List<UUID> ids) {
        return Batches.inOrderOf(ids, this::findByIds);
    }

    @WithSession
    public Uni<List<Person>> findByIds(Collection<UUID> ids) {
        return list("id in ?1", ids);
    }

    /** People holding the token role (any when null) at the home site (any when null), by name. */
    @WithSession
    public Uni<List<Person>> list(String role, UUID siteId) {
        StringBuilder sql = new StringBuilder("SELECT * FROM person WHERE true");
        if (role != null) {
            sql.append(" AND roles && CAST(:roles AS text[])");
        }
        if (siteId != null) {
            sql.append(" AND site_id = :site");
        }
        sql.append(" ORDER BY name, id");
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), Person.class);
            if (role != null) {
                query.setParameter("roles", new String[] { role });
            }
            if (siteId != null) {
                query.setParameter("site", siteId);
            }
            return query.getResultList();
        });
    }

    /**
     * The holders of any of the roles whose home site is the site or who have none (a null site: everyone holding
     * them), by id. In SQL: HQL's array_contains compares text[] with varchar[], which PostgreSQL refuses.
     */
    public Uni<List<Person>> holdingAnyOf(List<String> roles, UUID siteId) {
        String sql = siteId == null
                ? "SELECT * FROM person WHERE roles && CAST(:roles AS text[]) ORDER BY id"
                : "SELECT * FROM person WHERE roles && CAST(:roles AS text[]) AND (site_id = :site OR site_id IS NULL) "
                        + "ORDER BY id";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Person.class).setParameter("roles", roles.toArray(String[]::new));
            if (siteId != null) {
                query.setParameter("site", siteId);
            }
            return query.getResultList();
        });
    }

    /**
     * Removes a DingTalk user id DingTalk no longer knows from whoever has it, over the pool (the delivery worker
     * has no session), telling every replica in the same statement (PersonChanged), as every person change does.
     */
    public Uni<Void> forgetDingTalkIdOutsideSession(String dingTalkUserId) {
        return pool.preparedQuery("WITH cleared AS (UPDATE person SET dingtalk_user_id = NULL"
                + " WHERE dingtalk_user_id = $1 RETURNING id) SELECT pg_notify($2, json_build_object('topic', $3::text,"
                + " 'data', json_build_object('id', id))::text) FROM cleared")
                .execute(Tuple.of(dingTalkUserId, Events.channel(), PersonChanged.TOPIC)).replaceWithVoid();
    }

    @WithSession
    public Uni<Person> findByPhone(String phone) {
        return find("phone", phone).firstResult();
    }
}
