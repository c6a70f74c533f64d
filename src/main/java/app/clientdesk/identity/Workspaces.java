package app.clientdesk.identity;

import app.clientdesk.identity.internal.IdentityStore;
import app.clientdesk.identity.internal.PersonFields;
import app.clientdesk.shared.i18n.Currencies;
import app.clientdesk.shared.i18n.Languages;
import app.clientdesk.shared.time.TimeZones;
import app.clientdesk.shared.validation.Violations;
import java.time.Clock;
import java.util.Currency;
import java.util.Locale;
import java.time.ZoneId;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates a VA business and its owner, from sign-up or from the admin command line. */
@Service
public class Workspaces {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Workspaces.class);

    private final IdentityStore store;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Workspaces(IdentityStore store, PasswordEncoder passwords, Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Checks every field, then creates the workspace and its owner in one transaction.
     *
     * @throws app.clientdesk.shared.validation.InvalidInputException listing every broken rule; nothing is saved
     */
    @Transactional
    public WorkspaceCreated create(NewWorkspace input) {
        Violations violations = new Violations();
        String name = PersonFields.name("businessName", input.businessName(), violations);
        String ownerName = PersonFields.name("ownerName", input.ownerName(), violations);
        var email = PersonFields.newEmail("ownerEmail", input.ownerEmail(), store, violations);
        PasswordPolicy.check("password", input.password(), violations);
        var currency = Currencies.parse(input.baseCurrency());
        if (currency.isEmpty()) {
            violations.add("baseCurrency", "validation.currency");
        }
        var zone = TimeZones.parse(input.timeZone());
        if (zone.isEmpty()) {
            violations.add("timeZone", "validation.timeZone");
        }
        var locale = Languages.match(input.locale());
        if (locale.isEmpty()) {
            violations.add("locale", "validation.language");
        }
        violations.throwIfAny();

        return insert(name, ownerName, email.get(), input.password(), currency.get(), zone.get(), locale.get());
    }

    /**
     * Changes a workspace's name, base currency, home zone and language. The base currency only
     * names the currency reports are given in; nothing is converted.
     *
     * @throws app.clientdesk.shared.validation.InvalidInputException listing every broken rule; nothing is saved
     */
    @Transactional
    public WorkspaceSettings update(WorkspaceId id, String name, String baseCurrency, String timeZone, String locale) {
        Violations violations = new Violations();
        String cleanName = PersonFields.name("name", name, violations);
        var currency = Currencies.parse(baseCurrency);
        if (currency.isEmpty()) {
            violations.add("baseCurrency", "validation.currency");
        }
        var zone = TimeZones.parse(timeZone);
        if (zone.isEmpty()) {
            violations.add("timeZone", "validation.timeZone");
        }
        var language = Languages.match(locale);
        if (language.isEmpty()) {
            violations.add("locale", "validation.language");
        }
        violations.throwIfAny();
        store.updateWorkspace(id, cleanName, currency.get().getCurrencyCode(), zone.get().getId(),
                language.get().toLanguageTag());
        log.info("workspace {} settings changed", id);
        return settings(id);
    }

    public WorkspaceSettings settings(WorkspaceId id) {
        return store.workspace(id).orElseThrow(() -> new IllegalStateException("workspace " + id + " is gone"));
    }

    private WorkspaceCreated insert(String name, String ownerName, String email, String password, Currency currency,
            ZoneId zone, Locale locale) {
        WorkspaceId workspace = WorkspaceId.random();
        UserId owner = UserId.random();
        var now = clock.instant();
        store.insertWorkspace(workspace, name, currency.getCurrencyCode(), zone.getId(), locale.toLanguageTag(), now);
        store.insertUser(owner, workspace, email, ownerName, passwords.encode(password), Role.OWNER,
                locale.toLanguageTag(), zone.getId(), null, now);
        log.info("workspace {} created with owner {}", workspace, owner);
        return new WorkspaceCreated(workspace, owner, email);
    }
}
