package app.clientdesk.identity;

import app.clientdesk.identity.internal.IdentityStore;
import app.clientdesk.identity.internal.PasswordResetStore;
import app.clientdesk.identity.internal.PersonSessions;
import app.clientdesk.shared.validation.Emails;
import app.clientdesk.shared.validation.Violations;
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
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Setting a forgotten password: by a single-use emailed link that expires after an hour, or by the
 * operator's {@code admin reset-password}. Either way every session of the person ends, every outstanding
 * link stops working and the browsers that knew the old password are no longer trusted past a guessing lock.
 * Does not rate-limit requests: the web form does.
 */
@Service
public class PasswordResets {

    public static final Duration LINK_VALID = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityStore people;
    private final PasswordResetStore resets;
    private final PersonSessions sessions;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final PublicUrls urls;
    private final Clock clock;

    PasswordResets(IdentityStore people, PasswordResetStore resets, PersonSessions sessions,
            PasswordEncoder passwords, ApplicationEventPublisher events, PublicUrls urls, Clock clock) {
        this.people = people;
        this.resets = resets;
        this.sessions = sessions;
        this.passwords = passwords;
        this.events = events;
        this.urls = urls;
        this.clock = clock;
    }

    /**
     * Emails a link when the address belongs to an enabled account; does nothing otherwise. The caller
     * answers the same either way, so the form does not tell who has an account.
     */
    @Transactional
    public void request(String email) {
        Emails.normalise(email).flatMap(people::principalByEmail).filter(CurrentUser::isEnabled).ifPresent(person -> {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Instant now = clock.instant();
            resets.insert(hash(token), person.id(), now, now.plus(LINK_VALID));
            events.publishEvent(new PasswordResetRequested(person.workspaceId(), person.id(), person.email(),
                    person.displayName(), person.locale(), urls.to("/password/reset/{token}", token)));
        });
    }

    /** Whether a link can still be used (to show its form, or "this link cannot be used"). */
    @Transactional(readOnly = true)
    public boolean usable(String token) {
        return validShape(token) && resets.usable(hash(token), clock.instant()).isPresent();
    }

    /**
     * Sets the password from a link, once.
     *
     * @return the person's email, or empty when the link is unknown, used or expired
     * @throws app.clientdesk.shared.validation.InvalidInputException for a password the policy refuses
     */
    @Transactional
    public Optional<String> reset(String token, String newPassword) {
        if (!validShape(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<UserId> user = resets.usable(hash(token), now);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Violations violations = new Violations();
        PasswordPolicy.check("password", newPassword, violations);
        violations.throwIfAny();
        if (!resets.use(hash(token), now)) {
            return Optional.empty();
        }
        return people.principalById(user.get()).map(person -> set(person, newPassword, now));
    }

    /**
     * The operator sets a person's password (admin command).
     *
     * @return false when no account has this email
     * @throws app.clientdesk.shared.validation.InvalidInputException for a password the policy refuses
     */
    @Transactional
    public boolean resetByOperator(String email, String newPassword) {
        Violations violations = new Violations();
        PasswordPolicy.check("password", newPassword, violations);
        violations.throwIfAny();
        Optional<CurrentUser> person = Emails.normalise(email).flatMap(people::principalByEmail);
        person.ifPresent(p -> set(p, newPassword, clock.instant()));
        return person.isPresent();
    }

    private String set(CurrentUser person, String newPassword, Instant now) {
        people.updatePassword(person.id(), passwords.encode(newPassword));
        resets.useAll(person.id(), now);
        resets.forgetDevices(person.id());
        sessions.endAll(person.email());
        return person.email();
    }

    private static boolean validShape(String token) {
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
