package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.billing.RetainerLedger.Batch;
import app.clientdesk.billing.RetainerLedger.Closed;
import app.clientdesk.billing.RetainerLedger.Settlement;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RetainerLedgerTest {

    @Provide
    Arbitrary<Batch> batches() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(1, 3000),
                Arbitraries.integers().between(0, 120).map(n -> LocalDate.of(2027, 1, 1).plusDays(n)))
                .as(Batch::new);
    }

    @Property
    void everyMinuteUsedIsCoveredOnceOrBilledAsOverage(@ForAll @Size(max = 4) List<@net.jqwik.api.From("batches") Batch> batches,
            @ForAll @IntRange(max = 10_000) int included, @ForAll @IntRange(max = 20_000) int used) {
        Settlement s = RetainerLedger.settle(batches, included, used);
        assertThat(s.fromRolled() + s.fromIncluded() + s.overage()).isEqualTo(used);
        assertThat(s.fromRolled() + RetainerLedger.total(s.left())).isEqualTo(RetainerLedger.total(batches));
        assertThat(s.fromIncluded() + s.unusedIncluded()).isEqualTo(included);
        if (s.overage() > 0) {
            assertThat(s.left()).as("no overage while rolled hours are left").isEmpty();
            assertThat(s.unusedIncluded()).isZero();
        }
        if (s.fromIncluded() > 0) {
            assertThat(s.left()).as("rolled hours are used before the included ones").isEmpty();
        }
    }

    @Example
    void rolledHoursAreUsedFirstTheOldestFirst() {
        Settlement s = RetainerLedger.settle(List.of(new Batch(120, LocalDate.parse("2027-02-28")),
                new Batch(60, LocalDate.parse("2027-01-31"))), 600, 150);
        assertThat(s.fromRolled()).isEqualTo(150);
        assertThat(s.left()).containsExactly(new Batch(30, LocalDate.parse("2027-02-28")));
        assertThat(s.unusedIncluded()).isEqualTo(600);
    }

    @Example
    void unusedHoursRollOverAndExpire() {
        // November: 20 h included, 15 h used → 5 h roll over until 31 December (one month).
        Closed november = new Closed(LocalDate.parse("2026-11-01"), 1200, 900, LocalDate.parse("2026-12-31"));
        assertThat(RetainerLedger.available(List.of(november), LocalDate.parse("2026-12-01")))
                .containsExactly(new Batch(300, LocalDate.parse("2026-12-31")));
        // December: 22 h used = 5 h rolled + 17 h of the 20 included; 3 h roll over into January.
        Closed december = new Closed(LocalDate.parse("2026-12-01"), 1200, 1320, LocalDate.parse("2027-01-31"));
        assertThat(RetainerLedger.available(List.of(november, december), LocalDate.parse("2027-01-01")))
                .containsExactly(new Batch(180, LocalDate.parse("2027-01-31")));
        // December used nothing: November's 5 h expired on 31 December, December's 20 h roll on.
        Closed idle = new Closed(LocalDate.parse("2026-12-01"), 1200, 0, LocalDate.parse("2027-01-31"));
        assertThat(RetainerLedger.available(List.of(november, idle), LocalDate.parse("2027-01-01")))
                .containsExactly(new Batch(1200, LocalDate.parse("2027-01-31")));
        // Without rollover nothing carries.
        Closed noRollover = new Closed(LocalDate.parse("2026-11-01"), 1200, 0, null);
        assertThat(RetainerLedger.available(List.of(noRollover), LocalDate.parse("2026-12-01"))).isEmpty();
    }

    @Example
    void overageIsWhatIsLeftAfterRolledAndIncludedHours() {
        Settlement s = RetainerLedger.settle(List.of(new Batch(120, LocalDate.parse("2027-01-31"))), 1200, 1500);
        assertThat(s.overage()).isEqualTo(180);
    }

    @Example
    void hoursAreTypedAsHoursAndMinutesOrDecimals() {
        assertThat(RetainerRules.minutes("20")).isEqualTo(1200);
        assertThat(RetainerRules.minutes("12:30")).isEqualTo(750);
        assertThat(RetainerRules.minutes("12.5")).isEqualTo(750);
        assertThat(RetainerRules.minutes("12,25")).isEqualTo(735);
        assertThat(RetainerRules.minutes("745")).isNull();
        assertThat(RetainerRules.minutes("-1")).isNull();
        assertThat(RetainerRules.minutes("1:75")).isNull();
        assertThat(RetainerRules.minutes("abc")).isNull();
    }
}
