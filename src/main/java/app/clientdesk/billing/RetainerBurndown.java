package app.clientdesk.billing;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A retainer's current period as the client page shows it: "14:30 of 20:00 used, 9 days left". Used time is
 * the client's billable time not billed elsewhere whose start falls in the period's days in the client's zone,
 * with the client's rounding. {@code rolledMinutes} came over from earlier periods; the first of them expires
 * on {@code rolledExpiresOn}. {@code daysLeft} counts today.
 */
public record RetainerBurndown(Retainer retainer, LocalDate start, LocalDate end, LocalDate today, long usedSeconds,
        int includedMinutes, int rolledMinutes, @Nullable LocalDate rolledExpiresOn, long daysLeft) {

    public long availableSeconds() {
        return (includedMinutes + (long) rolledMinutes) * 60;
    }

    public boolean over() {
        return usedSeconds > availableSeconds();
    }

    public long overSeconds() {
        return Math.max(0, usedSeconds - availableSeconds());
    }

    /** How full the bar is, 0–100. */
    public int percent() {
        if (availableSeconds() == 0) {
            return usedSeconds > 0 ? 100 : 0;
        }
        return (int) Math.min(100, usedSeconds * 100 / availableSeconds());
    }
}
