package app.clientdesk.billing;

import app.clientdesk.clients.ClientId;
import app.clientdesk.shared.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A monthly fee with included minutes for a client, in the client's currency, issued on {@code issueDay} in the
 * client's zone ({@link RetainerSchedule}). Time beyond the included and rolled-over minutes is billed at
 * {@code overageRate} per hour (not billed without one). {@code billFrom} is the first day periods are made
 * from: the start, the day it was last resumed, or the day the owner chose to skip the periods that had begun.
 * A period starting before {@code billedLateBefore} (periods that had begun when the owner chose to bill them
 * now) is issued dated the day it is made, not its first day.
 */
public record Retainer(UUID id, ClientId clientId, String clientName, ZoneId zone, String language, String name,
        Money monthlyFee, int includedMinutes, @Nullable Money overageRate, boolean rollover, int rolloverMonths,
        int issueDay, TaxRate tax, LocalDate startsOn, @Nullable LocalDate endsOn, LocalDate billFrom, boolean paused,
        Instant createdAt, Instant updatedAt, @Nullable LocalDate billedLateBefore) {

    public Currency currency() {
        return monthlyFee.currency();
    }

    /** The first period this retainer bills (or bills again after a pause). */
    public RetainerSchedule.Period firstPeriod() {
        LocalDate from = billFrom.isAfter(startsOn) ? billFrom : startsOn;
        return RetainerSchedule.firstFrom(from, issueDay);
    }

    /** Whether the period starting on {@code start} is one it bills (not paused is checked apart). */
    public boolean bills(LocalDate start) {
        return !start.isBefore(firstPeriod().start()) && (endsOn == null || !start.isAfter(endsOn));
    }

    public boolean ended(LocalDate today) {
        return endsOn != null && endsOn.isBefore(today);
    }
}
