package app.clientdesk.notifications;

import app.clientdesk.identity.Account;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.mail.Outbox;
import app.clientdesk.mail.OutgoingMail;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.shared.web.PublicUrls;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells people things: each notice becomes an in-app notification of one person (the bell, {@code /notifications})
 * and, when asked, an email through the outbox in that person's language, sent under the workspace's name with an
 * absolute link built from the configured public base URL (never a request's Host).
 *
 * <p>Called inside the caller's transaction, a notice exists if and only if what caused it is saved. A person reads
 * and marks only their own notifications; another's id is "not found".
 */
@Service
public class Notifications {

    /** The bell counts up to this many unread notifications and then says "99+". */
    public static final int UNREAD_CAP = 100;
    /** How many notifications the page shows at once ("show more" loads the next ones). */
    public static final int PAGE_SIZE = 20;

    private final NotificationStore store;
    private final Accounts accounts;
    private final Workspaces workspaces;
    private final Outbox outbox;
    private final PublicUrls urls;
    private final MessageSource texts;
    private final Clock clock;

    Notifications(NotificationStore store, Accounts accounts, Workspaces workspaces, Outbox outbox, PublicUrls urls,
            MessageSource texts, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.workspaces = workspaces;
        this.outbox = outbox;
        this.urls = urls;
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * Tells one person of the workspace. Nothing happens for a disabled account, or when the person was already
     * told with the notice's dedupe key (then no email either).
     *
     * @return the new notification's id; empty when nothing was made
     * @throws IllegalArgumentException when the person has no account in this workspace
     */
    @Transactional
    public Optional<UUID> notify(WorkspaceId workspace, UserId user, Notice notice) {
        Account account = accounts.find(workspace, user)
                .orElseThrow(() -> new IllegalArgumentException("no account " + user + " in " + workspace));
        return tell(workspace, account, notice);
    }

    /** Tells every active owner of the workspace (the VA who runs it); the ids of the notifications made. */
    @Transactional
    public List<UUID> notifyOwners(WorkspaceId workspace, Notice notice) {
        return accounts.inWorkspace(workspace).stream().filter(a -> a.role() == Role.OWNER)
                .map(a -> tell(workspace, a, notice)).flatMap(Optional::stream).toList();
    }

    private Optional<UUID> tell(WorkspaceId workspace, Account account, Notice notice) {
        if (account.disabled()) {
            return Optional.empty();
        }
        if (notice.dedupeKey() != null) {
            store.lockPerson(workspace, account.id());
            if (store.exists(account.id(), notice.dedupeKey())) {
                return Optional.empty();
            }
        }
        UUID id = UUID.randomUUID();
        // Cut to the microsecond: what the databases keep, so a row reads back as it was written.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        store.insert(workspace, account.id(), id, notice, now);
        if (notice.email()) {
            mail(workspace, account, notice, id);
        }
        return Optional.of(id);
    }

    /**
     * The email of a notice, in the person's language. Queued as account mail: it can reach only the workspace's
     * own people, so it goes even before the owner confirms their address and does not use up the day's limit
     * for mail to clients (the dedupe key is what keeps it from repeating).
     */
    private void mail(WorkspaceId workspace, Account account, Notice notice, UUID id) {
        Locale locale = account.locale();
        String name = workspaces.settings(workspace).name();
        String message = texts.getMessage(notice.messageKey(), notice.arguments().toArray(), notice.kind(), locale);
        String subject = oneLine(message);
        String open = notice.link() == null ? "" : texts.getMessage("notifications.mail.open",
                new Object[] {urls.base() + notice.link()}, locale);
        String text = texts.getMessage("notifications.mail.text",
                new Object[] {account.displayName(), message, open, urls.to("/notifications"), name}, locale);
        outbox.enqueueToAccountAs(workspace, name, new OutgoingMail(List.of(account.email()), null, subject, text,
                null, List.of(), "notification:" + id));
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > OutgoingMail.MAX_SUBJECT ? line.substring(0, OutgoingMail.MAX_SUBJECT - 1) + "…" : line;
    }

    /** The viewer's unread count, up to {@link #UNREAD_CAP}: one indexed count, for the header of every page. */
    @Transactional(readOnly = true)
    public int unread(CurrentUser viewer) {
        return store.unread(viewer.workspaceId(), viewer.id(), UNREAD_CAP);
    }

    /**
     * The viewer's notifications, newest first, {@link #PAGE_SIZE} at a time; after the one named {@code before}
     * (the last one shown) when given.
     *
     * @throws NotFoundException when {@code before} is not one of the viewer's
     */
    @Transactional(readOnly = true)
    public Page page(CurrentUser viewer, @Nullable UUID before) {
        Notification last = before == null ? null : get(viewer, before);
        List<Notification> rows = store.page(viewer.workspaceId(), viewer.id(), last, PAGE_SIZE + 1);
        boolean more = rows.size() > PAGE_SIZE;
        return new Page(more ? rows.subList(0, PAGE_SIZE) : rows, more);
    }

    /** @throws NotFoundException for an id that is not one of the viewer's notifications */
    @Transactional(readOnly = true)
    public Notification get(CurrentUser viewer, UUID id) {
        return store.find(viewer.workspaceId(), viewer.id(), id)
                .orElseThrow(() -> new NotFoundException("notification"));
    }

    /**
     * Marks one of the viewer's notifications read (again is harmless).
     *
     * @return the notification as it is now
     * @throws NotFoundException for an id that is not one of the viewer's notifications
     */
    @Transactional
    public Notification markRead(CurrentUser viewer, UUID id) {
        store.markRead(viewer.workspaceId(), viewer.id(), id, clock.instant().truncatedTo(ChronoUnit.MICROS));
        return get(viewer, id);
    }

    /** Marks all the viewer's notifications read; how many were unread. */
    @Transactional
    public int markAllRead(CurrentUser viewer) {
        return store.markAllRead(viewer.workspaceId(), viewer.id(), clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    /** Some of a person's notifications, newest first, and whether older ones follow. */
    public record Page(List<Notification> items, boolean more) {

        public Page {
            items = List.copyOf(items);
        }

        public @Nullable UUID lastId() {
            return items.isEmpty() ? null : items.get(items.size() - 1).id();
        }
    }
}
