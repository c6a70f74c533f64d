package app.clientdesk.shared.web;

import app.clientdesk.shared.validation.Violations;
import org.jspecify.annotations.Nullable;

/**
 * The paging of every list in the API: {@code limit} (1 to 200, default 50) items from {@code offset} (0 or
 * more, default 0). The parameters are read by hand, so that a bad value is a 422 naming its parameter
 * ({@code validation.range}, translated) beside the list's other bad parameters, not Spring's 400.
 */
public record ApiPaging(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    /** The largest offset: room is left so that offset + limit (and one more, to see past the page) stays an int. */
    public static final int MAX_OFFSET = Integer.MAX_VALUE - 1_000;

    /** The paging asked for; a bad value is added to {@code v} (the caller throws once all its parameters are read). */
    public static ApiPaging read(@Nullable String limit, @Nullable String offset, Violations v) {
        return new ApiPaging(whole(limit, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, v),
                whole(offset, "offset", 0, 0, MAX_OFFSET, v));
    }

    /** Whether more items follow this page, when {@code total} match and {@code shown} are on it. */
    public boolean hasMore(long total, int shown) {
        return offset + (long) shown < total;
    }

    /** How many to fetch to know whether a next page exists without counting every match: one more than the limit. */
    public int limitPlusOne() {
        return limit + 1;
    }

    /** A whole number from min to max; blank is the fallback; anything else is a violation named after the field. */
    public static int whole(@Nullable String value, String field, int fallback, int min, int max, Violations v) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        v.add(field, "validation.range", min, max);
        return fallback;
    }
}
