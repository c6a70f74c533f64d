package app.clientdesk.identity.internal;

import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.UserId;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inviting members: the owner gets a link to pass on (email delivery arrives with the outbox); whoever
 * opens it before it expires chooses a password and joins as a member. The link works once.
 */
@Service
class Invitations {

    static final Duration VALID_FOR = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InvitationStore store;
    private final IdentityStore people;
    private final Accounts accounts;
    private final Clock clock;

    Invitations(InvitationStore store, IdentityStore people, Accounts accounts, Clock clock) {
        this.store = store;
        this.people = people;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** @return the secret token for the link; it is not stored, only its hash */
    @Transactional
    String invite(CurrentUser owner, String displayName, String email) {
        Violations violations = new Violations();
        String name = PersonFields.name("displayName", displayName, violations);
        var normalised = PersonFields.newEmail("email", email, people, violations);
        violations.throwIfAny();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        store.insert(UUID.randomUUID(), owner.workspaceId(), normalised.get(), name, TokenStore.hash(token),
                owner.id(), now, now.plus(VALID_FOR));
        return token;
    }

    Optional<InvitationStore.Invitation> find(String token) {
        if (token.length() > 100) {
            return Optional.empty();
        }
        return store.byToken(TokenStore.hash(token), clock.instant());
    }

    /** Creates the member's account; refuses an expired, used or revoked link. */
    @Transactional
    UserId accept(String token, String displayName, String password, String locale, String zone) {
        var invitation = find(token).filter(InvitationStore.Invitation::usable)
                .orElseThrow(() -> InvalidInputException.of("", "invitation.unusable"));
        if (!store.accept(invitation.id(), clock.instant())) {
            throw InvalidInputException.of("", "invitation.unusable");
        }
        return accounts.add(invitation.workspaceId(), Role.MEMBER, displayName, invitation.email(), password, locale,
                zone, null);
    }
}
