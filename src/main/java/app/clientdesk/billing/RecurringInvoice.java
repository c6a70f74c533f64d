package app.clientdesk.billing;

import app.clientdesk.clients.ClientId;
import app.clientdesk.shared.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An invoice made on a schedule in the client's zone ({@link RecurringSchedule}): a draft, or issued when
 * {@code autoIssue}, on each date from {@code startsOn} until {@code endsOn}. {@code nextDate} is the next date
 * to make; null once it has ended or was stopped.
 */
public record RecurringInvoice(UUID id, ClientId clientId, String clientName, ZoneId zone, String language,
        String name, Currency currency, int every, RecurringSchedule.Unit unit, LocalDate startsOn,
        @Nullable LocalDate endsOn, @Nullable LocalDate nextDate, boolean autoIssue, @Nullable String notes,
        @Nullable Instant stoppedAt, List<Line> lines, Instant createdAt, Instant updatedAt) {

    /** A line: a description, a quantity of a unit price, a tax. */
    public record Line(String description, BigDecimal quantity, Money unitPrice, TaxRate tax) {
    }

    public boolean stopped() {
        return stoppedAt != null;
    }

    /** The next {@code count} dates from {@code nextDate}, within the end date. */
    public List<LocalDate> upcoming(int count) {
        List<LocalDate> out = new ArrayList<>();
        LocalDate d = nextDate;
        while (d != null && out.size() < count) {
            out.add(d);
            d = RecurringSchedule.nextAfter(startsOn, every, unit, d, endsOn);
        }
        return out;
    }

    /** What each invoice comes to by the money rule (tax included by {@code mode}). */
    public Money total(InvoiceMath.TaxMode mode) {
        List<InvoiceMath.Line> math = lines.stream()
                .map(l -> new InvoiceMath.Line(l.quantity(), l.unitPrice(), BigDecimal.ZERO, l.tax())).toList();
        return InvoiceMath.totals(math, mode, currency).total();
    }
}
