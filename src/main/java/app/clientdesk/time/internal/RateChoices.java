package app.clientdesk.time.internal;

import app.clientdesk.clients.ClientPage;
import app.clientdesk.clients.ClientQuery;
import app.clientdesk.clients.ClientSummary;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.shared.i18n.Currencies;
import app.clientdesk.clients.ClientId;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.Projects;
import app.clientdesk.work.Tasks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the rate forms and the "which rate applies?" tester offer the owner: current clients with their
 * currency, the open projects of one client at a time, the people who log time (the owner and active
 * members), task types in use, and the currencies to offer first (the base currency and the clients').
 */
@Component
public class RateChoices {

    public record Thing(UUID id, String name, Currency currency) {
    }

    public record ProjectThing(UUID id, String name, UUID clientId, String clientName, Currency currency) {
    }

    public record Person(UUID id, String name) {
    }

    /**
     * The clients, people, task types and currencies the forms offer. Projects are not in it: a form offers the
     * projects of one client at a time ({@link #projectsOf}), so the page does not grow with every project.
     */
    public record Choices(List<Thing> clients, List<Person> people, List<String> taskTypes,
            Currency base, List<Currency> inUse, List<Currency> others) {

        Currency currencyOfClient(String id) {
            return clients.stream().filter(c -> c.id().toString().equals(id)).map(Thing::currency).findFirst()
                    .orElse(base);
        }

        boolean offers(@Nullable UUID client) {
            return client != null && clients.stream().anyMatch(c -> c.id().equals(client));
        }
    }

    private final Clients clients;
    private final Projects projects;
    private final Accounts accounts;
    private final Tasks tasks;
    private final Workspaces workspaces;

    RateChoices(Clients clients, Projects projects, Accounts accounts, Tasks tasks, Workspaces workspaces) {
        this.clients = clients;
        this.projects = projects;
        this.accounts = accounts;
        this.tasks = tasks;
        this.workspaces = workspaces;
    }

    Choices of(CurrentUser viewer) {
        List<Thing> current = new ArrayList<>();
        ClientPage page;
        int n = 0;
        do {
            page = clients.search(viewer, new ClientQuery(null, null, false, n++, 200));
            for (ClientSummary c : page.clients()) {
                current.add(new Thing(c.id().value(), c.name(), c.currency()));
            }
        } while (page.hasNext());
        current.sort(Comparator.comparing(Thing::name, String.CASE_INSENSITIVE_ORDER));

        Currency base = Currencies.parse(workspaces.settings(viewer.workspaceId()).baseCurrency())
                .orElse(Currency.getInstance("USD"));
        List<Person> people = accounts.inWorkspace(viewer.workspaceId()).stream()
                .filter(a -> a.role() != Role.CLIENT && !a.disabled())
                .sorted(Comparator.comparing((app.clientdesk.identity.Account a) -> a.role() != Role.OWNER)
                        .thenComparing(a -> a.displayName(), String.CASE_INSENSITIVE_ORDER))
                .map(a -> new Person(a.id().value(), a.displayName()))
                .toList();

        TreeSet<String> inUseCodes = new TreeSet<>();
        inUseCodes.add(base.getCurrencyCode());
        current.forEach(c -> inUseCodes.add(c.currency().getCurrencyCode()));
        List<Currency> inUse = inUseCodes.stream().map(Currency::getInstance).toList();
        List<Currency> others = Currencies.selectable().stream().filter(c -> !inUse.contains(c)).toList();
        return new Choices(List.copyOf(current), people, tasks.types(viewer), base, inUse, others);
    }

    /** The open projects of one of the offered clients (none for another id), by name, in the client's currency. */
    List<ProjectThing> projectsOf(CurrentUser viewer, Choices offered, @Nullable UUID client) {
        if (!offered.offers(client)) {
            return List.of();
        }
        Currency currency = offered.currencyOfClient(client.toString());
        return projects.openChoices(viewer, new ClientId(client)).stream()
                .map(p -> new ProjectThing(p.id().value(), p.name(), p.clientId().value(), p.clientName(), currency))
                .toList();
    }

    /** The client of an open project the viewer sees, if the id names one. */
    Optional<UUID> clientOfProject(CurrentUser viewer, @Nullable String project) {
        try {
            return project == null || project.isBlank() ? Optional.empty()
                    : projects.openChoices(viewer, List.of(new ProjectId(UUID.fromString(project.strip())))).stream()
                            .findFirst().map(p -> p.clientId().value());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The current "client · project" names of open projects, by id, for the rules' table. */
    Map<String, String> projectNames(CurrentUser viewer, java.util.Collection<String> ids) {
        List<ProjectId> parsed = new ArrayList<>();
        for (String id : ids) {
            try {
                parsed.add(new ProjectId(UUID.fromString(id)));
            } catch (IllegalArgumentException e) {
                // a key that is not an id names no project
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        if (!parsed.isEmpty()) {
            projects.openChoices(viewer, parsed)
                    .forEach(p -> names.put(p.id().value().toString(), p.clientName() + " · " + p.name()));
        }
        return names;
    }
}
