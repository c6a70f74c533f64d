package app.clientdesk.billing;

import app.clientdesk.clients.ClientId;
import app.clientdesk.shared.money.Money;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Accounts receivable by age: the amount due on open invoices per client and bucket, in the base currency at
 * each invoice's recorded rate, as of {@code asOf} (today in the workspace's zone). Invoices without a rate are
 * in {@code unconverted}, not in the figures. {@code total} is the whole workspace's; {@code clients} is one page
 * ({@code page}, from 1) of at most {@link #PAGE} clients, largest amount due first, of {@code clientCount} clients
 * with open invoices (0 when the page is past the last).
 */
public record AgeingReport(LocalDate asOf, Currency base, List<Row> clients, Row total, List<Unconverted> unconverted,
        int page, long clientCount) {

    /** Clients listed per page. */
    public static final int PAGE = 20;

    /** The position of the first client listed, from 1. */
    public long firstPosition() {
        return (long) (page - 1) * PAGE + 1;
    }

    public long lastPosition() {
        return firstPosition() + clients.size() - 1;
    }

    public boolean hasMore() {
        return lastPosition() < clientCount;
    }

    /** One client's (or, with no client, the total's) amounts per bucket; {@code invoices} counts them all. */
    public record Row(@Nullable ClientId clientId, String clientName, Map<AgeingBucket, Money> buckets, Money total,
            long invoices) {

        public Money in(AgeingBucket bucket) {
            return buckets.get(bucket);
        }
    }

    /** An open invoice of one bucket, for the list behind an amount. {@code baseDue} is null without a rate. */
    public record Item(InvoiceId id, String number, ClientId clientId, String clientName, LocalDate issueDate,
            LocalDate dueDate, long daysPastDue, Money due, @Nullable Money baseDue) {
    }

    /** The invoices behind one amount: at most the first {@code limit}, oldest due first, of {@code count}. */
    public record Items(AgeingBucket bucket, @Nullable ClientId clientId, @Nullable String clientName, LocalDate asOf,
            List<Item> items, long count, Money baseTotal, int limit) {
    }
}
