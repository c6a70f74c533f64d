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
import app.clientdesk.work.Project;
import app.clientdesk.work.Projects;
import app.clientdesk.work.Tasks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What the rate forms and the "which rate applies?" tester offer the owner: current clients with their
 * currency, open projects with their client's currency, the people who log time (the owner and active
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

    public record Choices(List<Thing> clients, List<ProjectThing> projects, List<Person> people, List<String> taskTypes,
            Currency base, List<Currency> inUse, List<Currency> others) {

        Currency currencyOfClient(String id) {
            return clients.stream().filter(c -> c.id().toString().equals(id)).map(Thing::currency).findFirst()
                    .orElse(base);
        }

        Currency currencyOfProject(String id) {
            return projects.stream().filter(p -> p.id().toString().equals(id)).map(ProjectThing::currency)
                    .findFirst().orElse(base);
        }

        /** The projects by client name, for option groups. */
        public Map<String, List<ProjectThing>> projectsByClient() {
            Map<String, List<ProjectThing>> groups = new LinkedHashMap<>();
            projects.forEach(p -> groups.computeIfAbsent(p.clientName(), k -> new ArrayList<>()).add(p));
            return groups;
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

        Map<UUID, Currency> currencyOf = new LinkedHashMap<>();
        current.forEach(c -> currencyOf.put(c.id(), c.currency()));
        Currency base = Currencies.parse(workspaces.settings(viewer.workspaceId()).baseCurrency())
                .orElse(Currency.getInstance("USD"));
        List<ProjectThing> open = projects.list(viewer, null, true).stream()
                .filter(p -> currencyOf.containsKey(p.clientId().value()))
                .map((Project p) -> new ProjectThing(p.id().value(), p.name(), p.clientId().value(), p.clientName(),
                        currencyOf.get(p.clientId().value())))
                .sorted(Comparator.comparing(ProjectThing::clientName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(ProjectThing::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
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
        return new Choices(List.copyOf(current), open, people, tasks.types(viewer), base, inUse, others);
    }
}
