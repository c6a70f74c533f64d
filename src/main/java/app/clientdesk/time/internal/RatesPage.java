package app.clientdesk.time.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.time.Rate;
import app.clientdesk.time.RateInput;
import app.clientdesk.time.RateScope;
import app.clientdesk.time.Rates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The rates page as a whole: the rules of each scope, a "set a rate" form for each, and the tester. */
@Component
public class RatesPage {

    /** A rule as the table shows it: what it is for by its current name (or the name it had), and a link. */
    public record Row(Rate rate, String what, @Nullable String href) {
    }

    /**
     * Everything the page shows. {@code failed} is the scope whose form was refused: that form keeps what was
     * typed and shows its errors, the others are fresh.
     */
    public record View(RateChoices.Choices choices, Map<RateScope, List<Row>> rows, Map<RateScope, RateInput> forms,
            @Nullable RateScope failed, FieldErrors errors, RatePreview.Form previewForm, RatePreview.Result preview,
            @Nullable UUID projectClient, List<RateChoices.ProjectThing> projects,
            List<RateChoices.ProjectThing> testerProjects, ClientRules clientRules,
            List<RateChoices.Thing> clientSuggestions) {

        public List<Row> rows(RateScope scope) {
            return rows.getOrDefault(scope, List.of());
        }

        public RateInput form(RateScope scope) {
            return forms.get(scope);
        }

        public FieldErrors errors(RateScope scope) {
            return scope == failed ? errors : FieldErrors.none();
        }
    }

    /**
     * The page of the client rules' table shown: {@code CLIENT_RULES_PAGE} rules at most, those whose client's
     * name contains {@code filter}, by name; {@code total} rules match, {@code all} exist.
     */
    public record ClientRules(String filter, int page, int total, int all) {

        public int pages() {
            return Math.max(1, (total + CLIENT_RULES_PAGE - 1) / CLIENT_RULES_PAGE);
        }

        public int from() {
            return total == 0 ? 0 : (page - 1) * CLIENT_RULES_PAGE + 1;
        }

        public int to() {
            return Math.min(total, page * CLIENT_RULES_PAGE);
        }

        /** A filter is offered once the rules fill more than a page (or one is set). */
        public boolean filterable() {
            return all > CLIENT_RULES_PAGE || !filter.isEmpty();
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages();
        }

        /** The page's address with this filter, at the client rules' table. */
        public String href(int to) {
            StringBuilder href = new StringBuilder("/time/rates?");
            if (!filter.isEmpty()) {
                href.append("clientFilter=").append(URLEncoder.encode(filter, StandardCharsets.UTF_8)).append('&');
            }
            return href.append("clientPage=").append(to).append("#rates-client").toString();
        }
    }

    /** Client rules a page of the table shows; the suggestions a client field offers before anything is typed. */
    static final int CLIENT_RULES_PAGE = 25;
    static final int CLIENT_SUGGESTIONS = 20;

    private final Rates rates;
    private final RateChoices choices;
    private final RatePreview preview;

    RatesPage(Rates rates, RateChoices choices, RatePreview preview) {
        this.rates = rates;
        this.choices = choices;
        this.preview = preview;
    }

    /**
     * Fills {@code model} for the page and names its template. The project rate form offers the projects of
     * {@code projectClient} (or of the client of the project a refused form named), the tester those of its client.
     */
    String show(CurrentUser viewer, Model model, @Nullable RateInput refused, @Nullable RateScope failed,
            FieldErrors errors, RatePreview.Form previewForm, @Nullable String projectClient) {
        return show(viewer, model, refused, failed, errors, previewForm, projectClient, null, null);
    }

    /** As above, with the client rules' table filtered by a client's name and at page {@code clientPage} (from 1). */
    String show(CurrentUser viewer, Model model, @Nullable RateInput refused, @Nullable RateScope failed,
            FieldErrors errors, RatePreview.Form previewForm, @Nullable String projectClient,
            @Nullable String clientFilter, @Nullable String clientPage) {
        viewer.requireOwner();
        RateChoices.Choices offered = choices.of(viewer);
        List<Rate> all = rates.all(viewer);
        UUID forProjects = failed == RateScope.PROJECT && refused != null
                ? choices.clientOfProject(viewer, refused.key()).orElse(null) : offered.pick(projectClient).id();
        UUID testerClient = offered.pick(previewForm.client()).id();
        Map<RateScope, List<Row>> rows = rows(viewer, all, offered);
        String filter = clientFilter == null ? "" : clientFilter.strip();
        List<Row> clientRows = rows.getOrDefault(RateScope.CLIENT, List.of());
        List<Row> matching = filter.isEmpty() ? clientRows : clientRows.stream()
                .filter(r -> r.what().toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT))).toList();
        ClientRules table = new ClientRules(filter, 1, matching.size(), clientRows.size());
        table = new ClientRules(filter, Math.min(Math.max(1, number(clientPage)), table.pages()), matching.size(),
                clientRows.size());
        rows.put(RateScope.CLIENT, matching.subList(table.from() == 0 ? 0 : table.from() - 1, table.to()));
        model.addAttribute("view", new View(offered, rows, forms(offered, refused, failed), failed,
                errors, previewForm, answer(viewer, previewForm, all, offered),
                offered.offers(forProjects) ? forProjects : null, choices.projectsOf(viewer, offered, forProjects),
                choices.projectsOf(viewer, offered, testerClient), table,
                offered.clients().subList(0, Math.min(CLIENT_SUGGESTIONS, offered.clients().size()))));
        return "time/rates/page";
    }

    /** The clients a client field suggests for what is typed so far, for its shared list. */
    String clientSuggestions(CurrentUser viewer, Model model, @Nullable String typed) {
        viewer.requireOwner();
        model.addAttribute("clients", choices.of(viewer).matching(typed, CLIENT_SUGGESTIONS));
        return "time/rates/clientOptions";
    }

    private static int number(@Nullable String text) {
        try {
            return text == null ? 1 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The tester's answer, for a client named by id or by name. */
    private RatePreview.Result answer(CurrentUser viewer, RatePreview.Form form, List<Rate> all,
            RateChoices.Choices offered) {
        RateChoices.ClientPick client = offered.pick(form.client());
        if (!client.blank() && client.client() == null) {
            return new RatePreview.Result(true, "rates.preview.noClient", null, null, List.of(), List.of());
        }
        RatePreview.Form byId = new RatePreview.Form(client.blank() ? "" : client.client().id().toString(),
                form.projectId(), form.taskType(), form.userId());
        return preview.of(viewer, byId, all, offered);
    }

    /** The project picker of one client alone, for htmx: the project rate form's ({@code rate}) or the tester's. */
    String projectPicker(CurrentUser viewer, Model model, @Nullable String client, boolean rate) {
        viewer.requireOwner();
        RateChoices.Choices offered = choices.of(viewer);
        UUID chosen = offered.pick(client).id();
        model.addAttribute("projects", choices.projectsOf(viewer, offered, chosen));
        model.addAttribute("chosenClient", chosen != null);
        return rate ? "time/rates/rateProjects" : "time/rates/testerProjects";
    }

    /** The tester's answer alone, for htmx. */
    String preview(CurrentUser viewer, Model model, RatePreview.Form form) {
        viewer.requireOwner();
        RateChoices.Choices offered = choices.of(viewer);
        model.addAttribute("result", answer(viewer, form, rates.all(viewer), offered));
        return "time/rates/preview";
    }

    private static Map<RateScope, RateInput> forms(RateChoices.Choices offered, @Nullable RateInput refused,
            @Nullable RateScope failed) {
        Map<RateScope, RateInput> forms = new EnumMap<>(RateScope.class);
        String base = offered.base().getCurrencyCode();
        for (RateScope scope : RateScope.RULES) {
            // A client's or project's rate is in the client's currency: left blank, the form means that one.
            boolean clients = scope == RateScope.CLIENT || scope == RateScope.PROJECT;
            forms.put(scope, new RateInput(scope.name(), "", clients ? "" : base, ""));
        }
        if (refused != null && failed != null) {
            forms.put(failed, refused);
        }
        return forms;
    }

    private Map<RateScope, List<Row>> rows(CurrentUser viewer, List<Rate> all, RateChoices.Choices offered) {
        Map<String, String> clientNames = new HashMap<>();
        offered.clients().forEach(c -> clientNames.put(c.id().toString(), c.name()));
        Map<String, String> projectNames = choices.projectNames(viewer,
                all.stream().filter(r -> r.scope() == RateScope.PROJECT).map(Rate::key).toList());
        Map<String, String> peopleNames = new HashMap<>();
        offered.people().forEach(p -> peopleNames.put(p.id().toString(), p.name()));

        Map<RateScope, List<Row>> rows = new EnumMap<>(RateScope.class);
        for (Rate r : all) {
            Row row = switch (r.scope()) {
                case CLIENT -> new Row(r, clientNames.getOrDefault(r.key(), r.label()),
                        clientNames.containsKey(r.key()) ? "/clients/" + r.key() : null);
                case PROJECT -> new Row(r, projectNames.getOrDefault(r.key(), r.label()),
                        projectNames.containsKey(r.key()) ? "/projects/" + r.key() : null);
                case MEMBER -> new Row(r, peopleNames.getOrDefault(r.key(), r.label()), null);
                default -> new Row(r, r.label(), null);
            };
            rows.computeIfAbsent(r.scope(), k -> new ArrayList<>()).add(row);
        }
        rows.values().forEach(list -> list.sort(Comparator.comparing((Row row) -> row.what(),
                String.CASE_INSENSITIVE_ORDER).thenComparing(row -> row.rate().hourly().currency().getCurrencyCode())));
        return rows;
    }
}
