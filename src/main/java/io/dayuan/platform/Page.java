package io.dayuan.platform;

import java.util.List;
import java.util.function.Function;

/**
 * A page of a list: its items, the {@link Cursor} after its last item (null for an empty page) and whether more
 * follow. Each GraphQL page type (NotificationPage, …) is made from one. The page-size rule: {@code first} is 1 to
 * the list's maximum, its default when left out; VALIDATION otherwise. The sizes are declared once, here
 * ({@link Size}), and each operation's description states its list's.
 */
public record Page<T>(List<T> items, String endCursor, boolean hasMore) {

    /** The default and the maximum of {@code first} for one kind of list. */
    public record Size(int byDefault, int max) {

        /** Lists read a screen at a time: the inbox, parked deliveries, emergency broadcasts. */
        public static final Size SHORT = new Size(20, 100);

        /** Lists read in larger pages: bookings, scans. */
        public static final Size MEDIUM = new Size(50, 200);

        /** Lists read whole where possible: visits. */
        public static final Size LONG = new Size(100, 500);

        /** The page size of a {@code first} argument: the default when absent, VALIDATION outside 1 to max. */
        public int of(String field, Integer first) {
            if (first == null) {
                return byDefault;
            }
            if (first < 1 || first > max) {
                throw ApiException.validation(field, field + " must be between 1 and " + max);
            }
            return first;
        }
    }

    /** The page of {@code size} items out of up to {@code size + 1} fetched (one more tells whether more follow). */
    public static <T> Page<T> of(List<T> fetched, int size, Function<T, Cursor> cursorOf) {
        boolean more = fetched.size() > size;
        List<T> items = more ? List.copyOf(fetched.subList(0, size)) : fetched;
        return new Page<>(items, items.isEmpty() ? null : cursorOf.apply(items.get(items.size() - 1)).encode(), more);
    }
}
