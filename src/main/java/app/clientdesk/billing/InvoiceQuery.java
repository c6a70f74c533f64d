package app.clientdesk.billing;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which invoices to list: a state (all, drafts, open, overdue, paid, void), one client, a number or client
 * name fragment; {@code limit} from {@code offset}, newest first.
 */
public record InvoiceQuery(Filter filter, @Nullable UUID clientId, @Nullable String search, int limit, int offset) {

    public static final int MAX_LIMIT = 200;

    public enum Filter { ALL, DRAFT, OPEN, OVERDUE, PAID, VOID }

    public InvoiceQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1–" + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset");
        }
        search = search == null || search.isBlank() ? null : search.strip();
    }

    public static InvoiceQuery all() {
        return new InvoiceQuery(Filter.ALL, null, null, 50, 0);
    }
}
