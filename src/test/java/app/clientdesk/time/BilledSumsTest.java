package app.clientdesk.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.UserId;
import app.clientdesk.shared.money.Money;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.TaskId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Reports price sums read from the database instead of entries: the sums must be billed exactly as the
 * entries behind them would be, under every rounding rule, and a unit's time and money shared among lines
 * must add up to the unit.
 */
class BilledSumsTest {

    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency BHD = Currency.getInstance("BHD");
    private static final Currency USD = Currency.getInstance("USD");

    @Provide
    Arbitrary<Rounding> roundings() {
        return Arbitraries.of(Rounding.Mode.values()).flatMap(mode -> Arbitraries.of(Rounding.STEPS)
                .flatMap(step -> Arbitraries.of(Rounding.Scope.values()).map(scope -> new Rounding(mode, step, scope))));
    }

    @Property(tries = 300)
    void sumsAreBilledLikeTheEntriesBehindThem(@ForAll("roundings") Rounding rounding,
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        List<TimeEntry> entries = entries(new Random(seed));
        List<BilledTime.Unit> byEntry = BilledTime.units(entries, rounding);

        // What the report's query does: billable entries summed by task, project and rate, by day under
        // per-day rounding, and by rounding step under per-entry rounding.
        Map<List<Object>, long[]> grouped = new LinkedHashMap<>();
        Map<List<Object>, TimeEntry> sample = new LinkedHashMap<>();
        for (TimeEntry e : entries) {
            if (!e.billable()) {
                continue;
            }
            List<Object> key = new ArrayList<>(List.of(String.valueOf(e.taskId()), String.valueOf(e.projectId()),
                    String.valueOf(e.rate())));
            if (rounding.scope() == Rounding.Scope.DAY) {
                key.add(e.localDate());
            } else if (e.rate() != null || !rounding.isNone()) {
                key.add(rounding.apply(e.durationSeconds()));
            }
            long[] sum = grouped.computeIfAbsent(key, k -> new long[] {0, 0, Long.MAX_VALUE, 0});
            sum[0] += e.durationSeconds();
            sum[1]++;
            sum[2] = Math.min(sum[2], e.durationSeconds());
            sum[3] = Math.max(sum[3], e.durationSeconds());
            sample.putIfAbsent(key, e);
        }
        List<BilledTime.Sum> sums = new ArrayList<>();
        grouped.forEach((key, sum) -> {
            TimeEntry e = sample.get(key);
            sums.add(new BilledTime.Sum(rounding.scope() == Rounding.Scope.DAY ? e.localDate() : null,
                    e.taskId() == null ? null : e.taskId().value(), e.projectId() == null ? null : e.projectId().value(),
                    e.rate(), sum[0], sum[1], sum[2], sum[3]));
        });
        List<BilledTime.SumUnit> bySum = BilledTime.ofSums(sums, rounding);

        assertThat(bySum.stream().mapToLong(BilledTime.SumUnit::billedSeconds).sum())
                .isEqualTo(BilledTime.billedSeconds(byEntry));
        assertThat(bySum.stream().mapToLong(BilledTime.SumUnit::trackedSeconds).sum())
                .isEqualTo(byEntry.stream().mapToLong(BilledTime.Unit::trackedSeconds).sum());
        for (Currency c : List.of(JPY, BHD, USD)) {
            Money expected = BilledTime.amount(byEntry, c);
            Money actual = bySum.stream().map(BilledTime.SumUnit::amount)
                    .filter(m -> m != null && m.currency().equals(c)).reduce(Money.zero(c), Money::plus);
            assertThat(actual).as(c.getCurrencyCode()).isEqualTo(expected);
        }
        if (rounding.scope() == Rounding.Scope.DAY) {
            assertThat(bySum).as("one unit per day's task and rate").hasSameSizeAs(byEntry);
        }
    }

    @Example
    void entriesThatRoundDifferentlyCannotBeOneSumUnderPerEntryRounding() {
        Money rate = new Money(new BigDecimal("60"), USD);
        Rounding up15 = new Rounding(Rounding.Mode.UP, 15, Rounding.Scope.ENTRY);
        BilledTime.Sum alike = new BilledTime.Sum(null, null, null, rate, 601 + 899, 2, 601, 899);
        assertThat(BilledTime.ofSums(List.of(alike), up15)).singleElement().satisfies(u -> {
            assertThat(u.billedSeconds()).isEqualTo(2 * 900);
            assertThat(u.amount()).isEqualTo(new Money(new BigDecimal("30.00"), USD));
        });
        BilledTime.Sum unlike = new BilledTime.Sum(null, null, null, rate, 899 + 901, 2, 899, 901);
        assertThatThrownBy(() -> BilledTime.ofSums(List.of(unlike), up15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BilledTime.ofSums(List.of(unlike), Rounding.NONE))
                .as("each entry's amount is rounded to the cent on its own").isInstanceOf(IllegalArgumentException.class);
        BilledTime.Sum unpriced = new BilledTime.Sum(null, null, null, null, 899 + 901, 2, 899, 901);
        assertThat(BilledTime.ofSums(List.of(unpriced), Rounding.NONE)).singleElement()
                .satisfies(u -> assertThat(u.billedSeconds()).isEqualTo(1800));
    }

    @Property(tries = 500)
    void aSharedTotalAddsUpAndFollowsTheWeights(@ForAll @LongRange(min = 0, max = 10_000_000) long total,
            @ForAll @IntRange(min = 1, max = 6) int parts, @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random random = new Random(seed);
        long[] weights = new long[parts];
        long sum = 0;
        for (int i = 0; i < parts; i++) {
            weights[i] = random.nextInt(86_400);
            sum += weights[i];
        }
        long[] shares = TimeReports.split(total, weights);

        assertThat(java.util.Arrays.stream(shares).sum()).isEqualTo(total);
        for (int i = 0; i < parts && sum > 0; i++) {
            double exact = (double) total * weights[i] / sum;
            assertThat((double) shares[i]).isBetween(Math.floor(exact), Math.ceil(exact));
        }
    }

    /** A few days of entries of a few tasks and projects at a few rates, in three currencies' decimals. */
    private static List<TimeEntry> entries(Random random) {
        List<UUID> tasks = List.of(UUID.randomUUID(), UUID.randomUUID());
        List<UUID> projects = List.of(UUID.randomUUID(), UUID.randomUUID());
        List<Money> rates = List.of(new Money(new BigDecimal("45.50"), USD), new Money(new BigDecimal("33"), USD),
                new Money(new BigDecimal("5000"), JPY), new Money(new BigDecimal("12.125"), BHD));
        int n = 1 + random.nextInt(40);
        List<TimeEntry> out = new ArrayList<>();
        UUID client = UUID.randomUUID();
        for (int i = 0; i < n; i++) {
            LocalDate day = LocalDate.of(2026, 11, 2 + random.nextInt(3));
            UUID task = random.nextInt(3) == 0 ? null : tasks.get(random.nextInt(tasks.size()));
            UUID project = random.nextInt(2) == 0 ? null : projects.get(random.nextInt(projects.size()));
            Money rate = random.nextInt(6) == 0 ? null : rates.get(random.nextInt(rates.size()));
            // Lengths repeat often, as typed entries do ("30 minutes"), and sometimes are odd seconds.
            long seconds = random.nextBoolean() ? 60L * (5 + 5 * random.nextInt(12)) : random.nextInt(4 * 3600);
            Instant start = day.atTime(8, 0).toInstant(ZoneOffset.UTC).plusSeconds(i * 3600L);
            out.add(new TimeEntry(TimeEntryId.random(), new UserId(UUID.randomUUID()), "P", new ClientId(client), "C",
                    project == null ? null : new ProjectId(project), null, task == null ? null : new TaskId(task),
                    null, null, start, start.plusSeconds(seconds), ZoneOffset.UTC, day, 0, seconds,
                    random.nextInt(5) != 0, null, List.of(), rate, null, null, null, null, start, start));
        }
        return out;
    }
}
