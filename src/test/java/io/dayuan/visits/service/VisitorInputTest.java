package io.dayuan.visits.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dayuan.platform.ApiException;

class VisitorInputTest {

    private static String field(Runnable check) {
        try {
            check.run();
        } catch (ApiException e) {
            return e.field();
        }
        throw new AssertionError("no VALIDATION");
    }

    @Test
    void chineseMobilesAreNormalisedToE164() {
        assertThat(VisitorInput.mobile("p", "139 1234 5678")).isEqualTo("+8613912345678");
        assertThat(VisitorInput.mobile("p", "+86-139-1234-5678")).isEqualTo("+8613912345678");
        assertThat(VisitorInput.mobile("p", "0086 13912345678")).isEqualTo("+8613912345678");
        assertThat(field(() -> VisitorInput.mobile("visitorPhone", "010 6552 9988"))).isEqualTo("visitorPhone");
        assertThat(field(() -> VisitorInput.mobile("visitorPhone", "+1 415 555 0100"))).isEqualTo("visitorPhone");
        assertThat(field(() -> VisitorInput.mobile("visitorPhone", "1391234567"))).isEqualTo("visitorPhone");
        assertThat(field(() -> VisitorInput.mobile("visitorPhone", "电话"))).isEqualTo("visitorPhone");
    }

    @Test
    void platesAreNormalisedAndCheckedIncludingNewEnergyOnes() {
        assertThat(VisitorInput.plate("plate", "京a·12345")).isEqualTo("京A12345");
        assertThat(VisitorInput.plate("plate", "粤B D12345")).isEqualTo("粤BD12345");
        assertThat(VisitorInput.plate("plate", "沪A12345F")).isEqualTo("沪A12345F");
        assertThat(VisitorInput.plate("plate", "苏E1234挂")).isEqualTo("苏E1234挂");
        assertThat(VisitorInput.plate("plate", " ")).isNull();
        for (String bad : List.of("京A1234", "京I12345", "A12345", "京A1234567", "京AX12345", "美A12345", "京AO1234")) {
            assertThat(field(() -> VisitorInput.plate("plate", bad))).as(bad).isEqualTo("plate");
        }
    }

    @Test
    void idCardsNeedABirthDateAndTheirCheckCharacter() {
        assertThat(VisitorInput.idCard("id", "11010519491231002x")).isEqualTo("11010519491231002X");
        assertThat(VisitorInput.idCard("id", "440301199003071230")).isEqualTo("440301199003071230");
        assertThat(field(() -> VisitorInput.idCard("visitorIdCard", "440301199003071231"))).isEqualTo("visitorIdCard");
        assertThat(field(() -> VisitorInput.idCard("visitorIdCard", "440301199002301230"))).isEqualTo("visitorIdCard");
        assertThat(field(() -> VisitorInput.idCard("visitorIdCard", "4403011990030712"))).isEqualTo("visitorIdCard");
    }

    @Test
    void aWindowIsInTheFutureAndAtMostSevenDaysLong() {
        OffsetDateTime now = OffsetDateTime.parse("2026-11-26T08:00:00Z");
        VisitorInput.window(now, now.plusHours(1), now.plusDays(7).plusHours(1));
        assertThat(field(() -> VisitorInput.window(now, now.plusHours(1), now.plusDays(7).plusHours(2))))
                .isEqualTo("arriveUntil");
        assertThat(field(() -> VisitorInput.window(now, now.minusHours(1), now.plusHours(1)))).isEqualTo("arriveFrom");
        assertThat(field(() -> VisitorInput.window(now, now.plusHours(2), now.plusHours(1)))).isEqualTo("arriveUntil");
        assertThat(field(() -> VisitorInput.window(now, now.minusHours(3), now.minusHours(1)))).isEqualTo("arriveUntil");
    }

    @Test
    void companionsHaveNamesAndACountOfAtLeastTheirNumber() {
        assertThat(VisitorInput.companionNames(List.of(" 甲 ", "乙"))).containsExactly("甲", "乙");
        assertThat(VisitorInput.companionCount(null, List.of("甲", "乙"))).isEqualTo(2);
        assertThat(VisitorInput.companionCount(5, List.of("甲"))).isEqualTo(5);
        assertThat(field(() -> VisitorInput.companionCount(1, List.of("甲", "乙")))).isEqualTo("companionCount");
        assertThat(field(() -> VisitorInput.companionNames(List.of("甲", " ")))).isEqualTo("companionNames.1");
        assertThatThrownBy(() -> VisitorInput.companionCount(21, List.of())).isInstanceOf(ApiException.class);
    }
}
