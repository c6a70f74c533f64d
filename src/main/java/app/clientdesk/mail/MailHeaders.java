package app.clientdesk.mail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Threading headers of one outgoing message, for mail that belongs to a conversation (a reply on a client's
 * request): its own {@code Message-ID} (null: the worker makes one from the outbox id), {@code In-Reply-To}, the
 * thread's {@code References}, and {@code Auto-Submitted} ({@code auto-replied} for an automatic answer, so the
 * receiving mail program does not answer it). Ids are written with their angle brackets, as in a header. A
 * malformed id is a programming error ({@link IllegalArgumentException}): these come from code, never from a form.
 * References are kept to the first and the last {@link #MAX_REFERENCES} - 1 ids (as RFC 5322 suggests trimming).
 */
public record MailHeaders(@Nullable String messageId, @Nullable String inReplyTo, List<String> references,
        @Nullable String autoSubmitted) {

    public static final int MAX_REFERENCES = 15;
    public static final String AUTO_REPLIED = "auto-replied";
    public static final String AUTO_GENERATED = "auto-generated";

    private static final Pattern ID = Pattern.compile("<[^<>\\s]{1,248}>");

    /** No header beyond the usual ones. */
    public static final MailHeaders NONE = new MailHeaders(null, null, List.of(), null);

    public MailHeaders {
        Objects.requireNonNull(references, "references");
        messageId = checked(messageId);
        inReplyTo = checked(inReplyTo);
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String reference : references) {
            String id = checked(reference);
            if (id != null) {
                ids.add(id);
            }
        }
        List<String> kept = new ArrayList<>(ids);
        if (kept.size() > MAX_REFERENCES) {
            List<String> trimmed = new ArrayList<>();
            trimmed.add(kept.get(0));
            trimmed.addAll(kept.subList(kept.size() - (MAX_REFERENCES - 1), kept.size()));
            kept = trimmed;
        }
        references = List.copyOf(kept);
        if (autoSubmitted != null && !autoSubmitted.equals(AUTO_REPLIED) && !autoSubmitted.equals(AUTO_GENERATED)) {
            throw new IllegalArgumentException("Auto-Submitted is auto-replied or auto-generated: " + autoSubmitted);
        }
    }

    /** Whether {@code value} is a Message-ID as these headers accept it ({@code <...>}, at most 250 characters). */
    public static boolean isMessageId(@Nullable String value) {
        return value != null && ID.matcher(value.strip()).matches();
    }

    private static @Nullable String checked(@Nullable String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String stripped = id.strip();
        if (!ID.matcher(stripped).matches()) {
            throw new IllegalArgumentException("not a Message-ID: " + stripped);
        }
        return stripped;
    }
}
