package app.clientdesk.billing;

import app.clientdesk.exchange.ExchangeRate;
import app.clientdesk.exchange.ExchangeRates;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.identity.Workspaces;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the rate of an invoice's currency in the workspace's base currency: on its issue date when it is
 * issued, and on the payment date when a payment is recorded, both from the workspace's exchange rates (1 for
 * the base currency itself). Reports convert with the issue-date rate, and the realised exchange difference of
 * a payment is its amount at the payment-date rate less its amount at the issue-date rate. The forecast, for
 * money not invoiced yet, uses the newest rate on or before today. Without a rate on
 * or before the date nothing is guessed: the rate stays empty and reports say so.
 */
@Component
class BaseCurrencyRates implements Invoices.IssueStep, Payments.PaymentStep, ForecastRates {

    private final ExchangeRates rates;
    private final Workspaces workspaces;
    private final InvoiceStore invoices;
    private final JdbcClient jdbc;
    private final MonthSums monthSums;

    BaseCurrencyRates(ExchangeRates rates, Workspaces workspaces, InvoiceStore invoices, JdbcClient jdbc,
            MonthSums monthSums) {
        this.monthSums = monthSums;
        this.rates = rates;
        this.workspaces = workspaces;
        this.invoices = invoices;
        this.jdbc = jdbc;
    }

    @Override
    public void issued(WorkspaceId workspace, Invoice invoice) {
        Currency base = Currency.getInstance(workspaces.settings(workspace).baseCurrency());
        LocalDate day = invoice.issueDate();
        if (day == null) {
            return;
        }
        exchange(workspace, invoice.currency(), base, day)
                .ifPresent(r -> invoices.baseRate(workspace, invoice.id().value(), base, r.rate(), r.day()));
    }

    @Override
    public void recorded(WorkspaceId workspace, Invoice invoice, Payment payment) {
        Currency base = Currency.getInstance(workspaces.settings(workspace).baseCurrency());
        exchange(workspace, invoice.currency(), base, payment.paidOn()).ifPresent(r -> {
            jdbc.sql("update payments set base_rate = :rate where workspace_id = :w and id = :id")
                    .param("rate", r.rate()).param("w", workspace.value()).param("id", payment.id()).update();
            monthSums.paymentRateChanged(workspace, payment.paidOn());
        });
    }

    @Override
    public Optional<BigDecimal> rate(WorkspaceId workspace, Currency from, Currency to, LocalDate day) {
        return exchange(workspace, from, to, day).map(ExchangeRate::rate);
    }

    private Optional<ExchangeRate> exchange(WorkspaceId workspace, Currency from, Currency base, LocalDate day) {
        if (from.equals(base)) {
            return Optional.of(new ExchangeRate(from, base, BigDecimal.ONE, day, "SAME"));
        }
        return rates.rate(workspace, from, base, day);
    }
}
