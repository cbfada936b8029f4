package io.dayuan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PageTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 4, 9, 30, 0, 0, ZoneOffset.ofHours(8));

    @Test
    void aCursorComesBackAsTheSameInstantAndId() {
        Cursor cursor = new Cursor(AT, UUID.randomUUID());
        Cursor back = Cursor.decode("after", cursor.encode());
        assertThat(back.at().toInstant()).isEqualTo(AT.toInstant());
        assertThat(back.id()).isEqualTo(cursor.id());
        assertThat(Cursor.decode("after", null)).isNull();
    }

    @Test
    void aStringThatIsNotACursorIsValidationNamingTheField() {
        for (String bad : List.of("not a cursor!", "bm9waXBl", "MjAyNi0wMS0wMVQwMDowMDowMFp8bm9wZQ")) {
            assertThatThrownBy(() -> Cursor.decode("after", bad)).as(bad).isInstanceOf(ApiException.class)
                    .extracting("field").isEqualTo("after");
        }
    }

    @Test
    void firstIsOneToTheListsMaximumAndItsDefaultWhenLeftOut() {
        assertThat(Page.Size.MEDIUM.of("first", null)).isEqualTo(50);
        assertThat(Page.Size.MEDIUM.of("first", 200)).isEqualTo(200);
        assertThatThrownBy(() -> Page.Size.MEDIUM.of("first", 0)).extracting("field").isEqualTo("first");
        assertThatThrownBy(() -> Page.Size.MEDIUM.of("first", 201)).extracting("field").isEqualTo("first");
    }

    @Test
    void oneRowMoreThanThePageSaysMoreFollowAndIsLeftOut() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Page<UUID> page = Page.of(List.of(a, b), 1, id -> new Cursor(AT, id));
        assertThat(page.items()).containsExactly(a);
        assertThat(page.hasMore()).isTrue();
        assertThat(Cursor.decode("after", page.endCursor()).id()).isEqualTo(a);
        Page<UUID> last = Page.of(List.of(b), 1, id -> new Cursor(AT, id));
        assertThat(last.hasMore()).isFalse();
        assertThat(Page.of(List.<UUID> of(), 1, id -> new Cursor(AT, id)).endCursor()).isNull();
    }
}
