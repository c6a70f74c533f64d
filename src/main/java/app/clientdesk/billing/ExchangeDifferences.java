package app.clientdesk.billing;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.shared.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The realised exchange difference of payments in another currency than the workspace's base currency: what a
 * payment was worth in the base currency on the day it came in (at the payment date's rate) less what the
 * invoice said it was worth (at the issue date's rate). A gain is positive, a loss negative. Each figure is
 * rounded half-up to the base currency once; the total is the sum of the rounded differences. Only the part of a
 * payment that settled the invoice counts (credit beyond it is the client's money, not revenue). A payment
 * missing either rate is listed apart, not guessed.
 */
@Service
public class ExchangeDifferences {

    private final JdbcClient jdbc;
    private final Workspaces workspaces;

    ExchangeDifferences(JdbcClient jdbc, Workspaces workspaces) {
        this.jdbc = jdbc;
        this.workspaces = workspaces;
    }

    /** One payment: its amount in the invoice's currency, both rates, and its worth in the base currency at each. */
    public record Row(LocalDate paidOn, String invoiceNumber, String clientName, Money amount,
            @Nullable BigDecimal issueRate, @Nullable BigDecimal paymentRate, @Nullable Money atIssue,
            @Nullable Money atPayment, @Nullable Money difference) {

        public boolean complete() {
            return difference != null;
        }
    }

    /**
     * The payments of {@code from}–{@code to} in other currencies ({@code rows}: {@link #PAGE} of them from
     * {@code offset}, by date; {@code more} when others follow), and the sums of their differences over the whole
     * period, in {@code base}.
     */
    public record Report(Currency base, LocalDate from, LocalDate to, List<Row> rows, Money total, Money gains,
            Money losses, long withoutRate, int offset, boolean more) {
    }

    /** Payments listed on one page of the report; the sums are summed in the database over the whole period. */
    public static final int PAGE = 100;

    private static final String PAYMENTS = """
            from payments p
            join invoices i on i.id = p.invoice_id
            where p.workspace_id = :w and i.workspace_id = :w and p.paid_on >= :from and p.paid_on <= :to
                and i.currency <> :base and p.amount > 0""";

    /** The first page of the period's payments and the period's sums. */
    @Transactional(readOnly = true)
    public Report report(CurrentUser viewer, LocalDate from, LocalDate to) {
        return report(viewer, from, to, 0);
    }

    @Transactional(readOnly = true)
    public Report report(CurrentUser viewer, LocalDate from, LocalDate to, int offset) {
        viewer.requireOwner();
        WorkspaceId ws = viewer.workspaceId();
        Currency base = Currency.getInstance(workspaces.settings(ws).baseCurrency());
        int digits = Money.digits(base);
        List<Row> rows = new ArrayList<>();
        jdbc.sql("""
                select p.paid_on, p.amount, p.base_rate as payment_rate, i.number, i.currency, i.base_rate as issue_rate,
                    i.base_currency, c.name as client_name
                """ + PAYMENTS.replace("join invoices i on i.id = p.invoice_id",
                        "join invoices i on i.id = p.invoice_id\njoin clients c on c.id = i.client_id") + """

                order by p.paid_on, i.number, p.id
                offset :offset rows fetch next :limit rows only""")
                .param("w", ws.value()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .param("base", base.getCurrencyCode()).param("offset", offset).param("limit", PAGE + 1)
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    Money amount = new Money(rs.getBigDecimal("amount"), currency);
                    String invoiceBase = rs.getString("base_currency");
                    BigDecimal issueRate = base.getCurrencyCode().equals(invoiceBase) ? rs.getBigDecimal("issue_rate")
                            : null;
                    BigDecimal paymentRate = rs.getBigDecimal("payment_rate");
                    Money atIssue = issueRate == null ? null
                            : new Money(amount.amount().multiply(issueRate).setScale(digits, RoundingMode.HALF_UP), base);
                    Money atPayment = paymentRate == null ? null
                            : new Money(amount.amount().multiply(paymentRate).setScale(digits, RoundingMode.HALF_UP), base);
                    Money difference = atIssue == null || atPayment == null ? null
                            : new Money(atPayment.amount().subtract(atIssue.amount()), base);
                    return rows.add(new Row(rs.getDate("paid_on").toLocalDate(), rs.getString("number"),
                            rs.getString("client_name"), amount, issueRate, paymentRate, atIssue, atPayment,
                            difference));
                })
                .list();
        boolean more = rows.size() > PAGE;
        List<Row> shown = more ? rows.subList(0, PAGE) : rows;
        Sums sums = sums(ws, base, from, to);
        return new Report(base, from, to, List.copyOf(shown), new Money(sums.gains().add(sums.losses()), base),
                new Money(sums.gains(), base), new Money(sums.losses(), base), sums.missing(), offset, more);
    }

    /** The period's gains (positive), losses (negative) and payments without a rate, in {@code base}. */
    record Sums(BigDecimal gains, BigDecimal losses, long missing) {
    }

    /**
     * The sums over the period, from the daily sums ({@link ExchangeDays}): a row per day and currency, whatever the
     * number of payments. A day's differences count when its invoices' rates were recorded into {@code base} (then
     * they were rounded to its minor units); its payments are all without a rate otherwise.
     */
    Sums sums(WorkspaceId ws, Currency base, LocalDate from, LocalDate to) {
        int digits = Money.digits(base);
        return jdbc.sql("""
                select sum(case when d.rate_currency = :base then d.gains else 0 end) as gains,
                       sum(case when d.rate_currency = :base then d.losses else 0 end) as losses,
                       sum(case when d.rate_currency = :base then d.unrated else d.payments end) as missing
                from billing_exchange_days d
                where d.workspace_id = :w and d.paid_on >= :from and d.paid_on <= :to and d.currency <> :base""")
                .param("w", ws.value()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .param("base", base.getCurrencyCode())
                .query((rs, n) -> new Sums(zero(rs.getBigDecimal("gains"), digits),
                        zero(rs.getBigDecimal("losses"), digits), rs.getLong("missing")))
                .single();
    }

    private static BigDecimal zero(@Nullable BigDecimal value, int digits) {
        return (value == null ? BigDecimal.ZERO : value).setScale(digits, RoundingMode.UNNECESSARY);
    }
}
