package app.clientdesk.identity;

import app.clientdesk.identity.internal.IdentityStore;
import app.clientdesk.identity.internal.PersonFields;
import app.clientdesk.shared.i18n.Currencies;
import app.clientdesk.shared.i18n.Languages;
import app.clientdesk.shared.time.TimeZones;
import app.clientdesk.shared.validation.Emails;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.PublicUrls;
import app.clientdesk.shared.web.RequestMemo;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
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
    private final EmailConfirmations confirmations;
    private final ApplicationEventPublisher events;
    private final PublicUrls urls;
    private final Clock clock;

    Workspaces(IdentityStore store, PasswordEncoder passwords, EmailConfirmations confirmations,
            ApplicationEventPublisher events, PublicUrls urls, Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.confirmations = confirmations;
        this.events = events;
        this.urls = urls;
        this.clock = clock;
    }

    /**
     * For the operator ({@code admin create-workspace}, the demo): checks every field, then creates the workspace
     * and its owner in one transaction, the owner's address counting as confirmed.
     *
     * @throws app.clientdesk.shared.validation.InvalidInputException listing every broken rule; nothing is saved
     */
    @Transactional
    public WorkspaceCreated create(NewWorkspace input) {
        Violations violations = new Violations();
        var email = PersonFields.newEmail("ownerEmail", input.ownerEmail(), store, violations);
        Checked in = check(input, violations);
        WorkspaceCreated created = insert(in.name(), in.ownerName(), email.get(), passwords.encode(input.password()),
                in.currency(), in.zone(), in.locale());
        confirmations.confirmNow(created.ownerId());
        return created;
    }

    /**
     * Open sign-up. Answers the same whether or not the address already has an account, so it tells a stranger
     * nothing: for a new address it creates the workspace, whose owner must confirm the address (a link through
     * the outbox) before the workspace mails anyone else; for a known address it creates nothing and mails the
     * holder "you already have an account" (at most once an hour). The password is hashed either way, so both
     * take as long. Two sign-ups racing for one new address: the second fails on the unique index
     * ({@link org.springframework.dao.DuplicateKeyException}), which the caller answers as success.
     *
     * @throws app.clientdesk.shared.validation.InvalidInputException for a broken rule that does not depend on
     *     who has an account; nothing is saved
     */
    @Transactional
    public void signUp(NewWorkspace input) {
        Violations violations = new Violations();
        var email = Emails.normalise(input.ownerEmail());
        if (email.isEmpty()) {
            violations.add("ownerEmail", "validation.email");
        }
        Checked in = check(input, violations);
        String hash = passwords.encode(input.password());
        Optional<Account> existing = store.accountByEmail(email.get());
        if (existing.isPresent()) {
            Account account = existing.get();
            if (confirmations.claimSignUpNotice(account.id())) {
                events.publishEvent(new SignUpForExistingAccount(account.workspaceId(), account.id(), account.email(),
                        account.displayName(), account.locale(), urls.to("/login")));
            }
            log.info("sign-up with the address of existing user {}: no workspace made", account.id());
            return;
        }
        WorkspaceCreated created = insert(in.name(), in.ownerName(), email.get(), hash, in.currency(), in.zone(),
                in.locale());
        confirmations.request(created.workspaceId(), created.ownerId(), email.get(), in.ownerName(), in.locale());
    }

    private record Checked(String name, String ownerName, Currency currency, ZoneId zone, Locale locale) {
    }

    /** Every rule but the email's; throws when any is broken, with those already in {@code violations}. */
    private Checked check(NewWorkspace input, Violations violations) {
        String name = PersonFields.name("businessName", input.businessName(), violations);
        String ownerName = PersonFields.name("ownerName", input.ownerName(), violations);
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
        return new Checked(name, ownerName, currency.get(), zone.get(), locale.get());
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

    /**
     * The workspace's name, currency, zone and language. Within one GET request (which changes no workspace) the
     * first read is kept for the rest of it: a client's page asks from several sections. Any other request, and
     * work outside a request, reads afresh.
     */
    public WorkspaceSettings settings(WorkspaceId id) {
        return RequestMemo.once("workspaces.settings", () -> read(id), id.value());
    }

    private WorkspaceSettings read(WorkspaceId id) {
        return store.workspace(id).orElseThrow(() -> new IllegalStateException("workspace " + id + " is gone"));
    }

    private WorkspaceCreated insert(String name, String ownerName, String email, String passwordHash,
            Currency currency, ZoneId zone, Locale locale) {
        WorkspaceId workspace = WorkspaceId.random();
        UserId owner = UserId.random();
        var now = clock.instant();
        store.insertWorkspace(workspace, name, currency.getCurrencyCode(), zone.getId(), locale.toLanguageTag(), now);
        store.insertUser(owner, workspace, email, ownerName, passwordHash, Role.OWNER,
                locale.toLanguageTag(), zone.getId(), null, now);
        log.info("workspace {} created with owner {}", workspace, owner);
        return new WorkspaceCreated(workspace, owner, email);
    }
}
