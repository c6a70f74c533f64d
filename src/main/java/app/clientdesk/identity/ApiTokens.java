package app.clientdesk.identity;

import app.clientdesk.identity.internal.TokenStore;
import app.clientdesk.shared.validation.InvalidInputException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens. A token is shown once, when made; only its SHA-256 hash is stored, so a leaked
 * database does not leak working tokens.
 */
@Service
public class ApiTokens {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiTokens.class);

    static final String PREFIX = "cdt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenStore store;
    private final Clock clock;

    ApiTokens(TokenStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record Issued(UUID id, String token) {
    }

    /** A token as its list shows it; {@code expiresAt} null means it never expires. */
    public record Listed(UUID id, String name, String hint, java.time.Instant createdAt,
            java.time.@org.jspecify.annotations.Nullable Instant lastUsedAt,
            java.time.@org.jspecify.annotations.Nullable Instant expiresAt) {

        public boolean expired(java.time.Instant now) {
            return expiresAt != null && !expiresAt.isAfter(now);
        }
    }

    /** The longest lifetime a token may be given, in days (ten years). */
    public static final int MAX_DAYS = 3650;

    /** A token that never expires. @throws InvalidInputException as {@link #create(Account, String, Integer)} */
    @Transactional
    public Issued create(Account owner, String name) {
        return create(owner, name, null);
    }

    /**
     * Makes a token for {@code owner}, valid for {@code expiresInDays} days from now, or for good when null.
     *
     * @throws InvalidInputException when the label is blank or longer than 80 characters, or the days are not
     *     between 1 and {@link #MAX_DAYS}
     */
    @Transactional
    public Issued create(Account owner, String name, @org.jspecify.annotations.Nullable Integer expiresInDays) {
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_DAYS)) {
            throw InvalidInputException.of("expiresInDays", "tokens.expiry.range", String.valueOf(MAX_DAYS));
        }
        String label = name == null ? "" : app.clientdesk.shared.text.Text.name(name);
        if (label.isEmpty()) {
            throw InvalidInputException.of("name", "validation.required");
        }
        if (label.length() > 80) {
            throw InvalidInputException.of("name", "validation.tooLong", 80);
        }
        if (owner.role() == Role.CLIENT || owner.disabled()) {
            throw InvalidInputException.of("email", "identity.token.notAllowed");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        java.time.Instant now = clock.instant();
        store.insert(id, owner.workspaceId(), owner.id(), label, TokenStore.hash(token),
                token.substring(0, PREFIX.length() + 4), now,
                expiresInDays == null ? null : now.plus(java.time.Duration.ofDays(expiresInDays)));
        log.info("API token {} created for user {}", id, owner.id());
        return new Issued(id, token);
    }

    public List<Listed> of(UserId user) {
        return store.active(user);
    }

    /** Revokes one of the user's own tokens; false when there is no such active token. */
    @Transactional
    public boolean revoke(UserId user, UUID tokenId) {
        boolean revoked = store.revoke(user, tokenId, clock.instant());
        if (revoked) {
            log.info("API token {} revoked by user {}", tokenId, user);
        }
        return revoked;
    }
}
