package app.clientdesk.time;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the person chose in an import's preview: the zone the file's times are in, how its dates are
 * written ({@code YMD}, {@code MDY}, {@code DMY}; empty to go by the file), and the mapping, keyed by the
 * position of each name in the preview's tables: for a client or project, {@code "new"} to create it or
 * the id of an existing one; for a person, the id of a member. What is left out takes the preview's
 * default (a same-named client, project or member).
 */
public record ImportChoices(@Nullable String zone, @Nullable String dates, Map<String, String> clients,
        Map<String, String> projects, Map<String, String> users) {

    public static final String NEW = "new";

    public ImportChoices {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        projects = projects == null ? Map.of() : Map.copyOf(projects);
        users = users == null ? Map.of() : Map.copyOf(users);
    }

    public static ImportChoices defaults() {
        return new ImportChoices(null, null, Map.of(), Map.of(), Map.of());
    }
}
