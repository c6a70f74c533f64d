package app.clientdesk.requests;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A VA's message on a request: {@code visibleToClient} false makes it an internal note; {@code waitOnClient}
 * puts the request in {@link RequestState#WAITING_ON_CLIENT} (the clock pauses until the client writes).
 */
public record Reply(@Nullable String text, boolean visibleToClient, boolean waitOnClient,
        List<NewAttachment> attachments) {

    public Reply {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static Reply answer(String text, boolean waitOnClient) {
        return new Reply(text, true, waitOnClient, List.of());
    }

    public static Reply note(String text) {
        return new Reply(text, false, false, List.of());
    }
}
