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

    /** The payments of {@code from}–{@code to} in other currencies, the sum of their differences, in {@code base}. */
    public record Report(Currency base, LocalDate from, LocalDate to, List<Row> rows, Money total, Money gains,
            Money losses, long withoutRate) {
    }

    @Transactional(readOnly = true)
    public Report report(CurrentUser viewer, LocalDate from, LocalDate to) {
        viewer.requireOwner();
        WorkspaceId ws = viewer.workspaceId();
        Currency base = Currency.getInstance(workspaces.settings(ws).baseCurrency());
        int digits = Money.digits(base);
        List<Row> rows = new ArrayList<>();
        jdbc.sql("""
                select p.paid_on, p.amount, p.base_rate as payment_rate, i.number, i.currency, i.base_rate as issue_rate,
                    i.base_currency, c.name as client_name
                from payments p
                join invoices i on i.id = p.invoice_id
                join clients c on c.id = i.client_id
                where p.workspace_id = :w and p.paid_on >= :from and p.paid_on <= :to and i.currency <> :base
                    and p.amount > 0
                order by p.paid_on, i.number""")
                .param("w", ws.value()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .param("base", base.getCurrencyCode())
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
        BigDecimal gains = BigDecimal.ZERO;
        BigDecimal losses = BigDecimal.ZERO;
        long missing = 0;
        for (Row r : rows) {
            if (r.difference() == null) {
                missing++;
            } else if (r.difference().amount().signum() > 0) {
                gains = gains.add(r.difference().amount());
            } else {
                losses = losses.add(r.difference().amount());
            }
        }
        return new Report(base, from, to, List.copyOf(rows), new Money(gains.add(losses), base), new Money(gains, base),
                new Money(losses, base), missing);
    }
}
