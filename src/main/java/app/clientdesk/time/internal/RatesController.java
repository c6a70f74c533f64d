package app.clientdesk.time.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violation;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import app.clientdesk.shared.web.Ui;
import app.clientdesk.time.Rate;
import app.clientdesk.time.RateInput;
import app.clientdesk.time.RateScope;
import app.clientdesk.time.Rates;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rates page (owner only): the rules of each scope, setting and removing one, and "which rate applies?".
 * Setting the rule for a thing and currency that has one replaces it.
 */
@OwnerOnly
@Controller
class RatesController {

    private final Rates rates;
    private final RatesPage page;
    private final RateChoices choices;
    private final MessageSource texts;
    private final TimeEntryOptions filters;

    RatesController(Rates rates, RatesPage page, RateChoices choices, MessageSource texts, TimeEntryOptions filters) {
        this.rates = rates;
        this.page = page;
        this.choices = choices;
        this.texts = texts;
        this.filters = filters;
    }

    @GetMapping("/time/rates")
    String show(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(required = false) @Nullable String projectClient,
            @RequestParam(required = false) @Nullable String clientFilter,
            @RequestParam(required = false) @Nullable String clientPage, Model model) {
        filters.requireVisible(viewer, projectClient, null, null);
        return page.show(viewer, model, null, null, FieldErrors.none(), RatePreview.Form.blank(viewer),
                projectClient, clientFilter, clientPage);
    }

    /** The shared list of clients the client fields suggest, for what is typed so far (a bounded few). */
    @GetMapping("/time/rates/clients")
    String clients(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String q,
            Model model) {
        return page.clientSuggestions(viewer, model, q);
    }

    /**
     * The project picker of one client, for htmx when a client is chosen: the project rate form's for
     * {@code projectClient}, else the tester's for {@code clientId}.
     */
    @GetMapping("/time/rates/projects")
    String projects(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(required = false) @Nullable String clientId,
            @RequestParam(required = false) @Nullable String projectClient, Model model) {
        filters.requireVisible(viewer, clientId, null, null);
        filters.requireVisible(viewer, projectClient, null, null);
        return projectClient != null ? page.projectPicker(viewer, model, projectClient, true)
                : page.projectPicker(viewer, model, clientId, false);
    }

    /** The tester: its answer alone for htmx, else the whole page with the answer in place. */
    @GetMapping("/time/rates/preview")
    String preview(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute("preview") RatePreview.Form form,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        filters.requireVisible(viewer, form.clientId(), form.projectId(), form.userId());
        if (htmx != null) {
            return page.preview(viewer, model, form);
        }
        return page.show(viewer, model, null, null, FieldErrors.none(), form, null);
    }

    @PostMapping("/time/rates")
    String set(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute("form") RateInput form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        viewer.requireOwner();
        Ui ui = (Ui) model.getAttribute("ui");
        List<Rate> before = rates.all(viewer);
        try {
            Rate saved = rates.set(viewer, inClientsCurrency(viewer, withClientId(viewer, form)));
            Optional<Rate> replaced = before.stream().filter(r -> r.id().equals(saved.id())).findFirst();
            String what = what(ui, saved);
            String amount = ui.money(saved.hourly().amount(), saved.hourly().currency());
            Notices.flash(redirect, replaced.isPresent()
                    ? ui.t("rates.replaced", what, ui.money(replaced.get().hourly().amount(),
                            replaced.get().hourly().currency()), amount)
                    : ui.t("rates.saved", what, amount));
            return "redirect:/time/rates";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            RateScope failed = scope(form.scope());
            // A form for no known scope cannot show its errors: they go to the top of the page.
            List<Violation> violations = e.violations().stream()
                    .map(v -> failed == null || v.field().equals("scope") ? new Violation("", v.messageKey(), v.args()) : v)
                    .toList();
            FieldErrors errors = FieldErrors.of(violations, texts, viewer.locale());
            return page.show(viewer, model, form, failed, errors, RatePreview.Form.blank(viewer), null);
        }
    }

    @PostMapping("/time/rates/{rateId}/delete")
    String remove(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID rateId, Model model,
            RedirectAttributes redirect) {
        Rate rate = rates.get(viewer, rateId);
        rates.remove(viewer, rateId);
        Ui ui = (Ui) model.getAttribute("ui");
        Notices.flash(redirect, ui.t("rates.removed", what(ui, rate),
                ui.money(rate.hourly().amount(), rate.hourly().currency())));
        return "redirect:/time/rates";
    }

    /**
     * The client rate form's client, typed by name (or picked from its list, "Name (GBP)"), as the client's id.
     * A name that names no single current client is refused here, with the clients it may have meant.
     */
    private RateInput withClientId(CurrentUser viewer, RateInput form) {
        if (scope(form.scope()) != RateScope.CLIENT) {
            return form;
        }
        RateChoices.ClientPick pick = choices.of(viewer).pick(form.key());
        if (pick.client() != null) {
            return new RateInput(form.scope(), pick.client().id().toString(), form.currency(), form.amount());
        }
        if (pick.blank() || isId(pick.typed())) {
            return form;
        }
        String near = String.join(", ", pick.near().stream().map(RateChoices.Thing::label).toList());
        if (pick.near().stream().anyMatch(c -> c.name().equalsIgnoreCase(pick.typed()))) {
            throw InvalidInputException.of("key", "rates.client.several", pick.typed(), near);
        }
        throw pick.near().isEmpty() ? InvalidInputException.of("key", "rates.client.noneNamed", pick.typed())
                : InvalidInputException.of("key", "rates.client.didYouMean", pick.typed(), near);
    }

    private static boolean isId(String text) {
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A client's or project's rate left without a currency is in the client's. */
    private RateInput inClientsCurrency(CurrentUser viewer, RateInput form) {
        RateScope scope = scope(form.scope());
        if (form.currency() != null && !form.currency().isBlank()
                || scope != RateScope.CLIENT && scope != RateScope.PROJECT) {
            return form;
        }
        RateChoices.Choices offered = choices.of(viewer);
        String key = form.key() == null ? "" : form.key().strip();
        String currency = (scope == RateScope.CLIENT ? offered.currencyOfClient(key)
                : choices.clientOfProject(viewer, key).map(c -> offered.currencyOfClient(c.toString()))
                        .orElse(offered.base())).getCurrencyCode();
        return new RateInput(form.scope(), form.key(), currency, form.amount());
    }

    private static String what(Ui ui, Rate rate) {
        return rate.scope() == RateScope.WORKSPACE
                ? ui.t("rates.what.workspace", rate.hourly().currency().getCurrencyCode())
                : rate.label();
    }

    static @Nullable RateScope scope(@Nullable String text) {
        if (text == null) {
            return null;
        }
        return RateScope.RULES.stream().filter(s -> s.name().equals(text.strip().toUpperCase(Locale.ROOT)))
                .findFirst().orElse(null);
    }
}
