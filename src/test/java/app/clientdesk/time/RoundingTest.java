package app.clientdesk.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Rounding of billable time, for every mode, step and scope and any duration of a day or less. */
class RoundingTest {

    @Provide
    Arbitrary<Rounding> roundings() {
        return Arbitraries.of(Rounding.Mode.class).flatMap(mode -> Arbitraries.of(Rounding.STEPS)
                .flatMap(step -> Arbitraries.of(Rounding.Scope.class).map(scope -> new Rounding(mode, step, scope))));
    }

    @Property(tries = 3000)
    void aRoundedTimeIsAWholeNumberOfStepsAndNoneLeavesItAlone(@ForAll("roundings") Rounding rounding,
            @ForAll @LongRange(min = 0, max = 86400) long seconds) {
        long billed = rounding.apply(seconds);
        if (rounding.isNone()) {
            assertThat(billed).isEqualTo(seconds);
        } else {
            assertThat(billed % (rounding.minutes() * 60L)).isZero();
        }
    }

    @Property(tries = 3000)
    void upNeverBillsLessDownNeverMoreAndNearestStaysWithinHalfAStep(@ForAll("roundings") Rounding rounding,
            @ForAll @LongRange(min = 0, max = 86400) long seconds) {
        long step = rounding.minutes() * 60L;
        long billed = rounding.apply(seconds);
        switch (rounding.mode()) {
            case NONE -> assertThat(billed).isEqualTo(seconds);
            case UP -> assertThat(billed).isGreaterThanOrEqualTo(seconds).isLessThan(seconds + step);
            case DOWN -> assertThat(billed).isLessThanOrEqualTo(seconds).isGreaterThan(seconds - step);
            case NEAREST -> {
                assertThat(2 * Math.abs(billed - seconds)).isLessThanOrEqualTo(step);
                // Exactly half a step over goes up, as people expect of "nearest".
                if (2 * (seconds % step) == step) {
                    assertThat(billed).isGreaterThan(seconds);
                }
            }
        }
    }

    @Property(tries = 3000)
    void roundingTwiceIsRoundingOnce(@ForAll("roundings") Rounding rounding,
            @ForAll @LongRange(min = 0, max = 86400) long seconds) {
        long once = rounding.apply(seconds);
        assertThat(rounding.apply(once)).isEqualTo(once);
    }

    @Property(tries = 3000)
    void moreTrackedTimeIsNeverBilledAsLess(@ForAll("roundings") Rounding rounding,
            @ForAll @LongRange(min = 0, max = 86400) long a, @ForAll @LongRange(min = 0, max = 86400) long b) {
        long less = Math.min(a, b);
        long more = Math.max(a, b);
        assertThat(rounding.apply(less)).isLessThanOrEqualTo(rounding.apply(more));
    }

    @Property(tries = 500)
    void theExampleInWordsIsWhatTheRuleDoes(@ForAll("roundings") Rounding rounding) {
        Optional<RoundingText.Text> example = RoundingText.example(rounding);
        if (rounding.isNone()) {
            assertThat(example).isEmpty();
            assertThat(RoundingText.rule(rounding).key()).isEqualTo("rates.rounding.rule.none");
            return;
        }
        assertThat(example).isPresent();
        var args = example.get().args();
        if (rounding.mode() == Rounding.Mode.NEAREST) {
            long[] pair = RoundingText.nearestExamples(rounding.minutes());
            assertThat(args).containsExactly(RoundingText.duration(pair[0]), RoundingText.duration(rounding.apply(pair[0])),
                    RoundingText.duration(pair[1]), RoundingText.duration(rounding.apply(pair[1])));
            // One example goes down and one goes up, so the reader sees where it tips.
            assertThat(rounding.apply(pair[0])).isLessThan(pair[0]);
            assertThat(rounding.apply(pair[1])).isGreaterThan(pair[1]);
        } else {
            long tracked = RoundingText.upDownExample(rounding.minutes());
            assertThat(rounding.apply(tracked)).as("the example shows a change").isNotEqualTo(tracked);
            assertThat(args).containsExactly(RoundingText.duration(tracked), RoundingText.duration(rounding.apply(tracked)));
        }
    }

    @Example
    void theExamplesReadAsAPersonWouldSayThem() {
        assertThat(RoundingText.example(new Rounding(Rounding.Mode.UP, 15, Rounding.Scope.ENTRY)).orElseThrow().args())
                .containsExactly("0:07", "0:15");
        assertThat(RoundingText.example(new Rounding(Rounding.Mode.DOWN, 6, Rounding.Scope.DAY)).orElseThrow().args())
                .containsExactly("0:03", "0:00");
        assertThat(RoundingText.example(new Rounding(Rounding.Mode.NEAREST, 15, Rounding.Scope.ENTRY)).orElseThrow()
                .args()).containsExactly("1:07", "1:00", "1:08", "1:15");
        assertThat(RoundingText.example(new Rounding(Rounding.Mode.NEAREST, 1, Rounding.Scope.ENTRY)).orElseThrow()
                .args()).containsExactly("1:00:29", "1:00", "1:00:30", "1:01");
        assertThat(RoundingText.rule(new Rounding(Rounding.Mode.NEAREST, 6, Rounding.Scope.DAY)))
                .isEqualTo(new RoundingText.Text("rates.rounding.rule.nearest.day", java.util.List.of(6)));
    }

    @Example
    void stepsOtherThanTheOffersAndNegativeTimesAreRefused() {
        assertThatThrownBy(() -> new Rounding(Rounding.Mode.UP, 7, Rounding.Scope.ENTRY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rounding.NONE.apply(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
