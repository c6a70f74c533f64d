package app.clientdesk.billing;

import app.clientdesk.clients.ClientId;
import app.clientdesk.shared.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who pays late: per client with a late invoice, how many paid invoices were paid after their due date (the
 * date of the last payment), how many open ones are overdue now, the average days late over both (an open one
 * counts the days so far), and the amount overdue now in the base currency. Overdue amounts without a rate are
 * in {@code unconverted}. Paid invoices count when they fell due in the last {@link #MONTHS} months (since
 * {@code since}), so the report reads a year of history, not all of it.
 */
public record LatePayersReport(LocalDate asOf, LocalDate since, Currency base, List<Row> clients,
        List<Unconverted> unconverted) {

    public static final int MONTHS = 12;

    public record Row(ClientId clientId, String clientName, long paid, long paidLate, long openOverdue,
            @Nullable BigDecimal averageDaysLate, Money overdueNow) {
    }
}
