package app.clientdesk.identity;

import app.clientdesk.identity.internal.AttemptLimits;
import app.clientdesk.identity.internal.IdentityStore;
import app.clientdesk.identity.internal.PersonFields;
import app.clientdesk.identity.internal.PersonSessions;
import app.clientdesk.identity.internal.SessionSignIn;
import app.clientdesk.shared.validation.Emails;
import app.clientdesk.shared.validation.Violations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts of client contacts who use the portal ({@link Role#CLIENT} people bound to one client), for the
 * portal module: opening and closing them, signing them in from code, checking their passwords under the same
 * guessing limits as the staff's sign-in, and throttling requests for sign-in links. A contact's account is
 * opened without a password anyone knows (a hash of random bytes); they choose one after their first sign-in by
 * link. Staff accounts are never signed in through here.
 */
@Service
public class ContactLogins {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The answer to a password sign-in. */
    public sealed interface PasswordCheck {
        record SignedIn(CurrentUser contact) implements PasswordCheck { }
        record Wrong() implements PasswordCheck { }
        record Throttled() implements PasswordCheck { }
        /** The password is right, but the account is closed: the caller may say why (it knows the password). */
        record Closed(UserId contact) implements PasswordCheck { }
    }

    /** Whether a sign-in link may be sent now. */
    public enum LinkRequest {
        /** Send it. */
        SEND,
        /** Too many from this address: say so (it tells nothing about any email). */
        ADDRESS_THROTTLED,
        /** Too many for this email: send nothing, but answer as if sent. */
        EMAIL_THROTTLED
    }

    private final IdentityStore store;
    private final PasswordEncoder passwords;
    private final PersonSessions sessions;
    private final SessionSignIn signIn;
    private final AttemptLimits limits;
    private final Clock clock;

    ContactLogins(IdentityStore store, PasswordEncoder passwords, PersonSessions sessions, SessionSignIn signIn,
            AttemptLimits limits, Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.sessions = sessions;
        this.signIn = signIn;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Opens (or reopens) the portal account of a contact: the account {@code existing} when the contact had one,
     * else a new one under the contact's email. The account follows the contact's current name and email.
     *
     * @throws app.clientdesk.shared.validation.InvalidInputException on field {@code email} when the email is
     *     malformed or belongs to another person's account (a member, an owner, a contact elsewhere)
     */
    @Transactional
    public UserId open(WorkspaceId workspace, UUID clientId, @Nullable UserId existing, String name, String email,
            Locale locale, String zone) {
        Violations violations = new Violations();
        Optional<String> normalised = Emails.normalise(email);
        if (normalised.isEmpty()) {
            violations.add("email", "validation.email");
            violations.throwIfAny();
        }
        String address = normalised.get();
        Optional<CurrentUser> holder = store.principalByEmail(address);
        Optional<CurrentUser> own = existing == null ? Optional.empty() : store.principalById(existing)
                .filter(u -> u.workspaceId().equals(workspace) && u.isClientContact()
                        && u.clientId().filter(clientId::equals).isPresent());
        if (own.isEmpty() && holder.isPresent()) {
            // A stale account of the same client's contact (the contact was removed and added again) is reused.
            own = holder.filter(u -> u.workspaceId().equals(workspace) && u.isClientContact()
                    && u.clientId().filter(clientId::equals).isPresent());
        }
        if (holder.isPresent() && (own.isEmpty() || !holder.get().id().equals(own.get().id()))) {
            violations.add("email", "portal.invite.emailTaken");
            violations.throwIfAny();
        }
        String displayName = PersonFields.name("displayName", name, violations);
        violations.throwIfAny();
        if (own.isPresent()) {
            UserId id = own.get().id();
            store.updateContact(id, address, displayName);
            store.updateLocale(id, locale.toLanguageTag());
            store.setDisabled(workspace, id, null);
            return id;
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        UserId id = UserId.random();
        store.insertUser(id, workspace, address, displayName,
                passwords.encode(Base64.getEncoder().encodeToString(secret)), Role.CLIENT, locale.toLanguageTag(),
                zone, clientId, clock.instant());
        return id;
    }

    /** Closes a contact's account: it can no longer sign in, and every session of it ends now. Deletes nothing. */
    @Transactional
    public void close(WorkspaceId workspace, UserId contact) {
        store.principalById(contact).filter(u -> u.workspaceId().equals(workspace) && u.isClientContact())
                .ifPresent(u -> {
                    store.setDisabled(workspace, u.id(), clock.instant());
                    sessions.endAll(u.email());
                });
    }

    /**
     * Opens a closed contact's account again as it was (its password kept), for the portal when what closed it is
     * undone (the client brought back from the archive). Does nothing to another kind of account.
     */
    @Transactional
    public void reopen(WorkspaceId workspace, UserId contact) {
        store.principalById(contact).filter(u -> u.workspaceId().equals(workspace) && u.isClientContact())
                .ifPresent(u -> store.setDisabled(workspace, u.id(), null));
    }

    /** The language of a contact's account, open or closed. */
    @Transactional(readOnly = true)
    public Optional<Locale> locale(UserId id) {
        return store.principalById(id).filter(CurrentUser::isClientContact).map(CurrentUser::locale);
    }

    /** An enabled contact account. */
    @Transactional(readOnly = true)
    public Optional<CurrentUser> contact(UserId id) {
        return store.principalById(id).filter(u -> u.isClientContact() && u.isEnabled()).map(ContactLogins::erased);
    }

    /** The enabled contact account of an email, if there is one. */
    @Transactional(readOnly = true)
    public Optional<CurrentUser> contactByEmail(String email) {
        return Emails.normalise(email).flatMap(store::principalByEmail)
                .filter(u -> u.isClientContact() && u.isEnabled()).map(ContactLogins::erased);
    }

    /** Puts the contact into a new session of this browser. */
    public void signIn(CurrentUser contact, HttpServletRequest request, HttpServletResponse response) {
        if (!contact.isClientContact()) {
            throw new IllegalArgumentException("only client contacts sign in to the portal");
        }
        signIn.signIn(contact, request, response);
    }

    /** Takes a try from the link-request limits of the address and of the email. */
    public LinkRequest linkRequest(String remoteAddress, String email) {
        if (!limits.tryTake(AttemptLimits.Kind.PORTAL_LINK_ADDRESS, remoteAddress)) {
            return LinkRequest.ADDRESS_THROTTLED;
        }
        if (!email.isBlank() && !limits.tryTake(AttemptLimits.Kind.PORTAL_LINK_EMAIL, email)) {
            return LinkRequest.EMAIL_THROTTLED;
        }
        return LinkRequest.SEND;
    }

    /**
     * Checks a contact's password under the sign-in guessing limits (per account and per address). Staff
     * accounts are answered as a wrong password: the portal is not their door.
     */
    @Transactional(readOnly = true)
    public PasswordCheck checkPassword(String email, String password, String remoteAddress) {
        String key = email.trim().toLowerCase(Locale.ROOT);
        if (limits.exhausted(AttemptLimits.Kind.SIGN_IN_ACCOUNT, key)
                || limits.exhausted(AttemptLimits.Kind.SIGN_IN_ADDRESS, remoteAddress)) {
            return new PasswordCheck.Throttled();
        }
        Optional<CurrentUser> person = Emails.normalise(email).flatMap(store::principalByEmail)
                .filter(CurrentUser::isClientContact);
        String hash = person.map(CurrentUser::getPassword).orElse(null);
        boolean matches = hash != null && password.length() <= PasswordPolicy.MAX_LENGTH
                && passwords.matches(password, hash);
        if (!matches) {
            limits.spend(AttemptLimits.Kind.SIGN_IN_ACCOUNT, key);
            limits.spend(AttemptLimits.Kind.SIGN_IN_ADDRESS, remoteAddress);
            return new PasswordCheck.Wrong();
        }
        limits.clear(AttemptLimits.Kind.SIGN_IN_ACCOUNT, key);
        if (!person.get().isEnabled()) {
            return new PasswordCheck.Closed(person.get().id());
        }
        return new PasswordCheck.SignedIn(erased(person.get()));
    }

    /**
     * Sets the contact's own password.
     *
     * @throws app.clientdesk.shared.validation.InvalidInputException on field {@code password} when the policy refuses it
     */
    @Transactional
    public void setPassword(UserId contact, String password) {
        Violations violations = new Violations();
        PasswordPolicy.check("password", password, violations);
        violations.throwIfAny();
        store.principalById(contact).filter(CurrentUser::isClientContact)
                .ifPresent(u -> store.updatePassword(u.id(), passwords.encode(password)));
    }

    private static CurrentUser erased(CurrentUser user) {
        user.eraseCredentials();
        return user;
    }
}
