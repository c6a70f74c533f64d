package app.clientdesk.billing;

import app.clientdesk.exchange.ExchangeRate;
import app.clientdesk.exchange.ExchangeRates;
import app.clientdesk.exchange.ExchangeRatesChanged;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.identity.Workspaces;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fills in the base-currency rate of invoices and payments recorded before a rate existed, when rates arrive
 * (typed or imported): an invoice issued, or a payment made, on or after the first day that changed gets the rate
 * in force on its date, as if the rate had been there at the time. A rate already recorded is never replaced.
 * Each filled-in figure keeps when it was filled in, so the reports can say which figures came later.
 *
 * <p>It runs in the transaction that changed the rates (a plain {@link EventListener}, not after commit): the
 * rates and the figures they complete are one change, and nothing is lost between the two.
 */
@Component
class RateBackfill {

    private final ExchangeRates rates;
    private final Workspaces workspaces;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final MonthSums monthSums;

    RateBackfill(ExchangeRates rates, Workspaces workspaces, JdbcClient jdbc, Clock clock, MonthSums monthSums) {
        this.monthSums = monthSums;
        this.rates = rates;
        this.workspaces = workspaces;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Unrated(UUID id, Currency currency, LocalDate day) {
    }

    @EventListener
    void on(ExchangeRatesChanged changed) {
        WorkspaceId ws = changed.workspace();
        Currency base = Currency.getInstance(workspaces.settings(ws).baseCurrency());
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        List<Unrated> invoices = jdbc.sql("""
                select id, currency, issue_date from invoices
                where workspace_id = :w and status <> 'DRAFT' and base_rate is null and currency <> :base
                  and issue_date >= :from""")
                .param("w", ws.value()).param("base", base.getCurrencyCode()).param("from", Date.valueOf(changed.from()))
                .query((rs, n) -> new Unrated(rs.getObject("id", UUID.class),
                        Currency.getInstance(rs.getString("currency").strip()), rs.getDate("issue_date").toLocalDate()))
                .list();
        for (Unrated i : invoices) {
            rate(ws, i, base).ifPresent(r -> {
                jdbc.sql("""
                        update invoices set base_currency = :base, base_rate = :rate, base_rate_day = :day,
                            base_rate_filled_at = :now
                        where workspace_id = :w and id = :id and base_rate is null""")
                        .param("base", base.getCurrencyCode()).param("rate", r.rate())
                        .param("day", Date.valueOf(r.day())).param("now", now).param("w", ws.value())
                        .param("id", i.id()).update();
                // Its revenue and its payments' cash now count in the base currency.
                monthSums.invoiceChanged(ws, i.id());
            });
        }
        List<Unrated> payments = jdbc.sql("""
                select p.id, i.currency, p.paid_on from payments p
                join invoices i on i.id = p.invoice_id and i.workspace_id = :w
                where p.workspace_id = :w and p.base_rate is null and i.currency <> :base and p.paid_on >= :from""")
                .param("w", ws.value()).param("base", base.getCurrencyCode()).param("from", Date.valueOf(changed.from()))
                .query((rs, n) -> new Unrated(rs.getObject("id", UUID.class),
                        Currency.getInstance(rs.getString("currency").strip()), rs.getDate("paid_on").toLocalDate()))
                .list();
        for (Unrated p : payments) {
            rate(ws, p, base).ifPresent(r -> {
                jdbc.sql("""
                        update payments set base_rate = :rate, base_rate_filled_at = :now
                        where workspace_id = :w and id = :id and base_rate is null""")
                        .param("rate", r.rate()).param("now", now).param("w", ws.value()).param("id", p.id()).update();
                // Its exchange difference can now be worked out.
                monthSums.paymentRateChanged(ws, p.day());
            });
        }
    }

    private Optional<ExchangeRate> rate(WorkspaceId ws, Unrated u, Currency base) {
        return rates.rate(ws, u.currency(), base, u.day());
    }
}
