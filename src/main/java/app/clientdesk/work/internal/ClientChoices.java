package app.clientdesk.work.internal;

import app.clientdesk.clients.ClientChoice;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violation;
import app.clientdesk.shared.web.FieldErrors;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** What the work forms share: the clients the viewer may choose, and refused input as translated field errors. */
@Component
class ClientChoices {

    private final Clients clients;
    private final MessageSource texts;

    /** Refuses (404) a client id in a filter or a pre-filled form that the viewer may not see. */
    void requireVisible(CurrentUser viewer, @Nullable Object clientId) {
        clients.named(viewer, clientId == null ? null : clientId.toString());
    }

    ClientChoices(Clients clients, MessageSource texts) {
        this.clients = clients;
        this.texts = texts;
    }

    /** The viewer's clients that are not archived, by name: all of them, in one light query. */
    List<ClientChoice> of(CurrentUser viewer) {
        return clients.choices(viewer);
    }

    FieldErrors errors(CurrentUser viewer, InvalidInputException e) {
        return errors(viewer, e, UnaryOperator.identity());
    }

    /** {@code field} renames a rule's field to the form's field where they differ. */
    FieldErrors errors(CurrentUser viewer, InvalidInputException e, UnaryOperator<String> field) {
        return FieldErrors.of(e.violations().stream()
                .map(v -> new Violation(field.apply(v.field()), v.messageKey(), v.args())).toList(),
                texts, viewer.locale());
    }

    String text(CurrentUser viewer, String key, Object... args) {
        return texts.getMessage(key, args, viewer.locale());
    }
}
