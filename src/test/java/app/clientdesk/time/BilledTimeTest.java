package app.clientdesk.time;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.UserId;
import app.clientdesk.shared.money.Money;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.TaskId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Billed time: entries rounded per the client's rule, then priced. Entries are drawn from three days, four
 * tasks in three projects (and none), two rates (and none), billable or not, in currencies with 0, 2 and 3
 * decimals.
 */
class BilledTimeTest {

    private static final List<UUID> PROJECTS = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    private static final List<UUID> TASKS = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID());
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");

    /** One entry before it is made: indexes into the fixed days, tasks, projects and rates. */
    record Spec(int day, int task, int project, int rate, long seconds, boolean billable) {
    }

    /** Entries of one client, their currency and the two rates they may carry. */
    record Sample(Currency currency, List<TimeEntry> entries) {

        List<TimeEntry> billable() {
            return entries.stream().filter(TimeEntry::billable).toList();
        }
    }

    @Provide
    Arbitrary<Sample> samples() {
        Arbitrary<Spec> spec = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 2), Arbitraries.oneOf(Arbitraries.longs().between(0, 86400),
                        Arbitraries.of(0L, 1L, 59L, 60L, 240L, 449L, 450L, 900L, 3599L)),
                Arbitraries.of(true, true, true, false)).as(Spec::new);
        return Arbitraries.of("JPY", "BRL", "BHD").map(Currency::getInstance).flatMap(currency -> {
            Arbitrary<BigDecimal> amount = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000"))
                    .ofScale(Money.digits(currency));
            return Combinators.combine(amount, amount, spec.list().ofMaxSize(30))
                    .as((a, b, specs) -> new Sample(currency, entries(specs, List.of(new Money(a, currency),
                            new Money(b, currency)))));
        });
    }

    @Provide
    Arbitrary<Rounding> roundings() {
        return Arbitraries.of(Rounding.Mode.class).flatMap(mode -> Arbitraries.of(Rounding.STEPS)
                .flatMap(step -> Arbitraries.of(Rounding.Scope.class).map(scope -> new Rounding(mode, step, scope))));
    }

    @Property(tries = 1000)
    void everyUnitIsPricedExactlyAtItsCurrencysDecimalsAndTheTotalIsTheirSum(@ForAll("samples") Sample sample,
            @ForAll("roundings") Rounding rounding) {
        List<BilledTime.Unit> units = BilledTime.units(sample.entries(), rounding);
        int digits = Money.digits(sample.currency());
        BigDecimal sum = BigDecimal.ZERO;
        for (BilledTime.Unit unit : units) {
            if (unit.rate() == null) {
                assertThat(unit.amount()).isNull();
                continue;
            }
            Money amount = Objects.requireNonNull(unit.amount());
            assertThat(amount.currency()).isEqualTo(sample.currency());
            assertThat(amount.amount().scale()).as("decimals of %s", amount).isEqualTo(digits);
            assertHalfUp(amount.amount(), unit.rate().amount().multiply(BigDecimal.valueOf(unit.billedSeconds())),
                    digits);
            sum = sum.add(amount.amount());
        }
        Money total = BilledTime.amount(units, sample.currency());
        assertThat(total.amount()).isEqualByComparingTo(sum);
        assertThat(total.amount().scale()).isEqualTo(digits);
    }

    @Property(tries = 1000)
    void everyBillableEntryIsInExactlyOneUnitAndNoOtherIs(@ForAll("samples") Sample sample,
            @ForAll("roundings") Rounding rounding) {
        List<TimeEntryId> billed = BilledTime.units(sample.entries(), rounding).stream()
                .flatMap(u -> u.entries().stream()).toList();
        assertThat(billed).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(sample.billable().stream().map(TimeEntry::id).toList());
    }

    @Property(tries = 1000)
    void eachUnitIsBilledItsTrackedTimeRounded(@ForAll("samples") Sample sample, @ForAll("roundings") Rounding rounding) {
        for (BilledTime.Unit unit : BilledTime.units(sample.entries(), rounding)) {
            long tracked = sample.entries().stream().filter(e -> unit.entries().contains(e.id()))
                    .mapToLong(TimeEntry::durationSeconds).sum();
            assertThat(unit.trackedSeconds()).isEqualTo(tracked);
            assertThat(unit.billedSeconds()).isEqualTo(rounding.apply(tracked));
        }
    }

    @Property(tries = 1000)
    void perEntryWithoutRoundingBillsExactlyTheTrackedTime(@ForAll("samples") Sample sample) {
        List<BilledTime.Unit> units = BilledTime.units(sample.entries(), Rounding.NONE);
        assertThat(units).hasSize(sample.billable().size());
        assertThat(BilledTime.billedSeconds(units))
                .isEqualTo(sample.billable().stream().mapToLong(TimeEntry::durationSeconds).sum());
        assertThat(units).allSatisfy(u -> assertThat(u.billedSeconds()).isEqualTo(u.trackedSeconds()));
    }

    @Property(tries = 1000)
    void perDayAUnitIsOneTasksEntriesOfOneLocalDateAtOneRate(@ForAll("samples") Sample sample,
            @ForAll("roundings") Rounding any) {
        Rounding rounding = new Rounding(any.mode(), any.minutes(), Rounding.Scope.DAY);
        List<BilledTime.Unit> units = BilledTime.units(sample.entries(), rounding);
        Set<List<Object>> keys = new HashSet<>();
        for (BilledTime.Unit unit : units) {
            List<TimeEntry> in = sample.entries().stream().filter(e -> unit.entries().contains(e.id())).toList();
            assertThat(in).isNotEmpty().allSatisfy(e -> {
                assertThat(e.localDate()).isEqualTo(unit.date());
                assertThat(e.rate()).isEqualTo(unit.rate());
                assertThat(e.taskId() == null ? null : e.taskId().value()).isEqualTo(unit.taskId());
                if (unit.taskId() == null) {
                    // Time without a task counts per project (or per client without one).
                    assertThat(e.projectId() == null ? null : e.projectId().value()).isEqualTo(unit.projectId());
                }
            });
            List<Object> key = new ArrayList<>();
            key.add(unit.date());
            key.add(unit.taskId() == null ? "no task" : unit.taskId());
            key.add(unit.taskId() == null && unit.projectId() != null ? unit.projectId() : "-");
            key.add(unit.rate() == null ? "no rate" : unit.rate());
            assertThat(keys.add(key)).as("one unit per day, task and rate: %s", key).isTrue();
        }
    }

    @Property(tries = 1000)
    void perDayRoundingBillsBetweenPerEntryDownAndPerEntryUp(@ForAll("samples") Sample sample,
            @ForAll("roundings") Rounding any) {
        int step = any.minutes();
        long entryDown = billed(sample, new Rounding(Rounding.Mode.DOWN, step, Rounding.Scope.ENTRY));
        long entryUp = billed(sample, new Rounding(Rounding.Mode.UP, step, Rounding.Scope.ENTRY));
        long day = billed(sample, new Rounding(any.mode(), step, Rounding.Scope.DAY));
        // Adding up first loses less to rounding down and gains less from rounding up; to the nearest step
        // either way can come out higher, so only the bounds hold for it.
        assertThat(day).isBetween(entryDown, entryUp);
    }

    @Example
    void sevenShortEntriesOfOneTaskOnOneDay() {
        Currency brl = Currency.getInstance("BRL");
        Money rate = new Money(new BigDecimal("100"), brl);
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            specs.add(new Spec(0, 1, 0, 1, 4 * 60, true));
        }
        List<TimeEntry> entries = entries(specs, List.of(rate, rate));
        Rounding perEntry = new Rounding(Rounding.Mode.UP, 15, Rounding.Scope.ENTRY);
        Rounding perDay = new Rounding(Rounding.Mode.UP, 15, Rounding.Scope.DAY);

        // 7 × 0:04 = 0:28: per entry each 0:04 is billed as 0:15 (1:45), per day 0:28 as 0:30.
        assertThat(BilledTime.billedSeconds(BilledTime.units(entries, perEntry))).isEqualTo(105 * 60);
        assertThat(BilledTime.billedSeconds(BilledTime.units(entries, perDay))).isEqualTo(30 * 60);
        assertThat(BilledTime.amount(BilledTime.units(entries, perDay), brl).plain()).isEqualTo("50.00");
        assertThat(BilledTime.amount(BilledTime.units(entries, perEntry), brl).plain()).isEqualTo("175.00");
    }

    @Example
    void aThirdOfAnHourInBahrainiDinarsIsRoundedHalfUpToFils() {
        Currency bhd = Currency.getInstance("BHD");
        List<TimeEntry> entries = entries(List.of(new Spec(0, 0, 0, 1, 1200, true)),
                List.of(new Money(new BigDecimal("10.001"), bhd), new Money(new BigDecimal("10.001"), bhd)));
        // 10.001 / 3 = 3.333666… → 3.334
        assertThat(BilledTime.units(entries, Rounding.NONE).get(0).amount()).isEqualTo(
                new Money(new BigDecimal("3.334"), bhd));
    }

    /** {@code amount} is {@code numerator / 3600} rounded half-up (away from zero at exactly half) to {@code digits}. */
    private static void assertHalfUp(BigDecimal amount, BigDecimal numerator, int digits) {
        BigDecimal unit = BigDecimal.ONE.movePointLeft(digits);
        // amount × 3600 lies within half a unit × 3600 of the exact numerator, …
        BigDecimal gap = amount.multiply(BigDecimal.valueOf(3600)).subtract(numerator);
        BigDecimal half = unit.multiply(BigDecimal.valueOf(1800));
        assertThat(gap.abs()).as("%s against %s / 3600", amount, numerator).isLessThanOrEqualTo(half);
        // … and a tie goes up.
        if (gap.abs().compareTo(half) == 0) {
            assertThat(gap.signum()).isPositive();
        }
    }

    private static long billed(Sample sample, Rounding rounding) {
        return BilledTime.billedSeconds(BilledTime.units(sample.entries(), rounding));
    }

    private static List<TimeEntry> entries(List<Spec> specs, List<Money> rates) {
        ClientId client = new ClientId(UUID.nameUUIDFromBytes(new byte[] {1}));
        UserId user = new UserId(UUID.nameUUIDFromBytes(new byte[] {2}));
        ZoneId zone = ZoneId.of("America/Sao_Paulo");
        List<TimeEntry> entries = new ArrayList<>();
        for (Spec s : specs) {
            UUID task = s.task() == 0 ? null : TASKS.get(s.task() - 1);
            // A task belongs to one project (or none); time without a task may name any project.
            UUID project = task != null ? (s.task() == 4 ? null : PROJECTS.get(s.task() - 1))
                    : s.project() == 0 ? null : PROJECTS.get(s.project() - 1);
            Money rate = s.rate() == 0 ? null : rates.get(s.rate() - 1);
            LocalDate date = MONDAY.plusDays(s.day());
            Instant start = date.atTime(9, 0).atZone(zone).toInstant();
            entries.add(new TimeEntry(TimeEntryId.random(), user, "Ana", client, "Client",
                    project == null ? null : new ProjectId(project), project == null ? null : "Project",
                    task == null ? null : new TaskId(task), task == null ? null : "Task", null, start,
                    start.plusSeconds(s.seconds()), zone, date, 0, s.seconds(), s.billable(), null, List.of(), rate,
                    rate == null ? null : RateScope.CLIENT, null, null, null, start, start));
        }
        return entries;
    }
}
