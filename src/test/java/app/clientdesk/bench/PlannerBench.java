package app.clientdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.planning.AutoPlanner;
import app.clientdesk.planning.Interval;
import app.clientdesk.planning.Plan;
import app.clientdesk.planning.PlanPerson;
import app.clientdesk.planning.PlanRequest;
import app.clientdesk.planning.PlanTask;
import app.clientdesk.planning.WeekHours;
import java.lang.management.ManagementFactory;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Not a test: the auto-planner's speed target of issue 14 (2,000 tasks for 10 people over 8 weeks in under
 * 0.5 s). Run by {@code bench/planner.sh}; the result goes into docs/BENCHMARKS.md. The data are generated from a
 * fixed seed: people in six zones with two spans a day, holidays, meetings and blocks, a buffer and a focus
 * limit; tasks with due dates, start dates, types, client hours and some unassigned, about as much work as the
 * team's focus time, so that the planner also has to find that some of it does not fit.
 */
class PlannerBench {

    static final int TASKS = Integer.getInteger("bench.tasks", 2000);
    static final int PEOPLE = Integer.getInteger("bench.people", 10);
    static final int WEEKS = Integer.getInteger("bench.weeks", 8);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 15);

    private static final List<ZoneId> ZONES = List.of("Australia/Sydney", "Europe/London", "America/New_York",
            "America/Sao_Paulo", "Asia/Manila", "America/Los_Angeles").stream().map(ZoneId::of).toList();
    private static final List<String> TYPES = List.of("email", "bookkeeping", "social", "research", "travel",
            "calendar");

    @Test
    void planTheTeam() {
        PlanRequest request = request(new Random(42));
        AutoPlanner planner = new AutoPlanner();
        long[] wall = new long[ROUNDS];
        long[] cpu = new long[ROUNDS];
        Plan plan = null;
        for (int round = 0; round < ROUNDS; round++) {
            long c0 = cpu();
            long t0 = System.nanoTime();
            plan = planner.plan(request);
            wall[round] = System.nanoTime() - t0;
            cpu[round] = cpu() - c0;
        }
        assertThat(plan.blocks()).isNotEmpty();
        long batched = plan.blocks().stream().filter(block -> block.batch() != null).count();
        long[] warm = Arrays.copyOfRange(wall, 1, ROUNDS);
        Arrays.sort(warm);
        long[] warmCpu = Arrays.copyOfRange(cpu, 1, ROUNDS);
        Arrays.sort(warmCpu);
        List<String> lines = new ArrayList<>();
        lines.add("| run | wall ms | CPU ms (this thread) |");
        lines.add("|---|---:|---:|");
        lines.add(String.format("| first (cold JIT) | %.1f | %.1f |", wall[0] / 1e6, cpu[0] / 1e6));
        lines.add(String.format("| next %d: median | %.1f | %.1f |", ROUNDS - 1, warm[warm.length / 2] / 1e6,
                warmCpu[warmCpu.length / 2] / 1e6));
        lines.add(String.format("| next %d: slowest | %.1f | %.1f |", ROUNDS - 1, warm[warm.length - 1] / 1e6,
                warmCpu[warmCpu.length - 1] / 1e6));
        System.out.printf("%n[bench] auto-planner, %,d tasks, %d people, %d weeks: %,d blocks (%,d in batches), "
                + "%,d unplaced, %,d at risk, %,d over-capacity days, %,d unassigned%n%s%n%n", TASKS, PEOPLE, WEEKS,
                plan.blocks().size(), batched, plan.unplaced().size(), plan.atRisk().size(),
                plan.overCapacity().size(), plan.unassigned().size(), String.join("\n", lines));
    }

    private static PlanRequest request(Random random) {
        Instant now = Instant.parse("2026-12-07T08:00:00Z");
        Instant horizon = now.plus(Duration.ofDays(7L * WEEKS));
        List<PlanPerson> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(person(random, new UUID(2, i), ZONES.get(i % ZONES.size()), now, horizon));
        }
        List<List<Interval>> clientHours = new ArrayList<>();
        for (ZoneId zone : ZONES) {
            clientHours.add(WeekHours.standard().windows(LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 7)
                    .plusWeeks(WEEKS + 1), zone, Set.of()));
        }
        List<PlanTask> tasks = new ArrayList<>();
        long minutes = Duration.between(now, horizon).toMinutes();
        for (int i = 0; i < TASKS; i++) {
            UUID assignee = random.nextInt(20) == 0 ? null : people.get(random.nextInt(PEOPLE)).id();
            Duration estimate = Duration.ofMinutes(15L * (1 + random.nextInt(12)));
            Instant due = random.nextInt(5) == 0 ? null : now.plus(Duration.ofMinutes(random.nextLong(minutes)));
            LocalDate start = random.nextInt(10) == 0 ? LocalDate.of(2026, 12, 7).plusDays(random.nextInt(7 * WEEKS))
                    : null;
            String type = random.nextInt(10) < 3 ? TYPES.get(random.nextInt(TYPES.size())) : null;
            boolean online = random.nextInt(100) < 15;
            tasks.add(new PlanTask(new UUID(1, i), assignee, estimate, due, start, random.nextInt(10) == 0,
                    random.nextInt(10) < 4, type, online,
                    online ? clientHours.get(random.nextInt(clientHours.size())) : List.of()));
        }
        return new PlanRequest(now, horizon, people, tasks);
    }

    private static PlanPerson person(Random random, UUID id, ZoneId zone, Instant now, Instant horizon) {
        Map<DayOfWeek, List<WeekHours.Span>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            days.put(day, List.of(new WeekHours.Span(LocalTime.of(9, 0), LocalTime.of(12, 30)),
                    new WeekHours.Span(LocalTime.of(13, 30), LocalTime.of(18, 0))));
        }
        LocalDate from = now.atZone(zone).toLocalDate();
        LocalDate to = horizon.atZone(zone).toLocalDate().plusDays(1);
        Set<LocalDate> holidays = new HashSet<>(List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)));
        List<Interval> windows = new WeekHours(days).windows(from, to, zone, holidays);
        List<Interval> meetings = new ArrayList<>();
        List<Interval> blocks = new ArrayList<>();
        for (Interval window : windows) {
            if (random.nextInt(3) == 0) {
                Instant start = window.start().plus(Duration.ofMinutes(30L * random.nextInt(5)));
                meetings.add(new Interval(start, start.plus(Duration.ofMinutes(30 + 30L * random.nextInt(2)))));
            }
            if (random.nextInt(4) == 0) {
                Instant start = window.start().plus(Duration.ofMinutes(15L * random.nextInt(6)));
                blocks.add(new Interval(start, start.plus(Duration.ofMinutes(60))));
            }
        }
        return new PlanPerson(id, zone, windows, blocks, meetings,
                Duration.ofMinutes(10), Duration.ofHours(6));
    }

    /** The planner runs in the calling thread, so this is its own CPU time, whatever else the machine does. */
    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
