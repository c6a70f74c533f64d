package app.clientdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link ResponseClock#nextChange}: what the clock job plans its next look at a request by. Checking only at the
 * planned instants must see every turn to at risk and to breached, at the microsecond it happens, and never plan
 * the same instant twice.
 */
class ResponseClockNextChangeTest {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final Instant MONDAY_9 = LocalDateTime.parse("2026-12-07T09:00").atZone(SAO_PAULO).toInstant();
    private static final Duration MICRO = Duration.of(1, ChronoUnit.MICROS);

    @Property(tries = 300)
    void checkingOnlyAtThePlannedInstantsSeesEveryTurnWhenItHappens(@ForAll("instants") Instant received,
            @ForAll @IntRange(min = 1, max = 60) int commitmentHours, @ForAll @IntRange(min = 1, max = 99) int percent,
            @ForAll("closedPauses") List<Pause> pauses, @ForAll boolean sydney) {
        WorkingCalendar calendar = WorkingCalendar.standard(sydney ? SYDNEY : SAO_PAULO);
        // Waits on the client that came after the request and are over: the job is never asked during a pause.
        List<Pause> later = pauses.stream().filter(p -> p.from().isAfter(received)).toList();
        ResponseClock clock = ResponseClock.of(calendar, Duration.ofHours(commitmentHours), received, later, null,
                percent).orElseThrow();

        Instant now = received;
        List<SlaState> seen = new ArrayList<>();
        for (int step = 0; step < 10; step++) {
            SlaState before = clock.state(now);
            Optional<Instant> next = clock.nextChange(now);
            if (next.isEmpty()) {
                assertThat(before).isIn(SlaState.BREACHED, SlaState.PAUSED);
                break;
            }
            Instant at = next.get();
            assertThat(at).isAfter(now);
            assertThat(at.truncatedTo(ChronoUnit.MICROS)).isEqualTo(at);
            SlaState after = clock.state(at);
            // Between the two looks nothing worse than the state before happened (a pause may come and go).
            assertThat(clock.state(at.minus(MICRO))).isIn(before, SlaState.PAUSED);
            if (after != SlaState.PAUSED && after != before) {
                seen.add(after);
            }
            assertThat(after).isNotEqualTo(SlaState.ON_TRACK);
            now = at;
        }
        assertThat(seen).containsSubsequence(SlaState.BREACHED);
        assertThat(clock.state(now)).isEqualTo(SlaState.BREACHED);
        assertThat(clock.state(clock.dueAt().orElseThrow())).isNotEqualTo(SlaState.BREACHED);
    }

    @Property(tries = 200)
    void anAnsweredOrPausedClockNeedsNoLook(@ForAll("instants") Instant received,
            @ForAll @IntRange(min = 1, max = 60) int commitmentHours, @ForAll @IntRange(min = 0, max = 5000) int minutes,
            @ForAll boolean answered) {
        Instant later = received.plus(Duration.ofMinutes(minutes));
        ResponseClock clock = ResponseClock.of(WorkingCalendar.standard(SAO_PAULO), Duration.ofHours(commitmentHours),
                received, answered ? List.of() : List.of(new Pause(later, null)), answered ? later : null, 75)
                .orElseThrow();

        assertThat(clock.nextChange(later.plusSeconds(1))).isEmpty();
    }

    @Example
    void aFourHourPromiseOnFridayAtFiveTurnsAtRiskMondayAtElevenAndBreachesJustAfterNoon() {
        Instant friday5pm = LocalDateTime.parse("2026-12-04T17:00").atZone(SAO_PAULO).toInstant();
        ResponseClock clock = ResponseClock.of(WorkingCalendar.standard(SAO_PAULO), Duration.ofHours(4), friday5pm,
                List.of(), null, 75).orElseThrow();

        Instant atRisk = clock.nextChange(friday5pm).orElseThrow();
        assertThat(atRisk).isEqualTo(LocalDateTime.parse("2026-12-07T11:00").atZone(SAO_PAULO).toInstant());
        assertThat(clock.nextChange(atRisk)).contains(
                LocalDateTime.parse("2026-12-07T12:00").atZone(SAO_PAULO).toInstant().plus(MICRO));
    }

    @Provide
    Arbitrary<Instant> instants() {
        // Two months around the southern spring and summer: DST starts in Sydney (Oct) and does not in São Paulo.
        return Arbitraries.integers().between(0, 60 * 24 * 60).map(m -> MONDAY_9.minus(Duration.ofDays(70))
                .plus(Duration.ofMinutes(m)));
    }

    @Provide
    Arbitrary<List<Pause>> closedPauses() {
        Arbitrary<Pause> pause = Combinators.combine(instants(), Arbitraries.integers().between(1, 5 * 24 * 60))
                .as((from, minutes) -> new Pause(from, from.plus(Duration.ofMinutes(minutes))));
        return pause.list().ofMaxSize(3).map(ArrayList::new);
    }
}
