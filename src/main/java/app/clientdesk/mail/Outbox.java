package app.clientdesk.mail;

import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.EmailConfirmations;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.identity.WorkspaceLocks;
import app.clientdesk.shared.web.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox: where a module puts an email in the same transaction as the change that causes
 * it, and where the owner sees what became of each. {@link OutboxDelivery} sends what waits.
 *
 * <p>It is also where a workspace is kept from being a relay on the operator's SMTP server: until an owner
 * has confirmed their address a workspace mails only its owners, and no workspace queues more than
 * {@code clientdesk.mail.daily-limit} messages in 24 hours (a refused message is never queued; one already
 * queued is always delivered). The cap is exact: the count and the insert happen under the workspace's row lock
 * ({@link WorkspaceLocks}), so two messages racing for the last slot are served one after the other.
 */
@Service
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final OutboxStore store;
    private final OutboxDelivery delivery;
    private final EmailConfirmations confirmations;
    private final Accounts accounts;
    private final WorkspaceLocks locks;
    private final int dailyLimit;
    private final Clock clock;

    Outbox(OutboxStore store, OutboxDelivery delivery, EmailConfirmations confirmations, Accounts accounts,
            WorkspaceLocks locks, @Value("${clientdesk.mail.daily-limit:200}") int dailyLimit, Clock clock) {
        this.store = store;
        this.delivery = delivery;
        this.confirmations = confirmations;
        this.accounts = accounts;
        this.locks = locks;
        this.dailyLimit = dailyLimit;
        this.clock = clock;
    }

    /**
     * Writes a message to the outbox, to be sent after the caller's transaction commits; if it rolls back,
     * there is no message. Must be called inside a transaction (it refuses to run outside one, so a message
     * can never be written apart from its cause). Does not check that the workspace exists beyond its foreign
     * key, nor who is asking: the calling module decides who may cause an email.
     *
     * @return the message's id
     * @throws MailRefused when the workspace may not mail these recipients yet (owner not confirmed) or has
     *     queued its messages for the day; nothing is queued
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueue(WorkspaceId workspace, OutgoingMail mail) {
        return enqueueAs(workspace, null, mail);
    }

    /**
     * As {@link #enqueue(WorkspaceId, OutgoingMail)}, sent under {@code senderName} (such as the workspace's name)
     * at the configured sender address.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueueAs(WorkspaceId workspace, @Nullable String senderName, OutgoingMail mail) {
        return enqueueAs(workspace, senderName, mail, MailHeaders.NONE);
    }

    /**
     * As {@link #enqueueAs(WorkspaceId, String, OutgoingMail)}, with threading headers (its own Message-ID,
     * In-Reply-To, References, Auto-Submitted).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueueAs(WorkspaceId workspace, @Nullable String senderName, OutgoingMail mail,
            MailHeaders headers) {
        Optional<String> refusal = refusal(workspace, mail);
        if (refusal.isPresent()) {
            throw refusal.get().equals("mail.error.dailyLimit") ? new MailRefused(refusal.get(), dailyLimit)
                    : new MailRefused(refusal.get(),
                            String.join(", ", confirmations.sender(workspace).ownerEmails()));
        }
        UUID id = UUID.randomUUID();
        store.insert(workspace, id, mail, senderName, headers, clock.instant());
        return id;
    }

    /**
     * As {@link #enqueueAs(WorkspaceId, String, OutgoingMail, MailHeaders)}, for mail that follows from something
     * else (a reply on a client's request) and must not undo it: when the outbox would refuse the message (owner
     * not confirmed, the day's messages reached) nothing is queued and the answer is empty, without an exception,
     * so the caller's transaction goes on. Must be called inside a transaction.
     *
     * @return the message's id, or empty when refused
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> offerAs(WorkspaceId workspace, @Nullable String senderName, OutgoingMail mail,
            MailHeaders headers) {
        Optional<String> refusal = refusal(workspace, mail);
        if (refusal.isPresent()) {
            log.info("Outbox refused a message of workspace {} ({}): not queued", workspace.value(), refusal.get());
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        store.insert(workspace, id, mail, senderName, headers, clock.instant());
        return Optional.of(id);
    }

    /**
     * A new Message-ID, {@code <random@domain of the configured sender>}, for a message whose id the caller must know
     * before it is sent (to thread the answer to it back).
     */
    public String newMessageId() {
        return delivery.newMessageId();
    }

    /** Why the outbox would refuse {@code mail} now (a message key), after taking the workspace's lock. */
    private Optional<String> refusal(WorkspaceId workspace, OutgoingMail mail) {
        EmailConfirmations.Sender sender = confirmations.sender(workspace);
        if (!sender.mayMail(mail.to())) {
            return Optional.of("mail.error.unconfirmed");
        }
        // Held until the caller's transaction ends: the next sender of this workspace counts this message too.
        locks.lock(workspace);
        Instant now = clock.instant();
        if (store.countSince(workspace, now.minus(Duration.ofDays(1))) >= dailyLimit) {
            return Optional.of("mail.error.dailyLimit");
        }
        return Optional.empty();
    }

    /**
     * A message to people about their own account in this workspace (the link that confirms an owner's address,
     * "you already have an account"): queued even before the owner confirms and beyond the day's limit, because
     * it can reach no one but the workspace's own accounts. The caller limits how often it sends one.
     *
     * @throws IllegalArgumentException when a recipient has no account in this workspace
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueueToAccount(WorkspaceId workspace, OutgoingMail mail) {
        return enqueueToAccountAs(workspace, null, mail);
    }

    /** As {@link #enqueueToAccount(WorkspaceId, OutgoingMail)}, sent under {@code senderName}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueueToAccountAs(WorkspaceId workspace, @Nullable String senderName, OutgoingMail mail) {
        for (String to : mail.to()) {
            if (accounts.findByEmail(to).filter(a -> a.workspaceId().equals(workspace)).isEmpty()) {
                throw new IllegalArgumentException("account mail to an address without an account in " + workspace);
            }
        }
        UUID id = UUID.randomUUID();
        store.insert(workspace, id, mail, senderName, clock.instant());
        return id;
    }

    /** How many messages a workspace may queue in 24 hours. */
    public int dailyLimit() {
        return dailyLimit;
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
