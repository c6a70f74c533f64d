package app.clientdesk.time.internal;

/** The filters as typed, to show them again and to build links. Empty strings are "any". */
public record TimeEntryFilters(String from, String to, String clientId, String projectId, String userId, String billable,
        String tag) {

    public String query() {
        StringBuilder q = new StringBuilder();
        add(q, "from", from);
        add(q, "to", to);
        add(q, "clientId", clientId);
        add(q, "projectId", projectId);
        add(q, "userId", userId);
        add(q, "billable", billable);
        add(q, "tag", tag);
        return q.toString();
    }

    public boolean any() {
        return !query().isEmpty();
    }

    private static void add(StringBuilder q, String name, String value) {
        if (!value.isBlank()) {
            q.append(q.isEmpty() ? "" : "&").append(name).append('=').append(TimesheetTexts.encode(value.strip()));
        }
    }
}
