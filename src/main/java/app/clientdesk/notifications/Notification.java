package app.clientdesk.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/** A notification as its reader sees it; {@link #text} writes it in the reader's language. */
public record Notification(UUID id, String kind, String messageKey, List<String> arguments, @Nullable String link,
        Instant createdAt, @Nullable Instant readAt) {

    public Notification {
        arguments = List.copyOf(arguments);
    }

    public boolean unread() {
        return readAt == null;
    }

    /** The message in {@code locale}; the kind itself if the key has no text (a key removed since). */
    public String text(MessageSource texts, Locale locale) {
        return texts.getMessage(messageKey, arguments.toArray(), kind, locale);
    }
}
