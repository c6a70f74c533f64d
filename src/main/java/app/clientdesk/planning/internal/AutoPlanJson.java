package app.clientdesk.planning.internal;

import app.clientdesk.planning.AutoPlans;
import app.clientdesk.planning.LateTask;
import app.clientdesk.planning.OverCapacityDay;
import app.clientdesk.planning.ProposedBlock;
import app.clientdesk.work.Task;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An auto-plan in the API: proposed blocks, tasks that will be late, days over capacity, nobody's tasks. */
record AutoPlanJson(OffsetDateTime from, OffsetDateTime to, List<BlockJson> blocks, List<LateJson> atRisk,
        List<OverCapacityJson> overCapacity, List<UUID> unplaced, List<TaskRef> unassigned) {

    /** A proposed block, in its person's zone. */
    record BlockJson(UUID userId, UUID taskId, String taskTitle, String clientName, OffsetDateTime start,
            OffsetDateTime end, @Nullable String batch) {
    }

    /** A task that will miss its due date: by how much, and when its planned work ends (none when unplaced). */
    record LateJson(UUID taskId, String taskTitle, UUID userId, @Nullable OffsetDateTime plannedEnd,
            long lateByMinutes) {
    }

    /** A day whose work due by its end does not fit in the focus time left before it. */
    record OverCapacityJson(UUID userId, LocalDate date, long dueMinutes, long freeMinutes, long shortMinutes) {
    }

    record TaskRef(UUID taskId, String title) {
    }

    /** What a plan is asked for: a range (ISO-8601 dates or instants) and whose work. */
    record AutoPlanRequest(@Nullable String from, @Nullable String to, @Nullable String userId) {
    }

    static AutoPlanJson of(AutoPlans.Proposal p, ZoneId viewerZone) {
        return new AutoPlanJson(p.from().atZone(viewerZone).toOffsetDateTime(),
                p.to().atZone(viewerZone).toOffsetDateTime(),
                p.plan().blocks().stream().map(b -> block(p, b)).toList(),
                p.plan().atRisk().stream().map(l -> late(p, l)).toList(),
                p.plan().overCapacity().stream().map(AutoPlanJson::over).toList(),
                p.plan().unplaced(),
                p.nobodys().stream().map(t -> new TaskRef(t.id().value(), t.title())).toList());
    }

    private static BlockJson block(AutoPlans.Proposal p, ProposedBlock b) {
        Task task = p.task(b.taskId());
        ZoneId zone = p.zones().get(b.personId());
        return new BlockJson(b.personId(), b.taskId(), task.title(), task.clientName(),
                b.start().atZone(zone).toOffsetDateTime(), b.end().atZone(zone).toOffsetDateTime(), b.batch());
    }

    private static LateJson late(AutoPlans.Proposal p, LateTask l) {
        ZoneId zone = p.zones().get(l.personId());
        return new LateJson(l.taskId(), p.task(l.taskId()).title(), l.personId(),
                l.plannedEnd() == null ? null : l.plannedEnd().atZone(zone).toOffsetDateTime(), l.lateByMinutes());
    }

    private static OverCapacityJson over(OverCapacityDay d) {
        return new OverCapacityJson(d.personId(), d.date(), d.dueWork().toMinutes(), d.freeFocus().toMinutes(),
                d.shortfall().toMinutes());
    }
}
