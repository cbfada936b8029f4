package io.dayuan.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.notifications.NotificationChannel;
import io.dayuan.notifications.channel.SendFailure;
import io.dayuan.people.PersonChanged;
import io.dayuan.platform.events.Events;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** What becomes of an address its provider says is no longer valid. */
@ApplicationScoped
public class Addresses {

    @Inject
    Pool pool;

    /**
     * Forgets the address. A push token: its device is deleted and the delivery goes on to the person's other
     * devices (answers ""). A DingTalk user id: the person's id is cleared and the delivery parked with the reason
     * (answers a permanent failure), so an admin sees whom DingTalk no longer knows. SMS keeps the phone number,
     * which comes from the token (answers the failure as it was).
     */
    public Uni<Object> forget(NotificationChannel channel, String address, SendFailure failure) {
        return switch (channel) {
            case PUSH -> pool.preparedQuery("DELETE FROM device WHERE token = $1").execute(Tuple.of(address))
                    .replaceWith((Object) "");
            // every replica forgets the person as it knew them (PersonService)
            case DINGTALK -> pool.preparedQuery("WITH cleared AS (UPDATE person SET dingtalk_user_id = NULL"
                    + " WHERE dingtalk_user_id = $1 RETURNING id) SELECT pg_notify($2, json_build_object('topic', $3::text,"
                    + " 'data', json_build_object('id', id))::text) FROM cleared")
                    .execute(Tuple.of(address, Events.channel(), PersonChanged.TOPIC))
                    .replaceWith((Object) new SendFailure(SendFailure.Kind.PERMANENT, failure.getMessage()
                            + "; the DingTalk user id was removed from the person"));
            default -> Uni.createFrom().item((Object) failure);
        };
    }
}
