package app.clientdesk.time.internal;

import org.jspecify.annotations.Nullable;

/**
 * The report's filters as the query string gives them: {@code range} a preset ({@code this-week},
 * {@code last-week}, {@code this-month}, {@code last-month}, {@code this-year}, {@code last-12-months}) or
 * {@code custom} with {@code from} and {@code to} (YYYY-MM-DD, inclusive); {@code client}, {@code project},
 * {@code member} ids; {@code type} a task type; {@code tag}; {@code billable} {@code all}, {@code billable}
 * or {@code non-billable}; {@code group} and {@code then} one of {@code client}, {@code project},
 * {@code task}, {@code type}, {@code member}, {@code tag}, {@code day}, {@code week}, {@code month}.
 */
public record ReportForm(@Nullable String range, @Nullable String from, @Nullable String to, @Nullable String client,
        @Nullable String project, @Nullable String member, @Nullable String type, @Nullable String tag,
        @Nullable String billable, @Nullable String group, @Nullable String then) {

    /** This form as a query string (without the "?"), for links to the CSV files of the same report. */
    public String query() {
        StringBuilder q = new StringBuilder();
        add(q, "range", range);
        add(q, "from", from);
        add(q, "to", to);
        add(q, "client", client);
        add(q, "project", project);
        add(q, "member", member);
        add(q, "type", type);
        add(q, "tag", tag);
        add(q, "billable", billable);
        add(q, "group", group);
        add(q, "then", then);
        return q.toString();
    }

    private static void add(StringBuilder q, String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (!q.isEmpty()) {
            q.append('&');
        }
        q.append(name).append('=').append(java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
