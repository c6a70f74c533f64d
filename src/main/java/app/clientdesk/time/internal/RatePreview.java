package app.clientdesk.time.internal;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.time.Rate;
import app.clientdesk.time.RateBook;
import app.clientdesk.time.RateScope;
import app.clientdesk.work.Project;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.Projects;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * "Which rate applies?": the rate {@link RateBook} gives an entry for a client (and optionally a project, a
 * task type and a person), and every rule it looked at, most specific first, to show why.
 */
@Component
public class RatePreview {

    /** The tester's fields, as typed. */
    public record Form(@Nullable String clientId, @Nullable String projectId, @Nullable String taskType,
            @Nullable String userId) {

        static Form blank(CurrentUser viewer) {
            return new Form("", "", "", viewer.id().value().toString());
        }

        public String client() {
            return clientId == null ? "" : clientId;
        }

        public String project() {
            return projectId == null ? "" : projectId;
        }

        public String type() {
            return taskType == null ? "" : taskType;
        }

        public String user() {
            return userId == null ? "" : userId;
        }
    }

    public enum State { APPLIES, OVERRIDDEN, NO_RATE, NOT_GIVEN }

    /** One rule looked at: what it is for, its rate in the client's currency if any, and what became of it. */
    public record Step(RateScope scope, @Nullable String thing, @Nullable Rate rate, State state) {

        public String messageKey() {
            return "rates.scope." + scope.name().toLowerCase(Locale.ROOT);
        }

        public boolean applies() {
            return state == State.APPLIES;
        }
    }

    /**
     * The answer: nothing asked yet, or a problem with what was asked ({@code problem}, a message key), or
     * the client's currency, the rate applied (null when none) and the steps.
     */
    public record Result(boolean asked, @Nullable String problem, @Nullable Client client,
            RateBook.@Nullable Applied applied, List<Step> steps, List<Step> otherCurrencies) {

        static Result notAsked() {
            return new Result(false, null, null, null, List.of(), List.of());
        }

        public @Nullable Step winner() {
            return steps.stream().filter(Step::applies).findFirst().orElse(null);
        }
    }

    private final Clients clients;
    private final Projects projects;

    RatePreview(Clients clients, Projects projects) {
        this.clients = clients;
        this.projects = projects;
    }

    Result of(CurrentUser viewer, Form form, List<Rate> rates, RateChoices.Choices choices) {
        Optional<UUID> clientId = uuid(form.client());
        if (clientId.isEmpty()) {
            return Result.notAsked();
        }
        Optional<Client> found = clients.find(viewer, new ClientId(clientId.get()));
        if (found.isEmpty()) {
            return new Result(true, "rates.preview.noClient", null, null, List.of(), List.of());
        }
        Client client = found.get();
        Currency currency = client.currency();
        String problem = null;

        Project project = null;
        Optional<UUID> projectId = uuid(form.project());
        if (projectId.isPresent()) {
            project = projects.find(viewer, new ProjectId(projectId.get())).orElse(null);
            if (project == null || !project.clientId().equals(client.id())) {
                problem = "rates.preview.otherProject";
                project = null;
            }
        }
        String type = form.type().strip();
        RateChoices.Person person = uuid(form.user()).flatMap(id -> choices.people().stream()
                .filter(p -> p.id().equals(id)).findFirst())
                .orElse(new RateChoices.Person(viewer.id().value(), viewer.displayName()));

        RateBook.Applied applied = new RateBook(rates).resolve(currency, client.id().value(),
                project == null ? null : project.id().value(), type.isEmpty() ? null : type, person.id()).orElse(null);

        List<Step> steps = new ArrayList<>();
        steps.add(step(rates, RateScope.MEMBER, person.id().toString(), person.name(), currency));
        steps.add(type.isEmpty() ? new Step(RateScope.TASK_TYPE, null, null, State.NOT_GIVEN)
                : step(rates, RateScope.TASK_TYPE, type.toLowerCase(Locale.ROOT), type, currency));
        steps.add(project == null ? new Step(RateScope.PROJECT, null, null, State.NOT_GIVEN)
                : step(rates, RateScope.PROJECT, project.id().value().toString(), project.name(), currency));
        steps.add(step(rates, RateScope.CLIENT, client.id().value().toString(), client.name(), currency));
        steps.add(step(rates, RateScope.WORKSPACE, "", null, currency));
        boolean won = false;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s.rate() != null) {
                steps.set(i, new Step(s.scope(), s.thing(), s.rate(), won ? State.OVERRIDDEN : State.APPLIES));
                won = true;
            }
        }
        Project chosen = project;
        List<String> keys = steps.stream().filter(s -> s.state() != State.NOT_GIVEN)
                .map(s -> s.scope() + "|" + key(s, person, chosen, client, type)).toList();
        List<Step> elsewhere = rates.stream()
                .filter(r -> !r.hourly().currency().equals(currency) && keys.contains(r.scope() + "|" + r.key()))
                .map(r -> new Step(r.scope(), r.scope() == RateScope.WORKSPACE ? null : r.label(), r, State.NO_RATE))
                .toList();
        return new Result(true, problem, client, applied, steps, elsewhere);
    }

    private static String key(Step s, RateChoices.Person person, @Nullable Project project, Client client, String type) {
        return switch (s.scope()) {
            case MEMBER -> person.id().toString();
            case TASK_TYPE -> type.toLowerCase(Locale.ROOT);
            case PROJECT -> project == null ? "" : project.id().value().toString();
            case CLIENT -> client.id().value().toString();
            default -> "";
        };
    }

    private static Step step(List<Rate> rates, RateScope scope, String key, @Nullable String thing, Currency currency) {
        Rate rate = rates.stream().filter(r -> r.scope() == scope && r.key().equals(key)
                && r.hourly().currency().equals(currency)).findFirst().orElse(null);
        return new Step(scope, thing, rate, State.NO_RATE);
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
