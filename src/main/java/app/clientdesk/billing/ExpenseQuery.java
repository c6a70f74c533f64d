package app.clientdesk.billing;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which expenses to list: optionally one client, the dates {@code from}–{@code to} (inclusive), billable or
 * not, and only those on no invoice yet. At most {@code limit} from {@code offset}, latest first.
 */
public record ExpenseQuery(@Nullable UUID clientId, @Nullable LocalDate from, @Nullable LocalDate to,
        @Nullable Boolean billable, boolean unbilledOnly, int limit, int offset) {

    public static final int MAX_LIMIT = 500;

    public ExpenseQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1–" + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset");
        }
    }

    public static ExpenseQuery all() {
        return new ExpenseQuery(null, null, null, null, false, MAX_LIMIT, 0);
    }
}
