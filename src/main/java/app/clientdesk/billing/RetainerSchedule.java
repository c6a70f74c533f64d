package app.clientdesk.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The calendar of a retainer. A period starts on the issue day of a month (a month without that day uses its
 * last day) and ends the day before the next month's issue day, so periods follow each other without gaps.
 * A period's invoice is due at the start of its first day in the client's zone: the zone's own start of day,
 * which is 01:00 where the clocks jump at midnight, so a day is never skipped nor counted twice.
 */
public final class RetainerSchedule {

    private RetainerSchedule() {}

    /** A period, first and last day inclusive, as local dates in the client's zone. */
    public record Period(LocalDate start, LocalDate end) {

        /** The month whose issue day starts it (the month the fee is for). */
        public YearMonth month() {
            return YearMonth.from(start);
        }

        public boolean contains(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }

        public long days() {
            return ChronoUnit.DAYS.between(start, end) + 1;
        }
    }

    /** The issue day in {@code month}: {@code issueDay}, or the month's last day when it is shorter. */
    public static LocalDate issueDate(YearMonth month, int issueDay) {
        if (issueDay < 1 || issueDay > 31) {
            throw new IllegalArgumentException("an issue day is 1–31: " + issueDay);
        }
        return month.atDay(Math.min(issueDay, month.lengthOfMonth()));
    }

    /** The period whose invoice is issued in {@code month}. */
    public static Period ofMonth(YearMonth month, int issueDay) {
        return new Period(issueDate(month, issueDay), issueDate(month.plusMonths(1), issueDay).minusDays(1));
    }

    /** The period {@code day} belongs to. */
    public static Period containing(LocalDate day, int issueDay) {
        YearMonth month = YearMonth.from(day);
        if (day.isBefore(issueDate(month, issueDay))) {
            month = month.minusMonths(1);
        }
        return ofMonth(month, issueDay);
    }

    /** The first period that starts on or after {@code day}. */
    public static Period firstFrom(LocalDate day, int issueDay) {
        Period p = containing(day, issueDay);
        return p.start().equals(day) ? p : next(p, issueDay);
    }

    public static Period next(Period period, int issueDay) {
        return ofMonth(period.month().plusMonths(1), issueDay);
    }

    public static Period previous(Period period, int issueDay) {
        return ofMonth(period.month().minusMonths(1), issueDay);
    }

    /** When the invoice of the period starting on {@code start} is due: the start of that day in {@code zone}. */
    public static Instant issueInstant(LocalDate start, ZoneId zone) {
        return start.atStartOfDay(zone).toInstant();
    }

    /** The day in {@code zone} at {@code now}: a period is due once this day has reached its start. */
    public static LocalDate today(Instant now, ZoneId zone) {
        return now.atZone(zone).toLocalDate();
    }

    /**
     * The last day unused minutes of {@code period} may be used when they roll over for {@code months}
     * periods: the end of the {@code months}-th period after it.
     */
    public static LocalDate rolloverExpiry(Period period, int months, int issueDay) {
        return ofMonth(period.month().plusMonths(months), issueDay).end();
    }
}
