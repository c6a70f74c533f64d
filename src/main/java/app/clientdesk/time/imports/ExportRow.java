package app.clientdesk.time.imports;

import org.jspecify.annotations.Nullable;

/**
 * One data row of an export, as written in the file (values stripped, empty ones null). {@code line} is
 * the line of the file where the row starts; a description with line breaks spans more than one. The end
 * is either {@code endDate}/{@code endTime} or, in a file without them, {@code duration}.
 */
public record ExportRow(int line, @Nullable String user, @Nullable String email, @Nullable String client,
        @Nullable String project, @Nullable String task, @Nullable String description, @Nullable String billable,
        @Nullable String startDate, @Nullable String startTime, @Nullable String endDate, @Nullable String endTime,
        @Nullable String duration, @Nullable String tags) {

    /** Who the row is for, as the file says it: the email in lower case, or else the name. */
    public String personKey() {
        if (email != null) {
            return email.toLowerCase(java.util.Locale.ROOT);
        }
        return user == null ? "" : "name:" + user.toLowerCase(java.util.Locale.ROOT);
    }
}
