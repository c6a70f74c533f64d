package app.clientdesk.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The stretch a feed covers: {@link #DAYS_BACK} days before today to {@link #DAYS_AHEAD} days after, in the
 * subject's zone. Calendar apps keep what they fetched before, so a longer past is not needed; a year ahead
 * covers every plan and deadline worth a reminder, and keeps a year of blocks small enough to answer fast.
 */
public record FeedWindow(LocalDate firstDay, LocalDate lastDay, Instant from, Instant to) {

    public static final int DAYS_BACK = 60;
    public static final int DAYS_AHEAD = 365;

    public static FeedWindow around(LocalDate today, ZoneId zone) {
        LocalDate first = today.minusDays(DAYS_BACK);
        LocalDate last = today.plusDays(DAYS_AHEAD);
        return new FeedWindow(first, last, first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }
}
