package app.clientdesk.planning;

import app.clientdesk.sla.Holiday;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When one person works: their zone, working hours (several spans a day), days off, the buffer they keep between
 * blocks and the most focus time a day allows. {@code own} is false while the person follows the workspace's
 * calendar, which they do until they (or the owner) save one of their own.
 */
public record PersonCalendar(ZoneId zone, WeekHours hours, List<Holiday> holidays, Duration buffer,
        Duration focusLimit, boolean own) {

    /** The buffer a calendar has until the person says otherwise. */
    public static final Duration DEFAULT_BUFFER = Duration.ofMinutes(10);
    /** The focus limit a calendar has until the person says otherwise. */
    public static final Duration DEFAULT_FOCUS_LIMIT = Duration.ofHours(6);

    public PersonCalendar {
        holidays = holidays.stream().sorted(Comparator.comparing(Holiday::date)).toList();
        if (buffer.isNegative() || focusLimit.isNegative() || focusLimit.isZero()) {
            throw new IllegalArgumentException("a buffer must not be negative and a focus limit must be positive");
        }
    }

    /**
     * The working time of the dates {@code from} (inclusive) to {@code to} (exclusive), read in the person's zone,
     * holidays left out, as real intervals in order. A clock change inside a span makes that span an hour shorter
     * or longer (see {@link WeekHours#windows}).
     */
    public List<Interval> windows(LocalDate from, LocalDate to) {
        return hours.windows(from, to, zone, holidayDates());
    }

    public Set<LocalDate> holidayDates() {
        return holidays.stream().map(Holiday::date).collect(Collectors.toUnmodifiableSet());
    }

    public Optional<Holiday> holiday(LocalDate date) {
        return holidays.stream().filter(h -> h.date().equals(date)).findFirst();
    }

    /** Equal when they plan the same: {@link WeekHours} itself compares by identity, so its days are compared. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PersonCalendar that && that.zone.equals(zone) && that.hours.days().equals(hours.days())
                && that.holidays.equals(holidays) && that.buffer.equals(buffer) && that.focusLimit.equals(focusLimit)
                && that.own == own;
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, hours.days(), holidays, buffer, focusLimit, own);
    }

    @Override
    public String toString() {
        return "PersonCalendar[" + zone + ", " + hours.days() + ", holidays " + holidays + ", buffer " + buffer
                + ", focus " + focusLimit + (own ? ", own" : ", the workspace's") + "]";
    }
}
