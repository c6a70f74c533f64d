package app.clientdesk.intake;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.clients.Contact;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.requests.RequestId;
import app.clientdesk.requests.Requests;
import app.clientdesk.shared.web.NotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emails from senders who are no contact of any client, waiting for the VA: assigned to a client (which makes the
 * request, or threads it, exactly as a known contact's email would) or discarded. Owners and members see the list;
 * a member assigns only to the clients assigned to them. An id of another workspace, or one already handled, is
 * not found.
 */
@Service
public class ReviewList {

    public static final int PAGE_SIZE = 25;

    private final IntakeStore store;
    private final MailIntake intake;
    private final Clients clients;
    private final Workspaces workspaces;
    private final Clock clock;

    ReviewList(IntakeStore store, MailIntake intake, Clients clients, Workspaces workspaces, Clock clock) {
        this.store = store;
        this.intake = intake;
        this.clients = clients;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    public ReviewPage page(CurrentUser viewer, int offset) {
        viewer.requireStaff();
        return store.review(viewer.workspaceId(), PAGE_SIZE, Math.max(0, Math.min(offset, 1_000_000)));
    }

    /**
     * Makes the email a request of this client (or threads it onto one), from the sender as written.
     *
     * @throws NotFoundException for an email not waiting in the viewer's workspace, or a client they may not see
     */
    @Transactional
    public RequestId assign(CurrentUser viewer, UUID item, ClientId clientId) {
        viewer.requireStaff();
        Client client = clients.get(viewer, clientId);
        WorkspaceId workspace = viewer.workspaceId();
        IntakeStore.Kept kept = store.takeForReview(workspace, item, "ASSIGNED", viewer.id().value(), clock.instant())
                .orElseThrow(() -> new NotFoundException("email"));
        ParsedMail mail;
        try {
            MailParser parser = intake.parser();
            int size = kept.note() != null && kept.note().startsWith(MailIntake.TOO_LARGE)
                    ? Integer.parseInt(kept.note().substring(MailIntake.TOO_LARGE.length())) : kept.raw().length;
            mail = parser.parse(new MimeMessage(null, new ByteArrayInputStream(kept.raw())), size);
        } catch (MessagingException e) {
            throw new IllegalStateException("a kept email no longer parses", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UUID contact = mail.fromAddress() == null ? null : client.contacts().stream()
                .filter(c -> c.email() != null && c.email().equalsIgnoreCase(mail.fromAddress()))
                .map(Contact::id).findFirst().orElse(null);
        Locale locale = Locale.forLanguageTag(workspaces.settings(workspace).locale());
        RequestId request = intake.submit(workspace, client.id(), contact, mail, locale).request();
        store.assigned(workspace, item, request.value());
        return request;
    }

    /** @throws NotFoundException for an email not waiting in the viewer's workspace */
    @Transactional
    public void discard(CurrentUser viewer, UUID item) {
        viewer.requireStaff();
        store.takeForReview(viewer.workspaceId(), item, "DISCARDED", viewer.id().value(), clock.instant())
                .orElseThrow(() -> new NotFoundException("email"));
    }

    /** The items of a page, for tests and the API-less callers. */
    List<ReviewItem> items(CurrentUser viewer) {
        return page(viewer, 0).items();
    }
}
