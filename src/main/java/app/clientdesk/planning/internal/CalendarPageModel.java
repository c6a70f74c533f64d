package app.clientdesk.planning.internal;

import app.clientdesk.planning.PersonCalendar;

/**
 * What the calendar page says besides the forms: where its forms post ({@code base}), whose calendar it is, whether
 * the viewer is that person, the calendar as it stands, and the workspace's zone (shown while it is followed).
 */
public record CalendarPageModel(String base, String personName, boolean self, PersonCalendar calendar,
        String workspaceZone) {
}
