package io.dayuan.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dayuan.Database;
import io.dayuan.GraphQL;
import io.dayuan.notifications.channel.SendFailure;
import io.dayuan.notifications.service.Addresses;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AddressesTest {

    @Inject
    GraphQL graphQL;

    @Inject
    Database database;

    @Inject
    Addresses addresses;

    @Test
    void aDingTalkUserIdDingTalkNoLongerKnowsIsClearedAndThePersonSeesIt() throws InterruptedException {
        GraphQL.As staff = graphQL.as("staff");
        String me = graphQL.call(staff, "{ me { id } }").getString("data.me.id");
        String userId = "u" + UUID.randomUUID().toString().substring(0, 8);
        graphQL.call(graphQL.as("admin"), "mutation($p: ID!, $d: String) { setPersonDingTalkId(personId: $p, "
                + "dingTalkUserId: $d) { id } }", Map.of("p", me, "d", userId));
        assertThat(graphQL.call(staff, "{ me { dingTalkUserId } }").getString("data.me.dingTalkUserId"))
                .isEqualTo(userId);

        Object answer = addresses.forget(NotificationChannel.DINGTALK, userId,
                new SendFailure(SendFailure.Kind.PERMANENT, "unknown user")).await().atMost(Duration.ofSeconds(10));

        assertThat(answer).isInstanceOf(SendFailure.class);
        assertThat(database.count("select count(*) from person where id = $1 and dingtalk_user_id is null",
                UUID.fromString(me))).isEqualTo(1);
        String seen = userId;
        for (int attempt = 0; attempt < 50 && seen != null; attempt++) {
            Thread.sleep(100);
            seen = graphQL.call(staff, "{ me { dingTalkUserId } }").getString("data.me.dingTalkUserId");
        }
        assertThat(seen).isNull();
    }
}
