package app.clientdesk.time;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.shared.validation.Violation;
import app.clientdesk.shared.validation.Violations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * Entries typed as local wall-clock times, in every time zone Java knows, from 1970 to 2100, half of them
 * within three hours of one of the zone's clock changes. What {@link TimeEntryRules#at} promises:
 * <ul>
 * <li>a local time that exists once is that moment; one that happens twice (clocks going back) is its first
 * occurrence; one that is skipped (clocks going forward) moves on by the length of the gap;</li>
 * <li>so two wall-clock times give the real time between them, except when the end is a repeated time
 * meant as its second occurrence, which counts as its first: then the difference is shorter by the
 * repeated stretch;</li>
 * <li>and for a start that exists, a later local end is never an earlier instant. Only a skipped start can
 * come after a later end (02:30 on a spring-forward night is 03:30, after 03:10), and the entry rules then
 * refuse the entry: they never give a negative duration.</li>
 * </ul>
 */
class DstDurationsTest {

    /**
     * Every zone of the tz database. A test that ran before in the same JVM may have registered ical4j's rules
     * provider, whose lazily loaded ids (with their own prefix) can answer no rules: only zones with rules count.
     */
    private static final List<ZoneId> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of)
            .filter(DstDurationsTest::hasRules).toList();

    private static boolean hasRules(ZoneId zone) {
        try {
            return zone.getRules() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
    private static final long FIRST = LocalDateTime.parse("1970-01-01T00:00:00").toEpochSecond(ZoneOffset.UTC);
    private static final long LAST = LocalDateTime.parse("2100-12-31T23:59:59").toEpochSecond(ZoneOffset.UTC);

    record WallClock(ZoneId zone, LocalDateTime local) {
    }

    @Provide
    Arbitrary<WallClock> wallClocks() {
        return Arbitraries.of(ZONES).flatMap(zone -> Arbitraries.longs().between(FIRST, LAST).flatMap(second -> {
            LocalDateTime anyTime = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
            ZoneOffsetTransition next = zone.getRules().nextTransition(Instant.ofEpochSecond(second));
            if (next == null || next.getDateTimeBefore().getYear() > 2100) {
                return Arbitraries.just(new WallClock(zone, anyTime));
            }
            // Half near the next clock change (within three hours either side), half anywhere.
            return Arbitraries.integers().between(-3 * 3600, 3 * 3600).flatMap(near -> Arbitraries.of(
                    new WallClock(zone, anyTime), new WallClock(zone, next.getDateTimeBefore().plusSeconds(near))));
        }));
    }

    @Property(tries = 5000)
    void aLocalTimeIsItsMomentTheFirstOfTwoOrMovesOnByTheGap(@ForAll("wallClocks") WallClock w) {
        ZoneRules rules = w.zone().getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(w.local());
        Instant expected;
        if (!offsets.isEmpty()) {
            // One offset, or two during an overlap: the one before the change comes first.
            expected = w.local().toInstant(offsets.get(0));
        } else {
            ZoneOffsetTransition gap = rules.getTransition(w.local());
            expected = gap.getInstant().plus(Duration.between(gap.getDateTimeBefore(), w.local()));
        }
        assertThat(TimeEntryRules.at(w.local(), w.zone())).as("%s in %s", w.local(), w.zone()).isEqualTo(expected);
    }

    @Property(tries = 5000)
    void wallClockTimesGiveTheRealTimeBetweenThem(@ForAll("wallClocks") WallClock w,
            @ForAll @LongRange(min = 0, max = 86400) long seconds) {
        ZonedDateTime start = ZonedDateTime.of(w.local(), w.zone());
        ZonedDateTime end = start.plusSeconds(seconds); // real elapsed time, whatever the clocks do
        long elapsed = Duration.between(TimeEntryRules.at(start.toLocalDateTime(), w.zone()),
                TimeEntryRules.at(end.toLocalDateTime(), w.zone())).getSeconds();

        ZonedDateTime endFirstTime = end.withEarlierOffsetAtOverlap();
        if (endFirstTime.toInstant().equals(end.toInstant())) {
            assertThat(elapsed).as("%s → %s", start, end).isEqualTo(seconds);
        } else {
            // The end's wall time happened twice and the second was meant: it counts as the first.
            long repeated = endFirstTime.getOffset().getTotalSeconds() - end.getOffset().getTotalSeconds();
            assertThat(elapsed).as("%s → %s (repeated %ss)", start, end, repeated).isEqualTo(seconds - repeated);
        }
    }

    @Property(tries = 5000)
    void aLaterLocalEndIsNeverAnEarlierInstantUnlessTheStartWasSkipped(@ForAll("wallClocks") WallClock w,
            @ForAll @LongRange(min = 0, max = 86400) long localSeconds) {
        LocalDateTime localEnd = w.local().plusSeconds(localSeconds);
        Instant start = TimeEntryRules.at(w.local(), w.zone());
        Instant end = TimeEntryRules.at(localEnd, w.zone());
        if (!w.zone().getRules().getValidOffsets(w.local()).isEmpty()) {
            assertThat(end).as("%s → %s in %s", w.local(), localEnd, w.zone()).isAfterOrEqualTo(start);
        } else if (end.isBefore(start)) {
            // A skipped start moved on by the gap; only an end inside that move can come before it.
            ZoneOffsetTransition gap = w.zone().getRules().getTransition(w.local());
            assertThat(localEnd).isBefore(w.local().plus(gap.getDuration()));
        }
    }

    @Property(tries = 5000)
    void theEntryRulesGiveAPositiveTrueDurationOfADayAtMostOrSayWhyNot(@ForAll("wallClocks") WallClock w,
            @ForAll @LongRange(min = -3600, max = 90000) long localSeconds) {
        LocalDateTime localEnd = w.local().plusSeconds(localSeconds);
        Assume.that(w.local().getYear() >= 1970 && localEnd.getYear() >= 1970); // earlier dates are refused as such
        Violations v = new Violations();
        TimeEntryRules.Valid valid = TimeEntryRules.check(TimeEntryInput.ofLocal(UUID.randomUUID().toString(), null,
                null, w.local().toLocalDate().toString(), w.local().toLocalTime().toString(),
                localEnd.toLocalDate().toString(), localEnd.toLocalTime().toString(), w.zone().getId(), true, null,
                null), ZoneId.of("UTC"), null, v);

        long real = Duration.between(ZonedDateTime.of(w.local(), w.zone()), ZonedDateTime.of(localEnd, w.zone()))
                .getSeconds();
        if (v.isEmpty()) {
            assertThat(valid.durationSeconds()).isPositive().isLessThanOrEqualTo(86400).isEqualTo(real);
            assertThat(valid.localDate()).isEqualTo(ZonedDateTime.of(w.local(), w.zone()).toLocalDate());
        } else {
            assertThat(v.list()).extracting(Violation::messageKey).containsAnyOf("time.end.beforeStart", "time.tooLong");
            assertThat(real <= 0 || real > 86400).as("refused %s → %s in %s: %s", w.local(), localEnd, w.zone(),
                    v.list()).isTrue();
        }
    }

    // --- examples ------------------------------------------------------------------------------------------

    @Example
    void onASpringForwardNight0130To0330IsOneHour() {
        assertThat(duration("America/New_York", "2027-03-14", "01:30", "2027-03-14", "03:30")).isEqualTo(3600);
    }

    @Example
    void onAFallBackNight0030To0230IsThreeHoursAnd0130To0145IsAQuarterOfAnHour() {
        assertThat(duration("America/New_York", "2027-11-07", "00:30", "2027-11-07", "02:30")).isEqualTo(3 * 3600);
        assertThat(duration("Europe/London", "2027-10-31", "00:30", "2027-10-31", "02:30")).isEqualTo(3 * 3600);
        assertThat(duration("America/New_York", "2027-11-07", "01:30", "2027-11-07", "01:45")).isEqualTo(15 * 60);
    }

    @Example
    void aClockChangeAtMidnightAndAHalfHourChange() {
        // São Paulo skipped 00:00–01:00 on 4 November 2018: 23:30 → 01:30 is one hour.
        assertThat(duration("America/Sao_Paulo", "2018-11-03", "23:30", "2018-11-04", "01:30")).isEqualTo(3600);
        // Lord Howe Island moves its clocks by half an hour (02:00 → 02:30 on 3 October 2027).
        assertThat(duration("Australia/Lord_Howe", "2027-10-03", "01:30", "2027-10-03", "03:00")).isEqualTo(3600);
    }

    @Example
    void aSkippedStartAfterItsEndIsRefusedNotNegative() {
        // 02:30 does not exist that night: it is 03:30, after 03:10.
        Violations v = new Violations();
        TimeEntryRules.check(TimeEntryInput.ofLocal(UUID.randomUUID().toString(), null, null, "2027-03-14", "02:30",
                null, "03:10", "America/New_York", true, null, null), ZoneId.of("UTC"), null, v);
        assertThat(v.list()).extracting(Violation::messageKey).containsExactly("time.end.beforeStart");
    }

    private static long duration(String zone, String date, String from, String endDate, String to) {
        Violations v = new Violations();
        TimeEntryRules.Valid valid = TimeEntryRules.check(TimeEntryInput.ofLocal(UUID.randomUUID().toString(), null,
                null, date, from, endDate, to, zone, true, null, null), ZoneId.of("UTC"), null, v);
        assertThat(v.list()).isEmpty();
        return valid.durationSeconds();
    }
}
