package app.clientdesk.time;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which entries to list: local dates {@code from}–{@code to} (inclusive), and optionally one client,
 * project, person, billable state or tag (matched ignoring case). At most {@code limit} from
 * {@code offset}, latest first.
 */
public record TimeQuery(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable UUID clientId,
        @Nullable UUID projectId, @Nullable UUID userId, @Nullable Boolean billable, @Nullable String tag, int limit,
        int offset) {

    public static final int MAX_LIMIT = 500;

    public TimeQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1–" + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset");
        }
        tag = tag == null || tag.isBlank() ? null : tag.strip();
    }

    /** A query without a tag filter. */
    public TimeQuery(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable UUID clientId,
            @Nullable UUID projectId, @Nullable UUID userId, @Nullable Boolean billable, int limit, int offset) {
        this(from, to, clientId, projectId, userId, billable, null, limit, offset);
    }

    public static TimeQuery between(LocalDate from, LocalDate to) {
        return new TimeQuery(from, to, null, null, null, null, MAX_LIMIT, 0);
    }
}
