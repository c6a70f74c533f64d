package app.clientdesk.work;

import app.clientdesk.identity.Role;
import app.clientdesk.shared.validation.InvalidInputException;

/**
 * Which moves between the stages of one workflow a person may make by hand. Moving back is always
 * allowed. Moving forward past a gate is not: a member may bring work into a REVIEW stage but only the
 * owner moves it on; a CLIENT_APPROVAL stage is passed only by an approval, never by a drag.
 */
final class StageMoves {

    private StageMoves() {}

    /** @throws InvalidInputException (field {@code stageId}) naming the gate that refuses the move */
    static void check(Workflow workflow, Stage from, Stage to, Role role) {
        if (!to.workflowId().equals(workflow.id()) || !from.workflowId().equals(workflow.id())) {
            throw InvalidInputException.of("stageId", "task.move.otherWorkflow");
        }
        if (role == Role.CLIENT) {
            throw InvalidInputException.of("stageId", "task.move.clientApproval", from.name());
        }
        if (to.position() <= from.position()) {
            return;
        }
        for (Stage gate : workflow.stages()) {
            // A gate is passed when the task is at or before it and ends up after it.
            boolean passed = gate.position() >= from.position() && gate.position() < to.position();
            if (!passed) {
                continue;
            }
            if (gate.kind() == StageKind.CLIENT_APPROVAL) {
                throw InvalidInputException.of("stageId", "task.move.clientApproval", gate.name());
            }
            if (gate.kind() == StageKind.REVIEW && role != Role.OWNER) {
                throw InvalidInputException.of("stageId", "task.move.reviewByOwner", gate.name());
            }
        }
    }
}
