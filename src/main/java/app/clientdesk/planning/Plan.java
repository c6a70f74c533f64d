package app.clientdesk.planning;

import java.util.List;
import java.util.UUID;

/**
 * The auto-planner's proposal. Nothing is stored: the person accepts all, some or none of the {@code blocks}
 * (in time order). {@code unplaced} are assigned tasks that did not fit before the horizon; {@code unassigned}
 * tasks are not placed at all. Task lists are in planning order.
 */
public record Plan(List<ProposedBlock> blocks, List<UUID> unplaced, List<LateTask> atRisk,
        List<OverCapacityDay> overCapacity, List<UUID> unassigned) {

    public Plan {
        blocks = List.copyOf(blocks);
        unplaced = List.copyOf(unplaced);
        atRisk = List.copyOf(atRisk);
        overCapacity = List.copyOf(overCapacity);
        unassigned = List.copyOf(unassigned);
    }
}
