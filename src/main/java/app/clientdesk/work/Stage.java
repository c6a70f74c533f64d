package app.clientdesk.work;

public record Stage(StageId id, WorkflowId workflowId, int position, String name, StageKind kind) {
}
