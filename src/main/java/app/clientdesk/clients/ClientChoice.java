package app.clientdesk.clients;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** A client as a picker lists it: its id and name, nothing to compute. */
public record ClientChoice(ClientId id, String name) {

    /**
     * What a client field suggests for the text typed so far: up to {@code limit} of {@code clients} whose name
     * contains it (any case), those whose name starts with it first, otherwise in the order given. The one rule
     * of every client field's suggestions (the request inbox's filter, the rate forms).
     */
    public static <T> List<T> suggestions(List<T> clients, Function<T, String> name, @Nullable String typed,
            int limit) {
        String wanted = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return clients.stream().filter(c -> name.apply(c).toLowerCase(Locale.ROOT).contains(wanted))
                .sorted(Comparator.comparing((T c) -> !name.apply(c).toLowerCase(Locale.ROOT).startsWith(wanted)))
                .limit(limit).toList();
    }
}
