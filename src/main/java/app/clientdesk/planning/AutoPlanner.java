package app.clientdesk.planning;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Places open tasks into each assignee's free working time between now and a horizon, earliest first, and says
 * which tasks will be late and which days cannot hold the work due on them. Pure and deterministic: the plan
 * depends only on the {@link PlanRequest}, not on the order of its lists, so a person who asks twice sees the
 * same proposal.
 *
 * <p>Order: urgent-and-important tasks first, then the rest; within each, by due time (none last), then by id.
 * Placing in due order, each task as early as it fits, is earliest-due-date-first, which keeps the largest
 * lateness as small as possible for one person when nothing else constrains the order.
 *
 * <p>Batching: when a task of a type comes up, later tasks of the same assignee, type and priority group join it,
 * up to {@link #BATCH_LIMIT} of work, and are placed right after it with no buffer between them; this pulls them
 * ahead of other tasks, which is the point of batching and why the limit exists. A task joins only if it could
 * start as early as the first one (its start date is not later) and needs the same client hours, so the batch can
 * really be back to back.
 *
 * <p>A task may be split over several free stretches; no piece is shorter than {@link #MIN_PIECE} unless
 * the whole task is. A task that does not fit whole before the horizon is not placed at all (a half-placed task
 * would look planned) and is listed as unplaced. Not checked here: that estimates are sensible, or that the
 * windows of a person are inside their working hours (the caller computes them).
 */
public final class AutoPlanner {

    /** The most work one batch gathers, so that batching never pushes other work back by more than this. */
    public static final Duration BATCH_LIMIT = Duration.ofHours(4);

    /**
     * No piece of a split task is shorter than this, unless the whole task is: a quarter of an hour is about the
     * least worth switching to, and a task is never left with a rest shorter than it.
     */
    public static final Duration MIN_PIECE = Duration.ofMinutes(15);

    static final Comparator<PlanTask> ORDER = Comparator
            .comparing((PlanTask task) -> !task.urgentAndImportant())
            .thenComparing(PlanTask::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(PlanTask::id);

    public Plan plan(PlanRequest request) {
        Map<UUID, PlanPerson> people = new HashMap<>();
        Map<UUID, FreeTime> freeTimes = new HashMap<>();
        for (PlanPerson person : request.people()) {
            people.put(person.id(), person);
            freeTimes.put(person.id(), new FreeTime(person, request.now(), request.horizon()));
        }
        List<PlanTask> ordered = new ArrayList<>(request.tasks());
        ordered.sort(ORDER);
        List<UUID> unassigned = new ArrayList<>();
        List<PlanTask> assigned = new ArrayList<>();
        for (PlanTask task : ordered) {
            if (task.assignee() == null) {
                unassigned.add(task.id());
            } else {
                assigned.add(task);
            }
        }

        Placement placement = new Placement(request.now());
        Map<BatchGroup, List<PlanTask>> groups = groups(assigned);
        Set<UUID> done = new HashSet<>();
        for (PlanTask task : assigned) {
            if (done.add(task.id())) {
                List<PlanTask> batch = batch(task, groups, done, placement, freeTimes);
                PlanPerson person = people.get(task.assignee());
                placement.place(batch, person, freeTimes.get(person.id()));
            }
        }

        List<ProposedBlock> blocks = placement.blocks();
        blocks.sort(Comparator.comparing(ProposedBlock::start).thenComparing(ProposedBlock::personId)
                .thenComparing(ProposedBlock::taskId));
        List<LateTask> atRisk = new ArrayList<>();
        for (PlanTask task : assigned) {
            Instant due = task.due();
            Instant end = placement.endOf(task.id());
            Instant finished = end == null ? request.horizon() : end;
            if (due != null && finished.isAfter(due)) {
                atRisk.add(new LateTask(task.id(), Objects.requireNonNull(task.assignee()), end,
                        Duration.between(due, finished)));
            }
        }
        Map<UUID, List<PlanTask>> byAssignee = new HashMap<>();
        for (PlanTask task : assigned) {
            byAssignee.computeIfAbsent(task.assignee(), id -> new ArrayList<>()).add(task);
        }
        List<OverCapacityDay> overCapacity = new ArrayList<>();
        request.people().stream().map(PlanPerson::id).sorted().forEach(id -> overCapacity.addAll(CapacityCheck
                .overCapacity(id, byAssignee.getOrDefault(id, List.of()), freeTimes.get(id), request.now(),
                        request.horizon())));
        return new Plan(blocks, placement.unplaced(), atRisk, overCapacity, unassigned);
    }

    private record BatchGroup(UUID assignee, String type, boolean urgentAndImportant) {}

    private static Map<BatchGroup, List<PlanTask>> groups(List<PlanTask> ordered) {
        Map<BatchGroup, List<PlanTask>> groups = new LinkedHashMap<>();
        for (PlanTask task : ordered) {
            if (task.type() != null) {
                groups.computeIfAbsent(group(task), key -> new ArrayList<>()).add(task);
            }
        }
        return groups;
    }

    private static BatchGroup group(PlanTask task) {
        return new BatchGroup(Objects.requireNonNull(task.assignee()), Objects.requireNonNull(task.type()),
                task.urgentAndImportant());
    }

    /** The task and the later tasks that join it (see the class comment), marked done. */
    private static List<PlanTask> batch(PlanTask first, Map<BatchGroup, List<PlanTask>> groups, Set<UUID> done,
            Placement placement, Map<UUID, FreeTime> freeTimes) {
        List<PlanTask> batch = new ArrayList<>();
        batch.add(first);
        if (first.type() == null) {
            return batch;
        }
        FreeTime free = freeTimes.get(first.assignee());
        Instant earliest = placement.earliest(first, free.zone());
        Duration total = first.estimate();
        for (PlanTask other : groups.get(group(first))) {
            if (total.compareTo(BATCH_LIMIT) >= 0) {
                break;
            }
            if (done.contains(other.id()) || total.plus(other.estimate()).compareTo(BATCH_LIMIT) > 0
                    || other.needsClientOnline() != first.needsClientOnline()
                    || (first.needsClientOnline() && !other.clientWindows().equals(first.clientWindows()))
                    || placement.earliest(other, free.zone()).isAfter(earliest)) {
                continue;
            }
            done.add(other.id());
            batch.add(other);
            total = total.plus(other.estimate());
        }
        return batch;
    }

    /** The blocks placed so far, and where each task ended. */
    private static final class Placement {
        private final Instant now;
        private final List<ProposedBlock> blocks = new ArrayList<>();
        private final Map<UUID, Instant> ends = new HashMap<>();
        private final List<UUID> unplaced = new ArrayList<>();
        private final Map<String, Integer> batchesPerPersonAndType = new HashMap<>();

        Placement(Instant now) {
            this.now = now;
        }

        Instant earliest(PlanTask task, ZoneId zone) {
            if (task.startDate() == null) {
                return now;
            }
            Instant start = task.startDate().atStartOfDay(zone).toInstant();
            return start.isAfter(now) ? start : now;
        }

        void place(List<PlanTask> batch, PlanPerson person, FreeTime free) {
            List<Interval> placed = new ArrayList<>();
            List<ProposedBlock> batchBlocks = new ArrayList<>();
            Set<UUID> placedTasks = new HashSet<>();
            Instant after = null;
            for (PlanTask task : batch) {
                Instant from = earliest(task, free.zone());
                if (after != null && after.isAfter(from)) {
                    from = after;
                }
                List<Interval> clientWindows = task.needsClientOnline() ? FreeTime.merge(task.clientWindows()) : null;
                List<Interval> pieces = free.find(from, task.estimate(), clientWindows);
                if (pieces == null) {
                    unplaced.add(task.id());
                    continue;
                }
                free.take(pieces);
                placed.addAll(pieces);
                placedTasks.add(task.id());
                after = pieces.get(pieces.size() - 1).end();
                ends.put(task.id(), after);
                for (Interval piece : joinTouching(pieces)) {
                    batchBlocks.add(new ProposedBlock(person.id(), task.id(), piece.start(), piece.end(), null));
                }
            }
            free.keepBuffer(placed, person.buffer());
            String key = placedTasks.size() > 1 ? batchKey(person.id(), batch.get(0).type()) : null;
            for (ProposedBlock block : batchBlocks) {
                blocks.add(key == null ? block
                        : new ProposedBlock(block.personId(), block.taskId(), block.start(), block.end(), key));
            }
        }

        private String batchKey(UUID person, @Nullable String type) {
            int number = batchesPerPersonAndType.merge(person + " " + type, 1, Integer::sum);
            return type + " #" + number;
        }

        @Nullable Instant endOf(UUID task) {
            return ends.get(task);
        }

        List<ProposedBlock> blocks() {
            return blocks;
        }

        List<UUID> unplaced() {
            return unplaced;
        }

        /** Pieces of one task that meet (at a local midnight) are one block to the person. */
        private static List<Interval> joinTouching(List<Interval> pieces) {
            List<Interval> joined = new ArrayList<>();
            for (Interval piece : pieces) {
                int last = joined.size() - 1;
                if (last >= 0 && joined.get(last).end().equals(piece.start())) {
                    joined.set(last, new Interval(joined.get(last).start(), piece.end()));
                } else {
                    joined.add(piece);
                }
            }
            return joined;
        }
    }
}
