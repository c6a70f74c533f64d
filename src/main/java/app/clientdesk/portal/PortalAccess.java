package app.clientdesk.portal;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientArchived;
import app.clientdesk.clients.ClientRestored;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.clients.Contact;
import app.clientdesk.clients.ContactsRemoved;
import app.clientdesk.identity.ContactLogins;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.mail.Outbox;
import app.clientdesk.mail.OutgoingMail;
import app.clientdesk.shared.i18n.Languages;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.shared.web.PublicUrls;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who of a client's contacts may use the portal: the VA invites a contact (an email with a sign-in link, in the
 * contact's language, sent under the workspace's name), the contact signs in with single-use links that expire
 * after {@link #LINK_VALID} or with a password they chose, and loses access at once when the VA removes them or
 * closes their access (every session ends; nothing of theirs is deleted).
 */
@Service
public class PortalAccess {

    public static final Duration LINK_VALID = Duration.ofMinutes(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A contact's portal state as the VA sees it. */
    public enum State { NOT_INVITED, INVITED, ACTIVE, CLOSED }

    /** One contact's portal status on the client's page. */
    public record Status(Contact contact, State state, @Nullable Instant invitedAt, @Nullable Instant lastSignInAt,
            String language) {
    }

    /** What a sign-in link is. */
    public enum LinkState { USABLE, USED, EXPIRED, UNKNOWN, CLIENT_ARCHIVED }

    /** The answer to following a link: the contact signed in, or why not. */
    public record LinkUse(LinkState state, @Nullable CurrentUser contact) {
    }

    private final PortalStore store;
    private final ContactLogins logins;
    private final Clients clients;
    private final Workspaces workspaces;
    private final Outbox outbox;
    private final PublicUrls urls;
    private final MessageSource texts;
    private final Clock clock;

    PortalAccess(PortalStore store, ContactLogins logins, Clients clients, Workspaces workspaces, Outbox outbox,
            PublicUrls urls, MessageSource texts, Clock clock) {
        this.store = store;
        this.logins = logins;
        this.clients = clients;
        this.workspaces = workspaces;
        this.outbox = outbox;
        this.urls = urls;
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * Invites a contact of a client (again, when they were invited before: a new link is sent and closed access
     * is opened again).
     *
     * @throws NotFoundException when the client or the contact is not the owner's
     * @throws app.clientdesk.shared.validation.InvalidInputException on field {@code email} when the contact has
     *     no email or it belongs to another account
     * @throws app.clientdesk.mail.MailRefused when the workspace may not send mail yet
     */
    @Transactional
    public void invite(CurrentUser owner, ClientId clientId, UUID contactId) {
        invite(owner, clientId, contactId, null);
    }

    /**
     * As {@link #invite(CurrentUser, ClientId, UUID)}, in {@code language} (en or pt-BR); without one, in the
     * language the contact had, else the workspace's.
     */
    @Transactional
    public void invite(CurrentUser owner, ClientId clientId, UUID contactId, @Nullable String language) {
        owner.requireOwner();
        Client client = clients.get(owner, clientId);
        Contact contact = client.contacts().stream().filter(c -> c.id().equals(contactId)).findFirst()
                .orElseThrow(() -> new NotFoundException("contact"));
        if (client.archived()) {
            Violations violations = new Violations();
            violations.add("email", "portal.invite.clientArchived");
            violations.throwIfAny();
        }
        if (contact.email() == null || contact.email().isBlank()) {
            Violations violations = new Violations();
            violations.add("email", "portal.invite.noEmail");
            violations.throwIfAny();
        }
        WorkspaceId ws = owner.workspaceId();
        var settings = workspaces.settings(ws);
        Optional<PortalStore.Access> earlier = store.byContact(ws, contactId);
        Locale chosen;
        if (language != null && !language.isBlank()) {
            Optional<Locale> matched = Languages.match(language);
            if (matched.isEmpty()) {
                Violations violations = new Violations();
                violations.add("language", "validation.language");
                violations.throwIfAny();
            }
            chosen = matched.get();
        } else {
            chosen = earlier.flatMap(a -> logins.locale(a.userId()))
                    .orElse(Locale.forLanguageTag(settings.locale()));
        }
        UserId user = logins.open(ws, clientId.value(), earlier.map(PortalStore.Access::userId).orElse(null),
                contact.name(), contact.email(), chosen, client.zone().getId());
        Instant now = clock.instant();
        store.invited(ws, clientId.value(), contactId, user, now);
        CurrentUser account = logins.contact(user).orElseThrow();
        Locale locale = account.locale();
        String link = urls.to("/portal/link/{token}", newLink(user, ws, now));
        String subject = texts.getMessage("portal.mail.invite.subject", new Object[] {settings.name()}, locale);
        String text = texts.getMessage("portal.mail.invite.text", new Object[] {account.displayName(), settings.name(),
            client.name(), link, LINK_VALID.toMinutes(), urls.to("/portal/sign-in")}, locale);
        outbox.enqueueAs(ws, settings.name(), new OutgoingMail(List.of(account.email()), null, subject, text, null,
                List.of(), "portal-invite:" + contactId));
    }

    /**
     * Opens a contact's portal access with a password chosen for them, sending nothing: for the admin command's
     * benchmark data (a contact to sign in as), not for the VA, who invites. The contact's language is the
     * workspace's.
     *
     * @throws NotFoundException when the client or the contact is not the workspace's
     * @throws app.clientdesk.shared.validation.InvalidInputException when the contact has no usable email, or the
     *     password policy refuses the password
     */
    @Transactional
    public UserId openWithPassword(WorkspaceId ws, ClientId clientId, UUID contactId, String password) {
        Client client = clients.find(ws, clientId).orElseThrow(() -> new NotFoundException("client"));
        Contact contact = client.contacts().stream().filter(c -> c.id().equals(contactId)).findFirst()
                .orElseThrow(() -> new NotFoundException("contact"));
        Locale locale = Locale.forLanguageTag(workspaces.settings(ws).locale());
        UserId user = logins.open(ws, clientId.value(), store.byContact(ws, contactId).map(PortalStore.Access::userId)
                .orElse(null), contact.name(), contact.email() == null ? "" : contact.email(), locale,
                client.zone().getId());
        Instant now = clock.instant();
        store.invited(ws, clientId.value(), contactId, user, now);
        logins.setPassword(user, password);
        store.passwordSet(user, now);
        return user;
    }

    /**
     * Emails a new sign-in link when the email is an open contact's; does nothing otherwise. The caller answers
     * the same either way and limits how often this is asked.
     */
    @Transactional
    public void requestLink(String email) {
        logins.contactByEmail(email).ifPresent(contact -> {
            Optional<PortalStore.Access> access = store.byUser(contact.id());
            if (access.isEmpty() || access.get().revokedAt() != null) {
                return;
            }
            WorkspaceId ws = contact.workspaceId();
            String name = workspaces.settings(ws).name();
            Locale locale = contact.locale();
            String link = urls.to("/portal/link/{token}", newLink(contact.id(), ws, clock.instant()));
            String subject = texts.getMessage("portal.mail.link.subject", new Object[] {name}, locale);
            String text = texts.getMessage("portal.mail.link.text",
                    new Object[] {contact.displayName(), name, link, LINK_VALID.toMinutes()}, locale);
            outbox.enqueueToAccountAs(ws, name, new OutgoingMail(List.of(contact.email()), null, subject, text, null,
                    List.of(), "portal-link:" + access.get().contactId()));
        });
    }

    /** What a link is, without using it (for the page it opens). */
    @Transactional(readOnly = true)
    public LinkState check(String token) {
        if (!validShape(token)) {
            return LinkState.UNKNOWN;
        }
        return store.link(hash(token)).map(l -> waitsForClient(l.userId()) ? LinkState.CLIENT_ARCHIVED
                : state(l, clock.instant())).orElse(LinkState.UNKNOWN);
    }

    /** Uses a link, once: the contact it was sent to, or why it cannot be used. */
    @Transactional
    public LinkUse use(String token) {
        if (!validShape(token)) {
            return new LinkUse(LinkState.UNKNOWN, null);
        }
        String hash = hash(token);
        Instant now = clock.instant();
        Optional<PortalStore.Link> link = store.link(hash);
        if (link.isEmpty()) {
            return new LinkUse(LinkState.UNKNOWN, null);
        }
        if (waitsForClient(link.get().userId())) {
            return new LinkUse(LinkState.CLIENT_ARCHIVED, null);
        }
        LinkState state = state(link.get(), now);
        if (state != LinkState.USABLE) {
            return new LinkUse(state, null);
        }
        Optional<CurrentUser> contact = logins.contact(link.get().userId())
                .filter(c -> store.byUser(c.id()).filter(a -> a.revokedAt() == null).isPresent());
        if (contact.isEmpty() || !store.use(hash, now)) {
            return new LinkUse(contact.isEmpty() ? LinkState.UNKNOWN : LinkState.USED, null);
        }
        store.signedIn(contact.get().id(), now);
        return new LinkUse(LinkState.USABLE, contact.get());
    }

    /**
     * Whether the contact's access waits only because their client is archived (the VA did not close it): then
     * the portal may say so to someone who proved to be them.
     */
    @Transactional(readOnly = true)
    public boolean waitsForClient(UserId contact) {
        return store.byUser(contact).filter(a -> a.revokedAt() == null && a.clientArchivedAt() != null).isPresent();
    }

    /** Records a password sign-in. */
    @Transactional
    public void signedIn(CurrentUser contact) {
        store.signedIn(contact.id(), clock.instant());
    }

    /** Whether the contact has chosen a password. */
    @Transactional(readOnly = true)
    public boolean hasPassword(CurrentUser contact) {
        return store.byUser(contact.id()).map(a -> a.passwordSetAt() != null).orElse(false);
    }

    /**
     * Sets the signed-in contact's password.
     *
     * @throws app.clientdesk.shared.validation.InvalidInputException when the password policy refuses it
     */
    @Transactional
    public void setPassword(CurrentUser contact, String password) {
        logins.setPassword(contact.id(), password);
        store.passwordSet(contact.id(), clock.instant());
    }

    /** The portal status of each of the client's contacts, in the client's order. */
    @Transactional(readOnly = true)
    public List<Status> statuses(CurrentUser viewer, Client client) {
        viewer.requireStaff();
        Map<UUID, PortalStore.Access> access = store.ofClient(viewer.workspaceId(), client.id().value()).stream()
                .collect(Collectors.toMap(PortalStore.Access::contactId, Function.identity()));
        String workspaceLanguage = workspaces.settings(viewer.workspaceId()).locale();
        return client.contacts().stream().map(c -> {
            PortalStore.Access a = access.get(c.id());
            if (a == null) {
                return new Status(c, State.NOT_INVITED, null, null, workspaceLanguage);
            }
            State state = a.revokedAt() != null || a.clientArchivedAt() != null ? State.CLOSED
                    : a.firstSignInAt() != null ? State.ACTIVE : State.INVITED;
            String language = logins.locale(a.userId()).map(Locale::toLanguageTag).orElse(workspaceLanguage);
            return new Status(c, state, a.invitedAt(), a.lastSignInAt(), language);
        }).toList();
    }

    /**
     * Closes a contact's access: they cannot sign in, their sessions end now and their links stop working.
     *
     * @throws NotFoundException when the client or the contact's access is not the owner's
     */
    @Transactional
    public void close(CurrentUser owner, ClientId clientId, UUID contactId) {
        owner.requireOwner();
        clients.get(owner, clientId);
        PortalStore.Access access = store.byContact(owner.workspaceId(), contactId)
                .filter(a -> a.clientId().equals(clientId.value()))
                .orElseThrow(() -> new NotFoundException("contact"));
        close(owner.workspaceId(), access);
    }

    /** A contact removed from their client loses the portal at once, in the same transaction. */
    @EventListener
    void contactsRemoved(ContactsRemoved removed) {
        for (UUID contactId : removed.contactIds()) {
            store.byContact(removed.workspace(), contactId)
                    .filter(a -> a.clientId().equals(removed.client().value()))
                    .ifPresent(a -> close(removed.workspace(), a));
        }
    }

    /**
     * An archived client's contacts lose the portal at once, in the same transaction: their sessions end, their
     * links stop working, they cannot sign in. Nothing is deleted, and bringing the client back opens it again.
     */
    @EventListener
    void clientArchived(ClientArchived archived) {
        Instant now = clock.instant();
        for (PortalStore.Access a : store.ofClient(archived.workspace(), archived.client().value())) {
            if (a.revokedAt() == null && a.clientArchivedAt() == null) {
                store.clientArchived(archived.workspace(), a.contactId(), now);
                logins.close(archived.workspace(), a.userId());
            }
        }
    }

    /** A client brought back from the archive: its contacts sign in again, except those the VA closed. */
    @EventListener
    void clientRestored(ClientRestored restored) {
        for (PortalStore.Access a : store.ofClient(restored.workspace(), restored.client().value())) {
            if (a.clientArchivedAt() != null) {
                store.clientRestored(restored.workspace(), a.contactId());
                if (a.revokedAt() == null) {
                    logins.reopen(restored.workspace(), a.userId());
                }
            }
        }
    }

    private void close(WorkspaceId ws, PortalStore.Access access) {
        store.revoke(ws, access.contactId(), clock.instant());
        logins.close(ws, access.userId());
    }

    private String newLink(UserId user, WorkspaceId ws, Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.insertLink(hash(token), user, ws, now, now.plus(LINK_VALID));
        return token;
    }

    private static LinkState state(PortalStore.Link link, Instant now) {
        if (link.usedAt() != null) {
            return LinkState.USED;
        }
        return link.expiresAt().isAfter(now) ? LinkState.USABLE : LinkState.EXPIRED;
    }

    private static boolean validShape(@Nullable String token) {
        return token != null && token.length() >= 20 && token.length() <= 100
                && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
