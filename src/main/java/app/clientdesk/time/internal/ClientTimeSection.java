package app.clientdesk.time.internal;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientPageSection;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.money.Money;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Ui;
import app.clientdesk.time.BilledTime;
import app.clientdesk.time.Rate;
import app.clientdesk.time.RateScope;
import app.clientdesk.time.Rates;
import app.clientdesk.time.Rounding;
import app.clientdesk.time.RoundingText;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeEntry;
import app.clientdesk.time.TimeQuery;
import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
    private final Rates rates;
    private final TemplateEngine engine;
    private final Clock clock;

    ClientTimeSection(TimeEntries entries, Rates rates, TemplateEngine engine, Clock clock) {
        this.entries = entries;
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
        List<TimeEntry> month = month(viewer, client, first, today.withDayOfMonth(today.lengthOfMonth()));
        long tracked = month.stream().mapToLong(TimeEntry::durationSeconds).sum();
        long billable = month.stream().filter(TimeEntry::billable).mapToLong(TimeEntry::durationSeconds).sum();
        List<BilledTime.Unit> units = BilledTime.units(month, rounding);
        String monthName = first.format(DateTimeFormatter.ofPattern(ui.t("rates.client.monthPattern"), ui.locale()));
        monthName = monthName.substring(0, 1).toUpperCase(ui.locale()) + monthName.substring(1);
        Money amount = null;
        Rate rate = null;
        if (viewer.seesMoney()) {
            amount = BilledTime.amount(units, client.currency());
            List<Rate> forClient = rates.forClient(viewer, client.id());
            rate = forClient.stream().filter(r -> r.scope() == RateScope.CLIENT).findFirst()
                    .or(() -> forClient.stream().filter(r -> r.scope() == RateScope.WORKSPACE).findFirst())
                    .orElse(null);
        }
        return new Summary(monthName, tracked, billable, BilledTime.billedSeconds(units), amount,
                units.stream().anyMatch(u -> u.rate() == null), !viewer.isOwner(), rate);
    }

    /** The month's entries for the client that the viewer may see (a member's own), page by page. */
    private List<TimeEntry> month(CurrentUser viewer, Client client, LocalDate from, LocalDate to) {
        List<TimeEntry> all = new ArrayList<>();
        List<TimeEntry> page;
        int offset = 0;
        do {
            page = entries.search(viewer, new TimeQuery(from, to, client.id().value(), null, null, null,
                    TimeQuery.MAX_LIMIT, offset));
            all.addAll(page);
            offset += page.size();
        } while (page.size() == TimeQuery.MAX_LIMIT);
        return all;
    }
}
