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
import java.util.List;
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
            List<RateChoices.ProjectThing> testerProjects) {

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
        viewer.requireOwner();
        RateChoices.Choices offered = choices.of(viewer);
        List<Rate> all = rates.all(viewer);
        UUID forProjects = failed == RateScope.PROJECT && refused != null
                ? choices.clientOfProject(viewer, refused.key()).orElse(null) : uuid(projectClient);
        model.addAttribute("view", new View(offered, rows(viewer, all, offered), forms(offered, refused, failed), failed,
                errors, previewForm, preview.of(viewer, previewForm, all, offered),
                offered.offers(forProjects) ? forProjects : null, choices.projectsOf(viewer, offered, forProjects),
                choices.projectsOf(viewer, offered, uuid(previewForm.client()))));
        return "time/rates/page";
    }

    /** The project picker of one client alone, for htmx: the project rate form's ({@code rate}) or the tester's. */
    String projectPicker(CurrentUser viewer, Model model, @Nullable String client, boolean rate) {
        viewer.requireOwner();
        RateChoices.Choices offered = choices.of(viewer);
        model.addAttribute("projects", choices.projectsOf(viewer, offered, uuid(client)));
        model.addAttribute("chosenClient", uuid(client) != null && offered.offers(uuid(client)));
        return rate ? "time/rates/rateProjects" : "time/rates/testerProjects";
    }

    private static @Nullable UUID uuid(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The tester's answer alone, for htmx. */
    String preview(CurrentUser viewer, Model model, RatePreview.Form form) {
        viewer.requireOwner();
        RateChoices.Choices offered = choices.of(viewer);
        model.addAttribute("result", preview.of(viewer, form, rates.all(viewer), offered));
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
