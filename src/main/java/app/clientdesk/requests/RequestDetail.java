package app.clientdesk.requests;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A request with its conversation (oldest first, each message with its files), its pauses, and the task it was
 * converted to (null when not converted, or when the viewer may not see the task). For a client contact only
 * the messages visible to the client are included.
 */
public record RequestDetail(Request request, List<RequestMessage> messages, List<RequestPause> pauses,
        @Nullable LinkedTask task) {

    public RequestDetail {
        messages = List.copyOf(messages);
        pauses = List.copyOf(pauses);
    }

    public Optional<LinkedTask> linkedTask() {
        return Optional.ofNullable(task);
    }
}
