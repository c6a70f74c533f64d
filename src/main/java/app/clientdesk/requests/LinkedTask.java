package app.clientdesk.requests;

import app.clientdesk.work.StageKind;
import app.clientdesk.work.TaskId;

/** The task a request was converted to, as the request shows it: its title, stage and whether it is done. */
public record LinkedTask(TaskId id, String title, String stageName, StageKind stageKind, boolean done) {
}
