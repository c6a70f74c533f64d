package app.clientdesk.time.internal;

import app.clientdesk.time.ImportChoices;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The preview's form: {@code action} is "refresh" (show the preview again with these choices) or "commit";
 * the maps hold the choice for each client, project and person of the file, by their position in the
 * preview's tables ({@code client[0]=new}, {@code user[2]=<id>}).
 */
record ImportForm(@Nullable String action, @Nullable String zone, @Nullable String dates,
        @Nullable Map<String, String> client, @Nullable Map<String, String> project,
        @Nullable Map<String, String> user) {

    boolean refresh() {
        return "refresh".equals(action);
    }

    ImportChoices choices() {
        return new ImportChoices(zone, dates, client == null ? Map.of() : client, project == null ? Map.of() : project,
                user == null ? Map.of() : user);
    }
}
