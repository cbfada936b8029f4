package io.dayuan.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.notifications.NotificationChannel;
import io.dayuan.notifications.channel.SendFailure;
import io.dayuan.notifications.repository.DeviceRepository;
import io.dayuan.people.repository.PersonRepository;
import io.smallrye.mutiny.Uni;

/** What becomes of an address its provider says is no longer valid. */
@ApplicationScoped
public class Addresses {

    @Inject
    DeviceRepository devices;

    @Inject
    PersonRepository people;

    /**
     * Forgets the address. A push token: its device is deleted and the delivery goes on to the person's other
     * devices (answers ""). A DingTalk user id: the person's id is cleared and the delivery parked with the reason
     * (answers a permanent failure), so an admin sees whom DingTalk no longer knows. SMS keeps the phone number,
     * which comes from the token (answers the failure as it was).
     */
    public Uni<Object> forget(NotificationChannel channel, String address, SendFailure failure) {
        return switch (channel) {
            case PUSH -> devices.deleteTokenOutsideSession(address).replaceWith((Object) "");
            // every replica forgets the person as it knew them (PersonService)
            case DINGTALK -> people.forgetDingTalkIdOutsideSession(address)
                    .replaceWith((Object) new SendFailure(SendFailure.Kind.PERMANENT, failure.getMessage()
                            + "; the DingTalk user id was removed from the person"));
            default -> Uni.createFrom().item((Object) failure);
        };
    }
}
