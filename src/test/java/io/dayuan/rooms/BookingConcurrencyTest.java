package io.dayuan.rooms;

import static io.dayuan.rooms.RoomFixtures.at;
import static io.dayuan.rooms.RoomFixtures.booking;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.dayuan.GraphQL;
import io.dayuan.GraphQL.As;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class BookingConcurrencyTest extends RoomTestBase {

    private static final int CALLERS = 60;

    @Test
    void ofManyConcurrentBookingsOfOneSlotExactlyOneSucceedsAndTheOthersAreConflicts() throws Exception {
        String room = fixtures.room(Map.of("cleanupMinutes", 10));
        List<As> callers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            callers.add(graphQL.as("staff"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<JsonPath>> answers = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                As caller = callers.get(i);
                // the same slot, give or take a few minutes, so that every pair overlaps
                Map<String, Object> input = booking(room, at(12, 10, i % 5), at(12, 11, i % 7));
                answers.add(pool.submit(() -> {
                    start.await();
                    return fixtures.book(caller, input);
                }));
            }
            start.countDown();
            int booked = 0;
            int conflicts = 0;
            List<String> others = new ArrayList<>();
            for (Future<JsonPath> future : answers) {
                JsonPath answer = future.get(120, TimeUnit.SECONDS);
                String code = GraphQL.errorCode(answer);
                if (code == null && answer.getString("data.bookRoom.id") != null) {
                    booked++;
                } else if ("CONFLICT".equals(code)) {
                    conflicts++;
                    assertThat(answer.getString("errors[0].message")).startsWith("The room is taken")
                            .contains(at(12, 10, 0).toLocalDate() + " 10:0");
                    assertThat(answer.getList("errors[0].extensions.clashingDates"))
                            .containsExactly(at(12, 10, 0).toLocalDate().toString());
                } else {
                    others.add(answer.prettify());
                }
            }
            assertThat(others).isEmpty();
            assertThat(booked).isEqualTo(1);
            assertThat(conflicts).isEqualTo(CALLERS - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(database.count("select count(*) from booking where room_id = $1", UUID.fromString(room)))
                .isEqualTo(1);
        assertThat(database.count("select count(*) from service_task t join booking b on b.id = t.booking_id"
                + " where b.room_id = $1", UUID.fromString(room))).isEqualTo(1);
    }
}
