package app.clientdesk.identity;

import app.clientdesk.identity.internal.IdentityStore;
import app.clientdesk.identity.internal.PersonFields;
import app.clientdesk.shared.i18n.Languages;
import app.clientdesk.shared.time.TimeZones;
import app.clientdesk.shared.validation.Emails;
import app.clientdesk.shared.validation.Violations;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people of a workspace: listing them and adding members or client contacts. */
@Service
public class Accounts {

    private final IdentityStore store;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Accounts(IdentityStore store, PasswordEncoder passwords, Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.clock = clock;
    }

    public List<Account> inWorkspace(WorkspaceId workspace) {
        return store.accounts(workspace);
    }

    /** Active members (not owners, not client contacts) of a workspace, for assigning work. */
    public List<Account> members(WorkspaceId workspace) {
        return store.accounts(workspace).stream().filter(a -> a.role() == Role.MEMBER && !a.disabled()).toList();
    }

    public Optional<Account> find(WorkspaceId workspace, UserId id) {
        return store.account(workspace, id);
    }

    public Optional<Account> findByEmail(String email) {
        return Emails.normalise(email).flatMap(store::accountByEmail);
    }

    /**
     * Adds a person who signs in with a password. A {@link Role#CLIENT} contact must name the client
     * they belong to; this does not check that the client exists in the workspace (the caller does).
     *
     * @throws app.clientdesk.shared.validation.InvalidInputException for a bad name, email, password, language or zone
     */
    @Transactional
    public UserId add(WorkspaceId workspace, Role role, String displayName, String email, String password,
            String locale, String zone, @Nullable UUID clientId) {
        if (role == Role.OWNER) {
            throw new IllegalArgumentException("a workspace has one owner, created with it");
        }
        Violations violations = new Violations();
        String name = PersonFields.name("displayName", displayName, violations);
        var normalised = PersonFields.newEmail("email", email, store, violations);
        PasswordPolicy.check("password", password, violations);
        var language = Languages.match(locale);
        if (language.isEmpty()) {
            violations.add("locale", "validation.language");
        }
        var timeZone = TimeZones.parse(zone);
        if (timeZone.isEmpty()) {
            violations.add("timeZone", "validation.timeZone");
        }
        if (role == Role.CLIENT && clientId == null) {
            violations.add("clientId", "validation.required");
        }
        violations.throwIfAny();
        UserId id = UserId.random();
        store.insertUser(id, workspace, normalised.get(), name, passwords.encode(password), role,
                language.get().toLanguageTag(), timeZone.get().getId(), role == Role.CLIENT ? clientId : null,
                clock.instant());
        return id;
    }
}
