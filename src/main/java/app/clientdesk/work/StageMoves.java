package app.clientdesk.work;

import app.clientdesk.identity.Role;
import app.clientdesk.shared.validation.InvalidInputException;

/**
 * Which moves between the stages of one workflow a person may make by hand. Moving back is always
 * allowed. A member may bring work into a REVIEW stage but never moves it on or past one: the owner
 * does. Work waiting in a CLIENT_APPROVAL stage leaves forward only by an approval (the client's, or
 * the owner's on the client's behalf), never by a drag. Work that does not need the client's approval
 * may skip that stage: it never waited there.
 */
final class StageMoves {

    private StageMoves() {}

    static boolean allowed(Workflow workflow, Stage from, Stage to, Role role) {
        try {
            check(workflow, from, to, role);
            return true;
        } catch (InvalidInputException refused) {
            return false;
        }
    }

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
            if (gate.kind() == StageKind.CLIENT_APPROVAL && gate.id().equals(from.id())) {
                throw InvalidInputException.of("stageId", "task.move.clientApproval", gate.name());
            }
            if (gate.kind() == StageKind.REVIEW && role != Role.OWNER) {
                throw InvalidInputException.of("stageId", "task.move.reviewByOwner", gate.name());
            }
        }
    }
}
