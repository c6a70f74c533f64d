package app.clientdesk.planning;

import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VTimezone;
import biweekly.util.DateTimeComponents;
import biweekly.util.Frequency;
import biweekly.util.Recurrence;
import biweekly.util.UtcOffset;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A VTIMEZONE built from Java's own time-zone rules, offline (biweekly's generator would fetch tzurl.org).
 *
 * <p>It covers {@code from} to {@code until} (or for ever): one observance for the offset in force at
 * {@code from}, one per historical transition in the span, and, where the zone's current rules are yearly
 * ("last Sunday of March at 01:00 UTC"), one yearly RRULE observance per rule, so an open-ended weekly meeting
 * stays right in later years. When one rule does not fit a plain RRULE (a change at 24:00, a "weekday on or
 * after" that can spill into the next month, a change at 01:00 UTC that is still Saturday on Nuuk's clocks), all
 * the zone's rules are written as dated transitions instead, forty years of them for an open span.
 *
 * <p>TZNAME is left out: Java has no reliable abbreviations, and the TZID is the IANA name calendars recognise.
 */
final class VTimezones {

    private static final int OPEN_ENDED_YEARS = 40;

    private VTimezones() {}

    static VTimezone of(ZoneId zone, Instant from, @Nullable Instant until) {
        ZoneRules rules = zone.getRules();
        VTimezone component = new VTimezone(zone.getId());
        List<ZoneOffsetTransition> history = rules.getTransitions();
        Instant lastHistorical = history.isEmpty() ? Instant.MIN : history.get(history.size() - 1).getInstant();
        ZoneOffsetTransition previous = rules.previousTransition(from.plusSeconds(1));
        boolean yearly = !rules.getTransitionRules().isEmpty();

        if (previous == null) {
            ZoneOffset offset = rules.getOffset(from);
            component.addStandardTime(observance(new StandardTime(), LocalDateTime.of(1970, 1, 1, 0, 0), offset,
                    offset));
        } else if (!yearly || !previous.getInstant().isAfter(lastHistorical)) {
            component.addComponent(transition(rules, previous));
            for (ZoneOffsetTransition next : history) {
                if (next.getInstant().isAfter(previous.getInstant())
                        && (until == null || next.getInstant().isBefore(until))) {
                    component.addComponent(transition(rules, next));
                }
            }
        }
        if (yearly && (until == null || until.isAfter(lastHistorical))) {
            int firstYear = previous != null && previous.getInstant().isAfter(lastHistorical)
                    ? previous.getDateTimeBefore().getYear()
                    : history.isEmpty() ? from.atOffset(ZoneOffset.UTC).getYear()
                    : lastHistorical.atOffset(ZoneOffset.UTC).getYear() + 1;
            int lastYear = until == null ? firstYear + OPEN_ENDED_YEARS : until.atOffset(ZoneOffset.UTC).getYear() + 1;
            List<ZoneOffsetTransitionRule> yearlyRules = rules.getTransitionRules();
            List<Recurrence> recurrences = new ArrayList<>();
            for (ZoneOffsetTransitionRule rule : yearlyRules) {
                Recurrence recurrence = recurrence(rule, firstYear);
                if (recurrence != null) {
                    recurrences.add(recurrence);
                }
            }
            // All rules as RRULEs or all as dates: a reader (ical4j, for one) may take yearly observances to
            // begin only after the last dated one.
            for (int i = 0; i < yearlyRules.size(); i++) {
                ZoneOffsetTransitionRule rule = yearlyRules.get(i);
                if (recurrences.size() == yearlyRules.size()) {
                    ZoneOffsetTransition first = rule.createTransition(firstYear);
                    Observance observance = observance(first.getOffsetAfter().equals(rule.getStandardOffset())
                            ? new StandardTime() : new DaylightSavingsTime(), first.getDateTimeBefore(),
                            first.getOffsetBefore(), first.getOffsetAfter());
                    observance.setRecurrenceRule(recurrences.get(i));
                    component.addComponent(observance);
                } else {
                    for (int year = firstYear; year <= lastYear; year++) {
                        component.addComponent(transition(rules, rule.createTransition(year)));
                    }
                }
            }
        }
        return component;
    }

    private static Observance transition(ZoneRules rules, ZoneOffsetTransition transition) {
        boolean daylight = rules.isDaylightSavings(transition.getInstant());
        return observance(daylight ? new DaylightSavingsTime() : new StandardTime(), transition.getDateTimeBefore(),
                transition.getOffsetBefore(), transition.getOffsetAfter());
    }

    private static <T extends Observance> T observance(T observance, LocalDateTime onset, ZoneOffset from,
            ZoneOffset to) {
        observance.setDateStart(new DateTimeComponents(onset.getYear(), onset.getMonthValue(), onset.getDayOfMonth(),
                onset.getHour(), onset.getMinute(), onset.getSecond(), false));
        observance.setTimezoneOffsetFrom(new UtcOffset(from.getTotalSeconds() * 1000L));
        observance.setTimezoneOffsetTo(new UtcOffset(to.getTotalSeconds() * 1000L));
        return observance;
    }

    /**
     * The rule as a yearly RRULE whose occurrences fall on the local date-time before each change, or null when
     * that takes more than BYMONTH, BYDAY and BYMONTHDAY (the change is at 24:00, or may spill into next month).
     */
    private static @Nullable Recurrence recurrence(ZoneOffsetTransitionRule rule, int firstYear) {
        if (rule.isMidnightEndOfDay() || !onNominalDate(rule, firstYear)) {
            return null;
        }
        Recurrence.Builder builder = new Recurrence.Builder(Frequency.YEARLY).byMonth(rule.getMonth().getValue());
        int indicator = rule.getDayOfMonthIndicator();
        DayOfWeek day = rule.getDayOfWeek();
        if (day == null) {
            return builder.byMonthDay(indicator).build();
        }
        if (indicator == -1) {
            return builder.byDay(-1, weekday(day)).build();
        }
        List<Integer> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            days.add(indicator > 0 ? indicator + i : indicator - i);
        }
        // "Sunday on or after the 8th" needs days 8 to 14 to exist in every year: not so from the 23rd of February.
        if (indicator > 0 && indicator + 6 > rule.getMonth().minLength()) {
            return null;
        }
        if (indicator < 0 && -indicator + 6 > rule.getMonth().minLength()) {
            return null;
        }
        return builder.byDay(weekday(day)).byMonthDay(days).build();
    }

    /**
     * Whether the wall clock before each change reads the rule's own date and one time of day, over a whole
     * 28-year calendar cycle: not so when a change defined in UTC falls on the previous local day.
     */
    private static boolean onNominalDate(ZoneOffsetTransitionRule rule, int firstYear) {
        LocalTime time = rule.createTransition(firstYear).getDateTimeBefore().toLocalTime();
        for (int year = firstYear; year < firstYear + 28; year++) {
            LocalDateTime before = rule.createTransition(year).getDateTimeBefore();
            if (!before.toLocalTime().equals(time) || !before.toLocalDate().equals(nominalDate(rule, year))) {
                return false;
            }
        }
        return true;
    }

    private static LocalDate nominalDate(ZoneOffsetTransitionRule rule, int year) {
        int indicator = rule.getDayOfMonthIndicator();
        DayOfWeek day = rule.getDayOfWeek();
        if (indicator < 0) {
            int dayOfMonth = rule.getMonth().length(Year.isLeap(year)) + 1 + indicator;
            LocalDate date = LocalDate.of(year, rule.getMonth(), dayOfMonth);
            return day == null ? date : date.with(TemporalAdjusters.previousOrSame(day));
        }
        LocalDate date = LocalDate.of(year, rule.getMonth(), indicator);
        return day == null ? date : date.with(TemporalAdjusters.nextOrSame(day));
    }

    private static biweekly.util.DayOfWeek weekday(DayOfWeek day) {
        return switch (day) {
            case MONDAY -> biweekly.util.DayOfWeek.MONDAY;
            case TUESDAY -> biweekly.util.DayOfWeek.TUESDAY;
            case WEDNESDAY -> biweekly.util.DayOfWeek.WEDNESDAY;
            case THURSDAY -> biweekly.util.DayOfWeek.THURSDAY;
            case FRIDAY -> biweekly.util.DayOfWeek.FRIDAY;
            case SATURDAY -> biweekly.util.DayOfWeek.SATURDAY;
            case SUNDAY -> biweekly.util.DayOfWeek.SUNDAY;
        };
    }
}
