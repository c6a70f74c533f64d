package app.clientdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The rules of the auto-planner (issue 14) for any team, calendar and task list: what a person accepting a plan
 * must be able to rely on. Inputs come from {@link PlanRequests}, one seed each, so a failure names its seed.
 */
class AutoPlannerProperties {

    private final AutoPlanner planner = new AutoPlanner();

    @Property(tries = 300)
    void blocksNeverOverlapEachOtherOrExistingTimeAndKeepTheBuffer(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3) int people, @ForAll @IntRange(max = 60) int tasks) {
        PlanRequest request = new PlanRequests(seed, false).any(people, tasks);
        Plan plan = planner.plan(request);
        for (PlanPerson person : request.people()) {
            List<ProposedBlock> mine = blocksOf(plan, person.id());
            for (int i = 1; i < mine.size(); i++) {
                ProposedBlock before = mine.get(i - 1);
                ProposedBlock after = mine.get(i);
                boolean together = before.taskId().equals(after.taskId())
                        || (before.batch() != null && before.batch().equals(after.batch()));
                Duration gap = Duration.between(before.end(), after.start());
                assertThat(gap).as("%s then %s", before, after).isGreaterThanOrEqualTo(together ? Duration.ZERO : person.buffer());
            }
            List<Interval> existing = new ArrayList<>(person.blocks());
            existing.addAll(person.meetings());
            for (ProposedBlock block : mine) {
                for (Interval taken : existing) {
                    Interval kept = new Interval(taken.start().minus(person.buffer()), taken.end().plus(person.buffer()));
                    assertThat(block.interval().overlaps(kept)).as("%s against %s", block, taken).isFalse();
                }
            }
        }
    }

    @Property(tries = 300)
    void blocksStayInWorkingTimeAfterNowAndTheStartDateAndBeforeTheHorizon(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3) int people, @ForAll @IntRange(max = 60) int tasks) {
        PlanRequest request = new PlanRequests(seed, false).any(people, tasks);
        Plan plan = planner.plan(request);
        Map<UUID, PlanTask> byId = request.tasks().stream().collect(Collectors.toMap(PlanTask::id, Function.identity()));
        for (PlanPerson person : request.people()) {
            for (ProposedBlock block : blocksOf(plan, person.id())) {
                PlanTask task = byId.get(block.taskId());
                assertThat(task.assignee()).isEqualTo(person.id());
                assertThat(Interval.subtract(List.of(block.interval()), person.workingWindows()))
                        .as("%s outside working time", block).isEmpty();
                assertThat(block.start()).isAfterOrEqualTo(request.now());
                assertThat(block.end()).isBeforeOrEqualTo(request.horizon());
                if (task.startDate() != null) {
                    assertThat(block.start()).isAfterOrEqualTo(task.startDate().atStartOfDay(person.zone()).toInstant());
                }
                if (task.needsClientOnline()) {
                    assertThat(Interval.subtract(List.of(block.interval()), task.clientWindows()))
                            .as("%s outside the client's hours", block).isEmpty();
                }
            }
        }
    }

    @Property(tries = 300)
    void everyAssignedTaskIsPlacedWholeInPiecesOfAtLeastAQuarterHourOrListedAsUnplaced(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3) int people, @ForAll @IntRange(max = 60) int tasks) {
        PlanRequest request = new PlanRequests(seed, false).any(people, tasks);
        Plan plan = planner.plan(request);
        Map<UUID, Duration> placed = new HashMap<>();
        for (ProposedBlock block : plan.blocks()) {
            placed.merge(block.taskId(), block.interval().duration(), Duration::plus);
        }
        for (PlanTask task : request.tasks()) {
            if (task.assignee() == null) {
                assertThat(plan.unassigned()).contains(task.id());
                assertThat(placed).doesNotContainKey(task.id());
            } else if (plan.unplaced().contains(task.id())) {
                assertThat(placed).doesNotContainKey(task.id());
            } else {
                assertThat(placed.get(task.id())).as("task %s", task.id()).isEqualTo(task.estimate());
                Duration smallest = task.estimate().compareTo(AutoPlanner.MIN_PIECE) < 0 ? task.estimate() : AutoPlanner.MIN_PIECE;
                plan.blocks().stream().filter(block -> block.taskId().equals(task.id()))
                        .forEach(block -> assertThat(block.interval().duration()).isGreaterThanOrEqualTo(smallest));
            }
        }
    }

    @Property(tries = 300)
    void noLocalDayGetsMoreFocusTimeThanItsLimitLeaves(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3) int people, @ForAll @IntRange(max = 80) int tasks) {
        PlanRequest request = new PlanRequests(seed, false).any(people, tasks);
        Plan plan = planner.plan(request);
        for (PlanPerson person : request.people()) {
            if (person.focusLimit() == null) {
                continue;
            }
            Map<LocalDate, Duration> existing = perLocalDay(person.blocks(), person.zone());
            Map<LocalDate, Duration> planned = perLocalDay(
                    blocksOf(plan, person.id()).stream().map(ProposedBlock::interval).toList(), person.zone());
            planned.forEach((day, focus) -> {
                Duration left = person.focusLimit().minus(existing.getOrDefault(day, Duration.ZERO));
                assertThat(focus).as("%s in %s", day, person.zone())
                        .isLessThanOrEqualTo(left.isNegative() ? Duration.ZERO : left);
            });
        }
    }

    @Property(tries = 200)
    void theSameRequestInAnyOrderGivesTheSamePlan(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int people,
            @ForAll @IntRange(max = 60) int tasks) {
        PlanRequest request = new PlanRequests(seed, false).any(people, tasks);
        List<PlanTask> shuffledTasks = new ArrayList<>(request.tasks());
        Collections.shuffle(shuffledTasks, new Random(seed));
        List<PlanPerson> shuffledPeople = new ArrayList<>(request.people());
        Collections.shuffle(shuffledPeople, new Random(seed));
        PlanRequest shuffled = new PlanRequest(request.now(), request.horizon(), shuffledPeople, shuffledTasks);

        Plan plan = planner.plan(request);
        assertThat(planner.plan(request)).isEqualTo(plan);
        assertThat(new AutoPlanner().plan(shuffled)).isEqualTo(plan);
    }

    @Property(tries = 300)
    void aBatchIsTwoOrMoreTasksOfOnePersonAndOneType(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3) int people, @ForAll @IntRange(max = 60) int tasks) {
        PlanRequest request = new PlanRequests(seed, false).any(people, tasks);
        Plan plan = planner.plan(request);
        Map<UUID, PlanTask> byId = request.tasks().stream().collect(Collectors.toMap(PlanTask::id, Function.identity()));
        Map<String, List<ProposedBlock>> batches = plan.blocks().stream().filter(block -> block.batch() != null)
                .collect(Collectors.groupingBy(block -> block.personId() + " " + block.batch()));
        batches.forEach((key, blocks) -> {
            assertThat(blocks.stream().map(ProposedBlock::taskId).distinct().count()).as(key).isGreaterThan(1);
            assertThat(blocks.stream().map(block -> byId.get(block.taskId()).type()).distinct()).as(key).hasSize(1)
                    .doesNotContainNull();
        });
    }

    /**
     * Over capacity is a bound the plan cannot beat: on such a day (before the horizon's own day) some task due by
     * then must be at risk.
     */
    @Property(tries = 300)
    void anOverCapacityDayHasALateTaskDueByThen(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int people,
            @ForAll @IntRange(max = 80) int tasks) {
        PlanRequest request = new PlanRequests(seed, false).any(people, tasks);
        Plan plan = planner.plan(request);
        Map<UUID, PlanTask> byId = request.tasks().stream().collect(Collectors.toMap(PlanTask::id, Function.identity()));
        Map<UUID, ZoneId> zones = request.people().stream().collect(Collectors.toMap(PlanPerson::id, PlanPerson::zone));
        for (OverCapacityDay day : plan.overCapacity()) {
            ZoneId zone = zones.get(day.personId());
            if (!day.date().isBefore(request.horizon().atZone(zone).toLocalDate())) {
                continue;
            }
            Instant endOfDay = day.date().plusDays(1).atStartOfDay(zone).toInstant();
            assertThat(day.shortfall()).isPositive().isEqualTo(day.dueWork().minus(day.freeFocus()));
            assertThat(plan.atRisk()).as("%s", day).anySatisfy(late -> {
                assertThat(late.personId()).isEqualTo(day.personId());
                assertThat(byId.get(late.taskId()).due()).isBefore(endOfDay);
            });
        }
    }

    /**
     * Earliest due date first is optimal for the largest lateness on one machine with pre-emption; the planner
     * must do as well when nothing else constrains it. Times are on a 15-minute grid so that the planner's
     * minimum piece never leaves a gap that the plain schedule below would use.
     */
    @Property(tries = 500)
    void onOnePersonWithoutOtherConstraintsTheLargestLatenessIsEarliestDueDateFirsts(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 40) int tasks) {
        PlanRequest request = new PlanRequests(seed, true).plain(tasks);
        Plan plan = planner.plan(request);
        Duration planned = plan.atRisk().stream().map(LateTask::lateBy).max(Comparator.naturalOrder())
                .orElse(Duration.ZERO);
        assertThat(planned).isEqualTo(earliestDueDateFirst(request));
    }

    /** A plain sequential schedule: tasks by due time fill the working time from now, any piece length. */
    private static Duration earliestDueDateFirst(PlanRequest request) {
        PlanPerson person = request.people().get(0);
        List<Interval> windows = new ArrayList<>(person.workingWindows());
        windows.sort(Comparator.comparing(Interval::start));
        List<PlanTask> tasks = new ArrayList<>(request.tasks());
        tasks.sort(Comparator.comparing(PlanTask::due, Comparator.nullsLast(Comparator.naturalOrder())));
        Duration worst = Duration.ZERO;
        int window = 0;
        Instant cursor = request.now();
        for (PlanTask task : tasks) {
            Duration left = task.estimate();
            while (!left.isZero() && window < windows.size()) {
                Interval current = windows.get(window);
                Instant start = cursor.isAfter(current.start()) ? cursor : current.start();
                Instant end = current.end().isBefore(request.horizon()) ? current.end() : request.horizon();
                if (!end.isAfter(start)) {
                    window++;
                    continue;
                }
                Duration piece = Duration.between(start, end).compareTo(left) < 0 ? Duration.between(start, end) : left;
                left = left.minus(piece);
                cursor = start.plus(piece);
            }
            Instant finished = left.isZero() ? cursor : request.horizon();
            if (task.due() != null && Duration.between(task.due(), finished).compareTo(worst) > 0) {
                worst = Duration.between(task.due(), finished);
            }
        }
        return worst;
    }

    private static List<ProposedBlock> blocksOf(Plan plan, UUID person) {
        return plan.blocks().stream().filter(block -> block.personId().equals(person))
                .sorted(Comparator.comparing(ProposedBlock::start)).toList();
    }

    private static Map<LocalDate, Duration> perLocalDay(List<Interval> intervals, ZoneId zone) {
        Map<LocalDate, Duration> days = new HashMap<>();
        Set<Interval> seen = new HashSet<>();
        for (Interval interval : intervals) {
            if (!seen.add(interval)) {
                continue;
            }
            Instant start = interval.start();
            while (start.isBefore(interval.end())) {
                LocalDate day = start.atZone(zone).toLocalDate();
                Instant midnight = day.plusDays(1).atStartOfDay(zone).toInstant();
                Instant end = midnight.isBefore(interval.end()) ? midnight : interval.end();
                days.merge(day, Duration.between(start, end), Duration::plus);
                start = end;
            }
        }
        return days;
    }
}
