package app.clientdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ResponseClockTest {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final WorkingCalendar CALENDAR = WorkingCalendar.standard(SAO_PAULO);
    private static final Instant MONDAY_9 = at("2026-12-07T09:00");

    // --- properties -------------------------------------------------------------------------------------------

    @Property(tries = 300)
    void pausingNeverShortensADeadline(@ForAll("instants") Instant received,
            @ForAll @IntRange(min = 1, max = 60) int commitmentHours, @ForAll("pauses") List<Pause> pauses) {
        Duration commitment = Duration.ofHours(commitmentHours);
        Instant unpaused = clock(commitment, received, List.of(), null).dueAt().orElseThrow();

        ResponseClock paused = clock(commitment, received, pauses, null);

        paused.dueAt().ifPresent(due -> assertThat(due).isAfterOrEqualTo(unpaused));
    }

    @Property(tries = 300)
    void theClockHasUsedExactlyTheCommitmentAtTheDueTime(@ForAll("instants") Instant received,
            @ForAll @IntRange(min = 1, max = 60) int commitmentHours, @ForAll("pauses") List<Pause> pauses) {
        ResponseClock clock = clock(Duration.ofHours(commitmentHours), received, pauses, null);

        clock.dueAt().ifPresent(due -> {
            assertThat(clock.used(due)).isEqualTo(Duration.ofHours(commitmentHours));
            assertThat(clock.state(due)).isNotEqualTo(SlaState.BREACHED);
            assertThat(clock.state(due.plusSeconds(1))).isIn(SlaState.BREACHED, SlaState.AT_RISK,
                    SlaState.PAUSED);
        });
    }

    @Property(tries = 300)
    void theClockTurnsAtRiskExactlyAtAtRiskAt(@ForAll("instants") Instant received,
            @ForAll @IntRange(min = 1, max = 60) int commitmentHours, @ForAll @IntRange(min = 1, max = 99) int percent,
            @ForAll("pauses") List<Pause> pauses) {
        ResponseClock clock = ResponseClock.of(CALENDAR, Duration.ofHours(commitmentHours), received, pauses, null,
                percent).orElseThrow();

        clock.atRiskAt().ifPresent(atRisk -> {
            assertThat(clock.state(atRisk)).isEqualTo(SlaState.AT_RISK);
            // Just before, on track; paused only when a pause ends at that very instant (the share ran out as it began).
            boolean pauseEndsThere = clock.state(atRisk.minusNanos(1)) == SlaState.PAUSED
                    && pauses.stream().anyMatch(p -> atRisk.equals(p.until()));
            if (!pauseEndsThere) {
                assertThat(clock.state(atRisk.minusNanos(1))).isEqualTo(SlaState.ON_TRACK);
            }
            clock.dueAt().ifPresent(due -> assertThat(atRisk).isBeforeOrEqualTo(due));
        });
    }

    @Property(tries = 300)
    void pausingNeverBringsTheAtRiskMomentForward(@ForAll("instants") Instant received,
            @ForAll @IntRange(min = 1, max = 60) int commitmentHours, @ForAll @IntRange(min = 1, max = 99) int percent,
            @ForAll("pauses") List<Pause> pauses, @ForAll("pauses") List<Pause> more) {
        Duration commitment = Duration.ofHours(commitmentHours);
        Instant before = ResponseClock.of(CALENDAR, commitment, received, pauses, null, percent).orElseThrow()
                .atRiskAt().orElse(null);
        List<Pause> all = new ArrayList<>(pauses);
        all.addAll(more);

        ResponseClock paused = ResponseClock.of(CALENDAR, commitment, received, all, null, percent).orElseThrow();

        if (before == null) {
            assertThat(paused.atRiskAt()).isEmpty();
        } else {
            paused.atRiskAt().ifPresent(atRisk -> assertThat(atRisk).isAfterOrEqualTo(before));
        }
    }

    // --- examples -----------------------------------------------------------------------------------------------

    @Example
    void aRequestWithoutACommitmentHasNoClock() {
        assertThat(ResponseClock.of(CALENDAR, null, MONDAY_9, List.of(), null, 75)).isEmpty();
    }

    @Example
    void onTrackThenAtRiskAtThreeQuartersThenBreachedAfterTheDueTime() {
        ResponseClock clock = clock(Duration.ofHours(8), MONDAY_9, List.of(), null);

        assertThat(clock.dueAt()).contains(at("2026-12-07T17:00"));
        assertThat(clock.state(at("2026-12-07T14:59"))).isEqualTo(SlaState.ON_TRACK);
        assertThat(clock.state(at("2026-12-07T15:00"))).isEqualTo(SlaState.AT_RISK);
        assertThat(clock.state(at("2026-12-07T17:00"))).isEqualTo(SlaState.AT_RISK);
        assertThat(clock.state(at("2026-12-07T17:01"))).isEqualTo(SlaState.BREACHED);
        assertThat(clock.remaining(at("2026-12-07T16:15"))).isEqualTo(Duration.ofMinutes(45));
    }

    @Example
    void atRiskAtIsThreeQuartersOfTheWayCountingPauses() {
        assertThat(clock(Duration.ofHours(8), MONDAY_9, List.of(), null).atRiskAt())
                .contains(at("2026-12-07T15:00"));
        // Six hours of business time from Monday 09:00 with 10:00-12:00 stopped: Monday 17:00.
        assertThat(clock(Duration.ofHours(8), MONDAY_9, List.of(new Pause(at("2026-12-07T10:00"),
                at("2026-12-07T12:00"))), null).atRiskAt()).contains(at("2026-12-07T17:00"));
        // Friday afternoon: the share runs out on Monday.
        assertThat(clock(Duration.ofHours(8), at("2026-12-04T15:00"), List.of(), null).atRiskAt())
                .contains(at("2026-12-07T12:00"));
        assertThat(clock(Duration.ofHours(8), MONDAY_9, List.of(new Pause(at("2026-12-07T10:00"), null)), null)
                .atRiskAt()).isEmpty();
    }

    @Example
    void aShareRunningOutAsAPauseStartsTurnsAtRiskWhenThePauseEnds() {
        ResponseClock clock = clock(Duration.ofHours(4), MONDAY_9,
                List.of(new Pause(at("2026-12-07T12:00"), at("2026-12-07T14:00"))), null);

        assertThat(clock.atRiskAt()).contains(at("2026-12-07T14:00"));
        assertThat(clock.state(at("2026-12-07T13:00"))).isEqualTo(SlaState.PAUSED);
        assertThat(clock.state(at("2026-12-07T14:00"))).isEqualTo(SlaState.AT_RISK);
    }

    @Example
    void theAtRiskShareIsTheWorkspacesChoice() {
        ResponseClock clock = ResponseClock.of(CALENDAR, Duration.ofHours(8), MONDAY_9, List.of(), null, 50)
                .orElseThrow();

        assertThat(clock.state(at("2026-12-07T12:59"))).isEqualTo(SlaState.ON_TRACK);
        assertThat(clock.state(at("2026-12-07T13:00"))).isEqualTo(SlaState.AT_RISK);
    }

    @Example
    void anAnswerByTheDueTimeIsMetAndALaterOneBreached() {
        assertThat(clock(Duration.ofHours(8), MONDAY_9, List.of(), at("2026-12-07T17:00"))
                .state(at("2026-12-09T10:00"))).isEqualTo(SlaState.MET);
        assertThat(clock(Duration.ofHours(8), MONDAY_9, List.of(), at("2026-12-07T17:30"))
                .state(at("2026-12-09T10:00"))).isEqualTo(SlaState.BREACHED);
    }

    @Example
    void waitingOnTheClientPausesTheClockAndPushesTheDeadline() {
        Pause waiting = new Pause(at("2026-12-07T10:00"), at("2026-12-07T12:00"));
        ResponseClock clock = clock(Duration.ofHours(8), MONDAY_9, List.of(waiting), null);

        // 8 hours from Monday 09:00 with two hours stopped: 09:00-10:00, 12:00-18:00, Tuesday 09:00-10:00.
        assertThat(clock.dueAt()).contains(at("2026-12-08T10:00"));
        assertThat(clock.state(at("2026-12-07T11:00"))).isEqualTo(SlaState.PAUSED);
        assertThat(clock.used(at("2026-12-07T13:00"))).isEqualTo(Duration.ofHours(2));
    }

    @Example
    void whileAPauseRunsNobodyKnowsTheDueTime() {
        ResponseClock clock = clock(Duration.ofHours(8), MONDAY_9, List.of(new Pause(at("2026-12-07T10:00"), null)),
                null);

        assertThat(clock.dueAt()).isEmpty();
        assertThat(clock.state(at("2026-12-10T10:00"))).isEqualTo(SlaState.PAUSED);
    }

    @Example
    void aPromiseBrokenBeforeThePauseStaysBroken() {
        ResponseClock clock = clock(Duration.ofHours(2), MONDAY_9, List.of(new Pause(at("2026-12-07T15:00"), null)),
                null);

        assertThat(clock.dueAt()).contains(at("2026-12-07T11:00"));
        assertThat(clock.state(at("2026-12-07T16:00"))).isEqualTo(SlaState.BREACHED);
    }

    @Example
    void pausesBeforeReceiptOrAfterTheAnswerDoNotCount() {
        List<Pause> pauses = List.of(new Pause(at("2026-12-04T09:00"), at("2026-12-07T10:00")),
                new Pause(at("2026-12-07T16:00"), null));
        ResponseClock clock = clock(Duration.ofHours(4), MONDAY_9, pauses, at("2026-12-07T15:00"));

        assertThat(clock.dueAt()).contains(at("2026-12-07T14:00"));
        assertThat(clock.state(at("2026-12-08T09:00"))).isEqualTo(SlaState.BREACHED);
    }

    @Example
    void aRequestFromSydneyOnMondayMorningIsDueInTheVasMondayWrittenForBoth() {
        Instant received = LocalDateTime.parse("2026-12-07T09:00").atZone(SYDNEY).toInstant();
        Instant due = clock(Duration.ofHours(4), received, List.of(), null).dueAt().orElseThrow();

        DueTimes.DueTime written = DueTimes.of(due, SAO_PAULO, SYDNEY, Locale.ENGLISH);

        assertThat(written.va()).startsWith("Mon").contains("1:00").endsWith("(Sao Paulo)");
        assertThat(written.client()).startsWith("Tue").contains("3:00").endsWith("(Sydney)");
        assertThat(written.sameWallClock()).isFalse();
        assertThat(written.iso()).isEqualTo("2026-12-07T13:00-03:00");
        assertThat(DueTimes.of(due, SAO_PAULO, SAO_PAULO, new Locale("pt", "BR")).va()).startsWith("seg")
                .contains("13:00");
    }

    // --- generators and helpers ---------------------------------------------------------------------------------

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.integers().between(0, 60 * 24 * 60).map(m -> MONDAY_9.minus(Duration.ofDays(30))
                .plus(Duration.ofMinutes(m)));
    }

    @Provide
    Arbitrary<List<Pause>> pauses() {
        Arbitrary<Pause> pause = Combinators.combine(instants(), Arbitraries.integers().between(0, 5 * 24 * 60),
                Arbitraries.integers().between(0, 9)).as((from, minutes, open) -> new Pause(from,
                        open == 0 ? null : from.plus(Duration.ofMinutes(minutes))));
        return pause.list().ofMaxSize(4).map(ArrayList::new);
    }

    private static ResponseClock clock(Duration commitment, Instant received, List<Pause> pauses,
            Instant firstAnswer) {
        return ResponseClock.of(CALENDAR, commitment, received, pauses, firstAnswer, 75).orElseThrow();
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SAO_PAULO).toInstant();
    }
}
