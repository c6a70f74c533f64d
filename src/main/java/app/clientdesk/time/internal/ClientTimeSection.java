package app.clientdesk.time.internal;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientPageSection;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.money.Money;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Ui;
import app.clientdesk.time.Rate;
import app.clientdesk.time.RateScope;
import app.clientdesk.time.Rates;
import app.clientdesk.time.Rounding;
import app.clientdesk.time.RoundingText;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeReports;
import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * "Time and billing" on a client's page: this month's tracked, billable and billed time (the viewer's month,
 * in their zone; a member sees their own time), for the owner the amount and the hourly rate, and the
 * client's rounding in words with an example, with the form to change it for the owner.
 */
@Component
@org.springframework.core.annotation.Order(20)
public class ClientTimeSection implements ClientPageSection {

    /** What the section shows; {@code amount} and {@code rate} are for the owner only. */
    public record Summary(String month, long trackedSeconds, long billableSeconds, long billedSeconds,
            @Nullable Money amount, boolean unpriced, boolean ownTimeOnly, @Nullable Rate rate) {

        public boolean rateIsDefault() {
            return rate != null && rate.scope() == RateScope.WORKSPACE;
        }
    }

    /** Hours and minutes of a total, "12:05"; seconds left over are not shown. */
    public static String hours(long seconds) {
        return RoundingText.duration(seconds / 60 * 60);
    }

    private final TimeEntries entries;
    private final TimeReports reports;
    private final Rates rates;
    private final TemplateEngine engine;
    private final Clock clock;

    ClientTimeSection(TimeEntries entries, TimeReports reports, Rates rates, TemplateEngine engine, Clock clock) {
        this.entries = entries;
        this.reports = reports;
        this.rates = rates;
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public Content render(CurrentUser viewer, Client client, Ui ui) {
        if (viewer.isClientContact()) {
            return output -> { };
        }
        Rounding rounding = entries.rounding(viewer, client.id());
        Map<String, Object> params = new HashMap<>();
        params.put("ui", ui);
        params.put("client", client);
        params.put("summary", summary(viewer, client, rounding, ui));
        params.put("rule", ui.t(RoundingText.rule(rounding).key(), RoundingText.rule(rounding).args().toArray()));
        params.put("example", RoundingText.example(rounding).map(t -> ui.t(t.key(), t.args().toArray())).orElse(null));
        params.put("form", RoundingForm.of(rounding));
        params.put("errors", FieldErrors.none());
        return output -> engine.render("time/rates/clientSection.jte", params, output);
    }

    private Summary summary(CurrentUser viewer, Client client, Rounding rounding, Ui ui) {
        LocalDate today = LocalDate.now(clock.withZone(viewer.zone()));
        LocalDate first = today.withDayOfMonth(1);
        // Summed in SQL (by day, task and rate), not read entry by entry: a busy client logs thousands a month.
        TimeReports.ClientTotals month = reports.clientTotals(viewer, client.id().value(), first,
                today.withDayOfMonth(today.lengthOfMonth()));
        String monthName = first.format(DateTimeFormatter.ofPattern(ui.t("rates.client.monthPattern"), ui.locale()));
        monthName = monthName.substring(0, 1).toUpperCase(ui.locale()) + monthName.substring(1);
        Money amount = null;
        Rate rate = null;
        if (viewer.seesMoney()) {
            amount = month.amountIn(client.currency());
            List<Rate> forClient = rates.forClient(viewer, client.id());
            rate = forClient.stream().filter(r -> r.scope() == RateScope.CLIENT).findFirst()
                    .or(() -> forClient.stream().filter(r -> r.scope() == RateScope.WORKSPACE).findFirst())
                    .orElse(null);
        }
        return new Summary(monthName, month.trackedSeconds(), month.billableSeconds(), month.billedSeconds(), amount,
                month.unpriced(), !viewer.isOwner(), rate);
    }
}
