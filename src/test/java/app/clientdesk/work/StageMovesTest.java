package app.clientdesk.work;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.clientdesk.identity.Role;
import app.clientdesk.shared.validation.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageMovesTest {

    private final WorkflowId id = WorkflowId.random();
    private final Stage todo = stage(0, "To do", StageKind.OPEN);
    private final Stage doing = stage(1, "Doing", StageKind.OPEN);
    private final Stage review = stage(2, "Review", StageKind.REVIEW);
    private final Stage client = stage(3, "Waiting on client", StageKind.CLIENT_APPROVAL);
    private final Stage done = stage(4, "Done", StageKind.DONE);
    private final Workflow workflow = new Workflow(id, "Standard", null, List.of(todo, doing, review, client, done));

    private Stage stage(int position, String name, StageKind kind) {
        return new Stage(StageId.random(), id, position, name, kind);
    }

    @Test
    void aMemberBringsWorkIntoReviewButNotPastIt() {
        assertThatCode(() -> StageMoves.check(workflow, doing, review, Role.MEMBER)).doesNotThrowAnyException();
        assertThatThrownBy(() -> StageMoves.check(workflow, review, client, Role.MEMBER))
                .isInstanceOf(InvalidInputException.class).extracting(e -> ((InvalidInputException) e).violations().get(0).messageKey())
                .isEqualTo("task.move.reviewByOwner");
        assertThatThrownBy(() -> StageMoves.check(workflow, todo, done, Role.MEMBER))
                .extracting(e -> ((InvalidInputException) e).violations().get(0).messageKey())
                .isEqualTo("task.move.reviewByOwner");
    }

    @Test
    void theOwnerPassesReviewButNobodyDragsWorkWaitingForTheClientOn() {
        assertThatCode(() -> StageMoves.check(workflow, review, client, Role.OWNER)).doesNotThrowAnyException();
        assertThatThrownBy(() -> StageMoves.check(workflow, client, done, Role.OWNER))
                .extracting(e -> ((InvalidInputException) e).violations().get(0).messageKey())
                .isEqualTo("task.move.clientApproval");
    }

    @Test
    void workThatNeedsNoClientApprovalSkipsThatStage() {
        assertThatCode(() -> StageMoves.check(workflow, todo, done, Role.OWNER)).doesNotThrowAnyException();
        assertThatCode(() -> StageMoves.check(workflow, doing, done, Role.OWNER)).doesNotThrowAnyException();
    }

    @Test
    void movingBackIsAlwaysAllowed() {
        assertThatCode(() -> StageMoves.check(workflow, done, todo, Role.MEMBER)).doesNotThrowAnyException();
        assertThatCode(() -> StageMoves.check(workflow, client, doing, Role.MEMBER)).doesNotThrowAnyException();
    }

    @Test
    void aStageOfAnotherWorkflowIsRefused() {
        Stage elsewhere = new Stage(StageId.random(), WorkflowId.random(), 1, "Doing", StageKind.OPEN);
        assertThatThrownBy(() -> StageMoves.check(workflow, todo, elsewhere, Role.OWNER))
                .extracting(e -> ((InvalidInputException) e).violations().get(0).messageKey())
                .isEqualTo("task.move.otherWorkflow");
    }
}
