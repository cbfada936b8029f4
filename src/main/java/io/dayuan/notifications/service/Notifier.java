package io.dayuan.notifications.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.notifications.Notice;
import io.dayuan.notifications.Notification;
import io.dayuan.notifications.repository.NotificationRepository;
import io.dayuan.people.Person;
import io.dayuan.people.repository.PersonRepository;
import io.smallrye.mutiny.Uni;

/**
 * The one way features tell people something. Call it inside the transaction of the change that causes the
 * notification (from a {@code @WithTransaction} service method): both are saved together or not at all.
 */
@ApplicationScoped
public class Notifier {

    @Inject
    NotificationRepository notifications;

    @Inject
    PersonRepository people;

    /** Tells a person now. */
    public Uni<Void> notify(UUID personId, Notice notice) {
        return schedule(personId, notice, OffsetDateTime.now(), null);
    }

    /** Tells everyone whose token carried the role (e.g. all guards). */
    public Uni<Void> notifyRole(String role, Notice notice) {
        // array_contains(roleNames, ?1) renders "roles @> cast(array[$1] as varchar array)", which PostgreSQL
        // refuses for the text[] column (42883); = any() compares text with text
        return people.getSession().chain(session -> session
                .createNativeQuery("select * from person where :role = any(roles) order by id", Person.class)
                .setParameter("role", role).getResultList())
                .chain(holders -> notifyAll(holders, notice));
    }

    /**
     * Tells a person at a later time (a reminder), stored so it survives restarts. The cause names what it is
     * about (e.g. {@code booking:<id>}) so that {@link #withdraw} can take it back.
     */
    public Uni<Void> schedule(UUID personId, Notice notice, OffsetDateTime at, String cause) {
        return people.findById(personId).chain(person -> notifications.persist(notification(person, notice, at, cause)))
                .replaceWithVoid();
    }

    /** Withdraws what is scheduled for a cause and not yet delivered, e.g. when a booking is cancelled or moved. */
    public Uni<Integer> withdraw(String cause) {
        return notifications.update("withdrawnAt = ?1 where cause = ?2 and withdrawnAt is null and deliverAt > ?1",
                OffsetDateTime.now(), cause);
    }

    private Uni<Void> notifyAll(List<Person> holders, Notice notice) {
        OffsetDateTime now = OffsetDateTime.now();
        return notifications.persist(holders.stream().map(person -> notification(person, notice, now, null)))
                .replaceWithVoid();
    }

    private static Notification notification(Person person, Notice notice, OffsetDateTime at, String cause) {
        Notification notification = new Notification();
        notification.personId = person.id;
        notification.kind = notice.kind();
        notification.title = notice.title().in(person.locale);
        notification.body = notice.body().in(person.locale);
        notification.link = notice.link();
        notification.deliverAt = at;
        notification.cause = cause;
        return notification;
    }
}
