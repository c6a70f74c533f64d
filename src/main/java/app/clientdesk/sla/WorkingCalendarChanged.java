package app.clientdesk.sla;

import app.clientdesk.identity.WorkspaceId;

/**
 * The owner saved the workspace's working calendar (hours, holidays or the at-risk share): published in the
 * transaction of the change, so that open requests' clocks are checked again with it.
 */
public record WorkingCalendarChanged(WorkspaceId workspace) {
}
