package app.clientdesk.time.internal;

import org.jspecify.annotations.Nullable;

/** Where a time form sends the person back to: the timesheet or the entries list, never another site. */
final class TimesheetBack {

    private TimesheetBack() {}

    static String to(@Nullable String back, String fallback) {
        if (back == null || !back.matches("/time(/entries)?(\\?[\\w=&%.:,+-]*)?")) {
            return fallback;
        }
        return back;
    }
}
