package app.clientdesk.identity;

import app.clientdesk.identity.internal.ConfirmationStore;
import app.clientdesk.identity.internal.TokenStore;
import app.clientdesk.shared.web.PublicUrls;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An owner who signed up confirms their email address with a link sent through the outbox. Until then the
 * workspace may mail only its owner ({@link #sender}): open sign-up must not hand strangers the operator's SMTP
 * server. Workspaces made by {@code admin create-workspace}, the demo and everyone who existed before this rule
 * count as confirmed. A link works once, for three days, and only while the account keeps that address.
 */
@Service
public class EmailConfirmations {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EmailConfirmations.class);

    static final Duration VALID_FOR = Duration.ofDays(3);
    /** A new link at most this often, however often "resend" is pressed. */
    static final Duration RESEND_AFTER = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConfirmationStore store;
    private final PublicUrls urls;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final com.github.benmanes.caffeine.cache.Cache<UserId, Boolean> knownConfirmed =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000).build();

    EmailConfirmations(ConfirmationStore store, PublicUrls urls, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.urls = urls;
        this.events = events;
        this.clock = clock;
    }

    /** Who a workspace's mail may go to: its owners' addresses, and anyone once an owner has confirmed. */
    public record Sender(Set<String> ownerEmails, boolean confirmed) {

        public Sender {
            ownerEmails = Set.copyOf(ownerEmails);
        }

        /** Whether every address in {@code to} may receive this workspace's mail. */
        public boolean mayMail(List<String> to) {
            return confirmed || ownerEmails.containsAll(to);
        }
    }

    @Transactional(readOnly = true)
    public Sender sender(WorkspaceId workspace) {
        List<ConfirmationStore.Owner> owners = store.owners(workspace);
        return new Sender(owners.stream().map(ConfirmationStore.Owner::email).collect(Collectors.toSet()),
                owners.stream().anyMatch(ConfirmationStore.Owner::confirmed));
    }

    /** Whether this person's address is confirmed (only owners who signed up ever need it). */
    public boolean confirmed(UserId user) {
        // Asked on every page of an owner (the banner): a confirmation is never taken back, so a "yes" is kept
        // and later pages read no row. A "no" is asked again, so a link opened on another node shows at once.
        if (knownConfirmed.getIfPresent(user) != null) {
            return true;
        }
        boolean confirmed = store.confirmed(user);
        if (confirmed) {
            knownConfirmed.put(user, Boolean.TRUE);
        }
        return confirmed;
    }

    /**
     * Sends the owner a new link, unless one went out less than a minute ago (then nothing happens, so a
     * held-down button sends one message). Does nothing for a confirmed address.
     */
    @Transactional
    public void resend(CurrentUser owner) {
        owner.requireOwner();
        if (store.confirmed(owner.id())) {
            return;
        }
        Instant now = clock.instant();
        if (store.lastIssued(owner.id()).filter(last -> last.isAfter(now.minus(RESEND_AFTER))).isPresent()) {
            return;
        }
        request(owner.workspaceId(), owner.id(), owner.email(), owner.displayName(), owner.locale());
    }

    /** Stores a new link and asks for the message; for sign-up, inside its transaction. */
    void request(WorkspaceId workspace, UserId owner, String email, String displayName, java.util.Locale locale) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        store.insert(TokenStore.hash(token), owner, email, now, now.plus(VALID_FOR));
        events.publishEvent(new OwnerEmailConfirmationRequested(workspace, owner, email, displayName, locale,
                urls.to("/confirm-email/{token}", token)));
        log.info("email confirmation link sent to owner {}", owner);
    }

    /** Confirms the address the link was sent to; empty for an unknown, used or expired link. */
    @Transactional
    public Optional<UserId> confirm(String token) {
        if (token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        Optional<UserId> confirmed = store.use(TokenStore.hash(token), clock.instant());
        confirmed.ifPresent(user -> log.info("owner {} confirmed their email address", user));
        return confirmed;
    }

    /** Confirmed at once: the operator made this owner (admin command, demo). */
    void confirmNow(UserId owner) {
        store.markConfirmed(owner, clock.instant());
    }

    boolean claimSignUpNotice(UserId user) {
        Instant now = clock.instant();
        return store.claimSignUpNotice(user, now, now.minus(Duration.ofHours(1)));
    }
}
