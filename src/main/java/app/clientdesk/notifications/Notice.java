package app.clientdesk.notifications;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What to tell a person: its kind (such as {@code request.atRisk}; a later version lets each person choose per
 * kind), a message key with its arguments (written in the reader's language when shown or mailed: the key's text
 * in messages.properties and messages_pt_BR.properties, the arguments as given, such as a client's name), a link
 * to its subject inside the app, an optional dedupe key and whether it also goes by email.
 *
 * <p>Build one with {@link #of} and the {@code with...} methods:
 * {@code Notice.of("request.atRisk", "notifications.request.atRisk", clientName).linkTo("/requests/" + id)
 * .once("request:" + id + ":AT_RISK").byEmail()}.
 *
 * @param link a path of this app, such as {@code /tasks/<id>} (a query is allowed), never an absolute URL
 * @param dedupeKey with it, a person is told at most once per key, ever: a second notice with the same key is
 *     dropped (and not mailed)
 * @param email also queue an email to the person, in their language, from the workspace's name
 */
public record Notice(String kind, String messageKey, List<String> arguments, @Nullable String link,
        @Nullable String dedupeKey, boolean email) {

    public static final int MAX_ARGUMENT = 500;
    public static final int MAX_ARGUMENTS = 6;
    private static final Pattern KIND = Pattern.compile("[a-z][a-zA-Z0-9]*(\\.[a-zA-Z][a-zA-Z0-9]*){0,3}");
    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9._-]{0,119}");
    private static final Pattern LINK = Pattern.compile("/(?![/\\\\])[^\\s\\\\\\x00-\\x1f]{0,498}");

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(messageKey, "messageKey");
        if (kind.length() > 60 || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("a kind is a dotted name such as request.atRisk: " + kind);
        }
        if (!KEY.matcher(messageKey).matches()) {
            throw new IllegalArgumentException("not a message key: " + messageKey);
        }
        arguments = List.copyOf(arguments);
        if (arguments.size() > MAX_ARGUMENTS) {
            throw new IllegalArgumentException("at most " + MAX_ARGUMENTS + " arguments");
        }
        arguments = arguments.stream().map(a -> a.length() > MAX_ARGUMENT ? a.substring(0, MAX_ARGUMENT - 1) + "…" : a)
                .toList();
        if (link != null && !LINK.matcher(link).matches()) {
            throw new IllegalArgumentException("a link is a path of this app, such as /tasks/1: " + link);
        }
        if (dedupeKey != null && (dedupeKey.isBlank() || dedupeKey.length() > 200)) {
            throw new IllegalArgumentException("a dedupe key has 1 to 200 characters");
        }
    }

    /** A notice of {@code kind} with the text of {@code messageKey} and these arguments; no link, no email. */
    public static Notice of(String kind, String messageKey, String... arguments) {
        return new Notice(kind, messageKey, List.of(arguments), null, null, false);
    }

    public Notice linkTo(String path) {
        return new Notice(kind, messageKey, arguments, path, dedupeKey, email);
    }

    /** Told at most once per person for this key (such as {@code request:<id>:AT_RISK}). */
    public Notice once(String key) {
        return new Notice(kind, messageKey, arguments, link, key, email);
    }

    /** Also by email through the outbox. */
    public Notice byEmail() {
        return new Notice(kind, messageKey, arguments, link, dedupeKey, true);
    }
}
