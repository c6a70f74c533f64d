package app.clientdesk.time;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Account;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.UserId;
import app.clientdesk.shared.i18n.Currencies;
import app.clientdesk.shared.money.Money;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.work.Project;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.Projects;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hourly rate rules, set by the owner: a workspace default per currency, and rates for a client, a project,
 * a task type or a member. A client's or project's rate is in the client's currency; the others may be set
 * for any currency and apply to clients billed in it. Setting a rule changes no existing entry (see
 * {@link TimeEntries#rerate}).
 */
@Service
public class Rates {

    private final RateStore store;
    private final Clients clients;
    private final Projects projects;
    private final Accounts accounts;
    private final Clock clock;

    Rates(RateStore store, Clients clients, Projects projects, Accounts accounts, Clock clock) {
        this.store = store;
        this.clients = clients;
        this.projects = projects;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Every rule of the workspace. Owner only. */
    public List<Rate> all(CurrentUser viewer) {
        viewer.requireOwner();
        return store.all(viewer.workspaceId());
    }

    /** The rules for one client and its projects, and the rules that apply to any client in its currency. */
    public List<Rate> forClient(CurrentUser viewer, ClientId client) {
        viewer.requireOwner();
        Client c = clients.get(viewer, client);
        List<String> projectIds = projects.list(viewer, client, false).stream()
                .map(p -> p.id().value().toString()).toList();
        return store.all(viewer.workspaceId()).stream()
                .filter(r -> r.scope() == RateScope.CLIENT ? r.key().equals(client.value().toString())
                        : r.scope() == RateScope.PROJECT ? projectIds.contains(r.key())
                        : r.hourly().currency().equals(c.currency()))
                .toList();
    }

    /**
     * Sets (or replaces) the rule for the thing and currency of {@code input}.
     *
     * @throws InvalidInputException for an unknown thing, currency or amount, or a client's or project's rate
     *     in another currency than the client's
     */
    @Transactional
    public Rate set(CurrentUser viewer, RateInput input) {
        viewer.requireOwner();
        Violations v = new Violations();
        RateScope scope = null;
        try {
            scope = RateScope.valueOf(TimeEntryRules.clean(input.scope()).orElse("").toUpperCase(java.util.Locale.ROOT));
            if (!RateScope.RULES.contains(scope)) {
                scope = null;
            }
        } catch (IllegalArgumentException e) {
            scope = null;
        }
        if (scope == null) {
            throw InvalidInputException.of("scope", "rate.scope.invalid");
        }
        Optional<Currency> currency = Currencies.parse(TimeEntryRules.clean(input.currency()).orElse(""));
        if (currency.isEmpty()) {
            v.add("currency", "rate.currency.invalid");
        }
        String key = TimeEntryRules.clean(input.key()).orElse("");
        String label = "";
        Currency required = null;
        switch (scope) {
            case WORKSPACE -> key = "";
            case CLIENT -> {
                Optional<Client> c = uuid(key).flatMap(id -> clients.find(viewer, new ClientId(id)));
                if (c.isEmpty()) {
                    throw InvalidInputException.of("key", "rate.client.unknown");
                }
                label = c.get().name();
                required = c.get().currency();
            }
            case PROJECT -> {
                Optional<Project> p = uuid(key).flatMap(id -> projects.find(viewer, new ProjectId(id)));
                if (p.isEmpty()) {
                    throw InvalidInputException.of("key", "rate.project.unknown");
                }
                label = p.get().clientName() + " · " + p.get().name();
                required = clients.get(viewer, p.get().clientId()).currency();
            }
            case TASK_TYPE -> {
                if (key.isEmpty() || key.length() > 60) {
                    throw InvalidInputException.of("key", "rate.type.invalid", 60);
                }
                label = key;
                key = RateBook.typeKey(key);
            }
            case MEMBER -> {
                Optional<Account> a = uuid(key).flatMap(id -> accounts.find(viewer.workspaceId(), new UserId(id)));
                if (a.isEmpty() || a.get().role() == Role.CLIENT) {
                    throw InvalidInputException.of("key", "rate.member.unknown");
                }
                label = a.get().displayName();
            }
            default -> throw new IllegalStateException();
        }
        if (required != null && currency.isPresent() && !required.equals(currency.get())) {
            v.add("currency", "rate.currency.client", label, required.getCurrencyCode());
        }
        Optional<Money> hourly = currency.flatMap(c -> Money.parse(TimeEntryRules.clean(input.amount()).orElse(""), c));
        if (currency.isPresent() && hourly.isEmpty()) {
            v.add("amount", "rate.amount.invalid", Money.digits(currency.get()));
        }
        v.throwIfAny();
        UUID id = store.put(viewer.workspaceId(), scope, key, label, hourly.orElseThrow(), clock.instant());
        return store.find(viewer.workspaceId(), id).orElseThrow();
    }

    @Transactional
    public void remove(CurrentUser viewer, UUID rateId) {
        viewer.requireOwner();
        if (!store.delete(viewer.workspaceId(), rateId)) {
            throw new NotFoundException("rate");
        }
    }

    public Rate get(CurrentUser viewer, UUID rateId) {
        viewer.requireOwner();
        return store.find(viewer.workspaceId(), rateId).orElseThrow(() -> new NotFoundException("rate"));
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
