package app.clientdesk.mail;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.web.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox: where a module puts an email in the same transaction as the change that causes
 * it, and where the owner sees what became of each. {@link OutboxDelivery} sends what waits.
 */
@Service
public class Outbox {

    private final OutboxStore store;
    private final OutboxDelivery delivery;
    private final Clock clock;

    Outbox(OutboxStore store, OutboxDelivery delivery, Clock clock) {
        this.store = store;
        this.delivery = delivery;
        this.clock = clock;
    }

    /**
     * Writes a message to the outbox, to be sent after the caller's transaction commits; if it rolls back,
     * there is no message. Must be called inside a transaction (it refuses to run outside one, so a message
     * can never be written apart from its cause). Does not check that the workspace exists beyond its foreign
     * key, nor who is asking: the calling module decides who may cause an email.
     *
     * @return the message's id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueue(WorkspaceId workspace, OutgoingMail mail) {
        UUID id = UUID.randomUUID();
        store.insert(workspace, id, mail, clock.instant());
        return id;
    }

    /** The workspace's messages about one thing (such as {@code invoice:<uuid>}), newest first. */
    @Transactional(readOnly = true)
    public List<OutboxMessage> forReference(WorkspaceId workspace, String reference) {
        return store.forReference(workspace, reference);
    }

    /** Whether SMTP is set up; without it messages wait. */
    public boolean mailConfigured() {
        return delivery.configured();
    }

    /** One page of the workspace's messages, newest first (owner only). */
    @Transactional(readOnly = true)
    public Page page(CurrentUser viewer, int offset, int limit) {
        viewer.requireOwner();
        int from = Math.max(0, offset);
        return new Page(store.page(viewer.workspaceId(), limit, from), store.count(viewer.workspaceId()), from, limit);
    }

    /** @throws NotFoundException for a message or file of another workspace */
    public OutboxMessage get(CurrentUser viewer, UUID messageId) {
        viewer.requireOwner();
        return store.find(viewer.workspaceId(), messageId).orElseThrow(() -> new NotFoundException("message"));
    }

    /** A file sent with a message (owner only). */
    public MailAttachment attachment(CurrentUser viewer, UUID messageId, UUID attachmentId) {
        viewer.requireOwner();
        return store.attachment(viewer.workspaceId(), messageId, attachmentId)
                .orElseThrow(() -> new NotFoundException("attachment"));
    }

    /**
     * "Retry now": a message not yet sent becomes due at once (a failed one waits again, its attempts kept),
     * and is tried straight away when mail is set up. A sent message is left alone.
     *
     * @return the message after the try
     */
    public OutboxMessage retry(CurrentUser viewer, UUID messageId) {
        OutboxMessage message = get(viewer, messageId);
        if (message.sent()) {
            return message;
        }
        store.retry(viewer.workspaceId(), messageId, clock.instant());
        delivery.deliver(messageId);
        return get(viewer, messageId);
    }

    /** A page of messages and where it sits in the whole list. */
    public record Page(List<OutboxMessage> items, long total, int offset, int limit) {

        public Page {
            items = List.copyOf(items);
        }

        public long first() {
            return items.isEmpty() ? 0 : offset + 1L;
        }

        public long last() {
            return offset + (long) items.size();
        }

        public boolean hasPrevious() {
            return offset > 0;
        }

        public boolean hasNext() {
            return offset + (long) items.size() < total;
        }
    }
}
