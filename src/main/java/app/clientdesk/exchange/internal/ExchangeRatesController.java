package app.clientdesk.exchange.internal;

import app.clientdesk.exchange.EcbImport;
import app.clientdesk.exchange.ExchangeRate;
import app.clientdesk.exchange.ExchangeRates;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.i18n.Currencies;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import app.clientdesk.shared.web.Ui;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The exchange-rates page (owner only): the rates against the workspace's base currency, typing a rate, importing
 * an ECB reference-rate file, the convert check, and the history of one pair with the removal of a rate.
 */
@OwnerOnly
@Controller
class ExchangeRatesController {

    private static final String HOME = "redirect:/billing/exchange-rates";

    private final ExchangeRates rates;
    private final ExchangePage page;
    private final MessageSource texts;

    ExchangeRatesController(ExchangeRates rates, ExchangePage page, MessageSource texts) {
        this.rates = rates;
        this.page = page;
        this.texts = texts;
    }

    /**
     * The page; {@code day}, {@code base} and {@code quote} fill in the rate form (the reports link here for a
     * missing rate). A value that is not a date or a currency is left out.
     */
    @GetMapping("/billing/exchange-rates")
    String show(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String day,
            @RequestParam(required = false) @Nullable String base,
            @RequestParam(required = false) @Nullable String quote, Model model) {
        RateForm asked = null;
        if (day != null || base != null || quote != null) {
            String date = null;
            try {
                date = day == null ? null : LocalDate.parse(day.strip()).toString();
            } catch (DateTimeParseException e) {
                date = null;
            }
            asked = new RateForm(date, Currencies.parse(base).map(Currency::getCurrencyCode).orElse(null),
                    Currencies.parse(quote).map(Currency::getCurrencyCode).orElse(null), null);
        }
        return page.show(viewer, model, asked, FieldErrors.none(), FieldErrors.none(),
                new ConvertForm(null, null, null, null));
    }

    /** The convert check: its answer alone for htmx, else the whole page with the answer in place. */
    @GetMapping("/billing/exchange-rates/convert")
    String convert(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute("convert") ConvertForm form,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        ConvertForm asked = new ConvertForm(blank(form.amount()), blank(form.from()), blank(form.to()), blank(form.date()));
        if (htmx != null) {
            return page.conversion(viewer, model, asked);
        }
        return page.show(viewer, model, null, FieldErrors.none(), FieldErrors.none(), asked);
    }

    @PostMapping("/billing/exchange-rates")
    String set(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute("rateForm") RateForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        viewer.requireOwner();
        try {
            ExchangeRate saved = rates.set(viewer, form.day(), form.base(), form.quote(), form.rate());
            Ui ui = (Ui) model.getAttribute("ui");
            Notices.flash(redirect, ui.t("exchange.saved", saved.from().getCurrencyCode(), ExchangePage.rateText(ui, saved.rate()),
                    saved.to().getCurrencyCode(), ui.date(saved.day())));
            return HOME;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page.show(viewer, model, form, FieldErrors.of(e.violations(), texts, viewer.locale()),
                    FieldErrors.none(), new ConvertForm(null, null, null, null));
        }
    }

    @PostMapping("/billing/exchange-rates/import")
    String upload(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable MultipartFile file,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        viewer.requireOwner();
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.of("file", "exchange.import.required");
            }
            if (file.getSize() > page.maxBytes()) {
                throw InvalidInputException.of("file", "exchange.import.tooLarge", page.maxBytes() / (1024 * 1024));
            }
            EcbImport done;
            try (InputStream in = file.getInputStream()) {
                done = rates.importEcb(viewer, file.getOriginalFilename(), in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Ui ui = (Ui) model.getAttribute("ui");
            StringBuilder notice = new StringBuilder(ui.t("exchange.imported", done.fileName(), done.rates(),
                    done.days(), ui.date(done.firstDay()), ui.date(done.lastDay())));
            if (done.skippedCells() > 0 || done.skippedDays() > 0) {
                notice.append(' ').append(ui.t("exchange.imported.skipped", done.skippedCells(), done.skippedDays()));
            }
            if (done.keptManual() > 0) {
                notice.append(' ').append(ui.t("exchange.imported.kept", done.keptManual()));
            }
            if (!done.ignoredColumns().isEmpty()) {
                notice.append(' ').append(ui.t("exchange.imported.ignored", String.join(", ", done.ignoredColumns())));
            }
            Notices.flash(redirect, notice.toString());
            return HOME;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page.show(viewer, model, null, FieldErrors.none(),
                    FieldErrors.of(e.violations(), texts, viewer.locale()), new ConvertForm(null, null, null, null));
        }
    }

    /** The rates of one pair, both directions, newest first, a page at a time (older ones by {@code before}). */
    @GetMapping("/billing/exchange-rates/{pair}")
    String history(@AuthenticationPrincipal CurrentUser viewer, @PathVariable String pair,
            @RequestParam(required = false) @Nullable String before, Model model) {
        viewer.requireOwner();
        List<Currency> currencies = pair(pair);
        LocalDate until = before == null || before.isBlank() ? null : date(before);
        List<ExchangeRate> rows = rates.history(viewer.workspaceId(), currencies.get(0), currencies.get(1), until);
        if (rows.isEmpty() && until == null) {
            throw new NotFoundException("exchange rate pair");
        }
        model.addAttribute("base", currencies.get(0));
        model.addAttribute("quote", currencies.get(1));
        model.addAttribute("pair", pair.toUpperCase(java.util.Locale.ROOT));
        model.addAttribute("rows", rows);
        model.addAttribute("older", rows.size() == ExchangeRates.HISTORY_PAGE ? rows.get(rows.size() - 1).day() : null);
        return "billing/exchange/history";
    }

    @PostMapping("/billing/exchange-rates/{pair}/{day}/delete")
    String delete(@AuthenticationPrincipal CurrentUser viewer, @PathVariable String pair, @PathVariable String day,
            Model model, RedirectAttributes redirect) {
        viewer.requireOwner();
        List<Currency> currencies = pair(pair);
        ExchangeRate removed = rates.delete(viewer, currencies.get(0), currencies.get(1), date(day));
        Ui ui = (Ui) model.getAttribute("ui");
        Notices.flash(redirect, ui.t("exchange.removed", removed.from().getCurrencyCode(), ExchangePage.rateText(ui, removed.rate()),
                removed.to().getCurrencyCode(), ui.date(removed.day())));
        boolean more = !rates.history(viewer.workspaceId(), currencies.get(0), currencies.get(1), null).isEmpty();
        return more ? "redirect:/billing/exchange-rates/" + removed.from().getCurrencyCode() + "-"
                + removed.to().getCurrencyCode() : HOME;
    }

    /** "EUR-USD" → [EUR, USD]; anything else is no page. */
    private static List<Currency> pair(String text) {
        String[] parts = text.split("-", -1);
        if (parts.length != 2) {
            throw new NotFoundException("exchange rate pair");
        }
        Currency a = Currencies.parse(parts[0]).orElseThrow(() -> new NotFoundException("exchange rate pair"));
        Currency b = Currencies.parse(parts[1]).orElseThrow(() -> new NotFoundException("exchange rate pair"));
        if (a.equals(b)) {
            throw new NotFoundException("exchange rate pair");
        }
        return List.of(a, b);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new NotFoundException("exchange rate");
        }
    }

    private static @Nullable String blank(@Nullable String text) {
        return text == null ? "" : text;
    }
}
