package app.clientdesk.billing.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The list's filters as typed, to show them again and to build links. Empty strings are "any". */
public record ExpenseFilters(String clientId, String from, String to, String billable, boolean unbilled) {

    public String query() {
        StringBuilder q = new StringBuilder();
        add(q, "clientId", clientId);
        add(q, "from", from);
        add(q, "to", to);
        add(q, "billable", billable);
        if (unbilled) {
            add(q, "unbilled", "true");
        }
        return q.toString();
    }

    public boolean any() {
        return !query().isEmpty();
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void add(StringBuilder q, String name, String value) {
        if (!value.isBlank()) {
            q.append(q.isEmpty() ? "" : "&").append(name).append('=').append(encode(value.strip()));
        }
    }
}
