package io.dayuan.people.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.people.Person;
import io.dayuan.platform.Batches;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

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

    @WithSession
    public Uni<Person> findByPhone(String phone) {
        return find("phone", phone).firstResult();
    }
}
