package io.dayuan.notifications;

import static io.dayuan.notifications.NotificationFixtures.inTransaction;
import static io.dayuan.notifications.NotificationFixtures.notice;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dayuan.notifications.NotificationFixtures.Someone;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class NotifierSiteTest extends NotificationTestBase {

    private UUID newSite() {
        String id = graphQL.call(graphQL.as("admin"), "mutation($n: String!) { createSite(input: {name: $n}) { id } }",
                java.util.Map.of("n", "站点 " + UUID.randomUUID())).getString("data.createSite.id");
        assertThat(id).isNotNull();
        return UUID.fromString(id);
    }

    private Someone at(UUID site, String... roles) {
        Someone person = fixtures.someone(null, roles);
        if (site != null) {
            database.execute("UPDATE person SET site_id = $1 WHERE id = $2", site, person.id());
        }
        return person;
    }

    private long received(Someone person, String marker) {
        return database.count("SELECT count(*) FROM notification WHERE person_id = $1 AND title = $2", person.id(),
                "会议提醒 " + marker);
    }

    @Test
    void aSiteNotificationReachesTheSitesHoldersAndTheUnassignedOnly() {
        UUID siteA = newSite();
        UUID siteB = newSite();
        Someone guardA = at(siteA, "guard");
        Someone guardB = at(siteB, "guard");
        Someone unassigned = at(null, "guard");
        Someone staffA = at(siteA, "staff");
        String marker = UUID.randomUUID().toString();

        inTransaction(() -> notifier.notifyRole("guard", siteA, notice("TEST_SITE_ROLE", marker)));

        assertThat(received(guardA, marker)).isOne();
        assertThat(received(unassigned, marker)).isOne();
        assertThat(received(guardB, marker)).isZero();
        assertThat(received(staffA, marker)).isZero();
        assertThat(database.count("SELECT count(*) FROM notification n JOIN person p ON p.id = n.person_id "
                + "WHERE n.title = $1 AND p.site_id = $2", "会议提醒 " + marker, siteB)).isZero();
    }

    @Test
    void severalRolesAtASiteReachEachHolderOnce() {
        UUID siteA = newSite();
        UUID siteB = newSite();
        Someone both = at(siteA, "guard", "admin");
        Someone adminB = at(siteB, "admin");
        Someone unassignedAdmin = at(null, "admin");
        String marker = UUID.randomUUID().toString();

        inTransaction(() -> notifier.notifyRoles(List.of("guard", "admin"), siteA, notice("TEST_SITE_ROLES", marker)));

        assertThat(received(both, marker)).isOne();
        assertThat(received(unassignedAdmin, marker)).isOne();
        assertThat(received(adminB, marker)).isZero();
    }

    @Test
    void withoutASiteEveryHolderHearsIt() {
        UUID siteA = newSite();
        UUID siteB = newSite();
        Someone guardA = at(siteA, "guard");
        Someone guardB = at(siteB, "guard");
        String marker = UUID.randomUUID().toString();

        inTransaction(() -> notifier.notifyRole("guard", notice("TEST_ALL_SITES", marker)));

        assertThat(received(guardA, marker)).isOne();
        assertThat(received(guardB, marker)).isOne();
    }
}
