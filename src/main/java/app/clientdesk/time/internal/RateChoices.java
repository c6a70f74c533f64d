package app.clientdesk.time.internal;

import app.clientdesk.clients.ClientPage;
import app.clientdesk.clients.ClientQuery;
import app.clientdesk.clients.ClientSummary;
import app.clientdesk.clients.ClientChoice;
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

        /** As a client field's list offers it and the field takes it back: "Harbour Wellness (GBP)". */
        public String label() {
            return name + " (" + currency.getCurrencyCode() + ")";
        }
    }

    /**
     * What a client field's text names: the offered client it names ({@code client}), or none, then with the
     * clients it might have meant ({@code near}: the same name in several, or names containing the text).
     */
    public record ClientPick(String typed, @Nullable Thing client, List<Thing> near) {

        public boolean blank() {
            return typed.isBlank();
        }

        @Nullable UUID id() {
            return client == null ? null : client.id();
        }
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

        /** The label of the offered client {@code text} is the id of, else {@code text} as typed. */
        public String clientLabel(@Nullable String text) {
            if (text == null) {
                return "";
            }
            return clients.stream().filter(c -> c.id().toString().equals(text.strip())).findFirst()
                    .map(Thing::label).orElse(text);
        }

        /**
         * The client a field's text names: an offered client's id, or a name, alone or as the list labels it
         * ("Name (GBP)"), in any case. Without JavaScript a person types the name, so the name is the way in.
         */
        ClientPick pick(@Nullable String text) {
            String typed = text == null ? "" : text.strip();
            if (typed.isEmpty()) {
                return new ClientPick("", null, List.of());
            }
            try {
                UUID id = UUID.fromString(typed);
                return new ClientPick(typed, clients.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null),
                        List.of());
            } catch (IllegalArgumentException e) {
                // not an id: a name
            }
            List<Thing> byLabel = clients.stream().filter(c -> c.label().equalsIgnoreCase(typed)).toList();
            List<Thing> byName = byLabel.isEmpty()
                    ? clients.stream().filter(c -> c.name().equalsIgnoreCase(typed)).toList() : byLabel;
            if (byName.size() == 1) {
                return new ClientPick(typed, byName.get(0), List.of());
            }
            return new ClientPick(typed, null, byName.isEmpty() ? matching(typed, 5) : byName);
        }

        /** Up to {@code limit} clients whose name contains {@code text} (any case), those starting with it first. */
        List<Thing> matching(@Nullable String text, int limit) {
            return ClientChoice.suggestions(clients, Thing::name, text, limit);
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
