package app.clientdesk.work;

import app.clientdesk.identity.WorkspaceId;
import java.util.Locale;

/** More that a new workspace starts with (templates), made in the same transaction as its workflows. */
interface WorkSeedStep {

    void seed(WorkspaceId workspace, Locale language, WorkflowId standard, WorkflowId socialMedia);
}
