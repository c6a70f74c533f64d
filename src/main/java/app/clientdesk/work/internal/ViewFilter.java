package app.clientdesk.work.internal;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.BusinessHours;
import app.clientdesk.clients.ClientChoice;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.work.TaskId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the views of the day share: the client filter ({@code ?clientId=}) with the clients to choose
 * from, and ids read from forms. A client the viewer may not see is not found.
 */
@Component
class ViewFilter {

    private final Clients clients;
    private final MessageSource texts;

    ViewFilter(Clients clients, MessageSource texts) {
        this.clients = clients;
        this.texts = texts;
    }

    /** The viewer's current clients for the picker, in name order. */
    List<ClientChoice> clients(CurrentUser viewer) {
        return clients.choices(viewer);
    }

    /** Business hours of the clients of the tasks shown, to say whether each is open now. */
    Map<ClientId, BusinessHours> hours(CurrentUser viewer, java.util.Collection<ClientId> ids) {
        return clients.businessHours(viewer, ids);
    }

    /** The client of {@code ?clientId=}, checked: null when none is asked for. */
    @Nullable ClientId client(CurrentUser viewer, @Nullable String clientId) {
        if (clientId == null || clientId.isBlank()) {
            return null;
        }
        return clients.get(viewer, new ClientId(uuid(clientId, "client"))).id();
    }

    static TaskId taskId(@Nullable String value) {
        return new TaskId(uuid(value, "task"));
    }

    static UUID uuid(@Nullable String value, String what) {
        try {
            if (value != null) {
                return UUID.fromString(value.strip());
            }
        } catch (IllegalArgumentException e) {
            // not an id: nothing to find
        }
        throw new NotFoundException(what);
    }

    /** The refusal in the viewer's language, one sentence per broken rule. */
    String message(CurrentUser viewer, InvalidInputException e) {
        return String.join(" ", e.violations().stream()
                .map(v -> texts.getMessage(v.messageKey(), v.args().toArray(), v.messageKey(), viewer.locale())).toList());
    }

}
