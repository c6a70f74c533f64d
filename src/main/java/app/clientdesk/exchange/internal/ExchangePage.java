package app.clientdesk.exchange.internal;

import app.clientdesk.exchange.ExchangeRate;
import app.clientdesk.exchange.ExchangeRates;
import app.clientdesk.exchange.RatePair;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceSettings;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.shared.i18n.Currencies;
import app.clientdesk.shared.money.Money;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Ui;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;

/** The exchange-rates page as a whole: the rates against the base currency, the stored pairs, the forms. */
@Component
public class ExchangePage {

    /** Everything the page shows; each form keeps what was typed and its own errors. */
    public record View(Currency base, LocalDate today, List<ExchangeRate> against, List<RatePair> pairs,
            List<Currency> inUse, RateForm rateForm, FieldErrors rateErrors, FieldErrors importErrors,
            ConvertForm convertForm, Conversion conversion, long maxMegabytes) {
    }

    /**
     * The answer of the convert check: not asked yet, refused (errors), no rate, or the amount converted with the
     * rate used.
     */
    public record Conversion(boolean asked, FieldErrors errors, @Nullable Money amount, @Nullable Money result,
            @Nullable ExchangeRate rate) {

        static Conversion none() {
            return new Conversion(false, FieldErrors.none(), null, null, null);
        }
    }

    private final ExchangeRates rates;
    private final Workspaces workspaces;
    private final Clock clock;
    private final MessageSource texts;
    private final long maxBytes;

    ExchangePage(ExchangeRates rates, Workspaces workspaces, Clock clock, MessageSource texts,
            @Value("${clientdesk.imports.max-size:30MB}") DataSize maxSize) {
        this.rates = rates;
        this.workspaces = workspaces;
        this.clock = clock;
        this.texts = texts;
        this.maxBytes = maxSize.toBytes();
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Fills {@code model} for the page and names its template. */
    String show(CurrentUser viewer, Model model, @Nullable RateForm rateForm, FieldErrors rateErrors,
            FieldErrors importErrors, ConvertForm convertForm) {
        viewer.requireOwner();
        WorkspaceSettings settings = workspaces.settings(viewer.workspaceId());
        Currency base = Currencies.parse(settings.baseCurrency()).orElseThrow();
        LocalDate today = today(settings);
        List<RatePair> pairs = rates.latest(viewer.workspaceId(), LocalDate.of(9999, 12, 31));
        List<Currency> inUse = inUse(base, pairs);
        RateForm form = rateForm != null ? rateForm
                : new RateForm(today.toString(), inUse.size() > 1 ? inUse.get(1).getCurrencyCode() : "",
                        base.getCurrencyCode(), "");
        ConvertForm convert = convertForm.asked() ? convertForm
                : new ConvertForm("", inUse.size() > 1 ? inUse.get(1).getCurrencyCode() : base.getCurrencyCode(),
                        base.getCurrencyCode(), today.toString());
        model.addAttribute("view", new View(base, today, rates.against(viewer.workspaceId(), base, today), pairs, inUse,
                form, rateErrors, importErrors, convert, convert(viewer, convertForm), maxBytes / (1024 * 1024)));
        return "billing/exchange/page";
    }

    /** The convert check's answer alone, for htmx. */
    String conversion(CurrentUser viewer, Model model, ConvertForm form) {
        viewer.requireOwner();
        model.addAttribute("conversion", convert(viewer, form));
        return "billing/exchange/conversion";
    }

    Conversion convert(CurrentUser viewer, ConvertForm form) {
        if (!form.asked()) {
            return Conversion.none();
        }
        Violations v = new Violations();
        Optional<Currency> from = Currencies.parse(form.from());
        Optional<Currency> to = Currencies.parse(form.to());
        if (from.isEmpty()) {
            v.add("from", "exchange.currency.invalid", form.from() == null ? "" : form.from());
        }
        if (to.isEmpty()) {
            v.add("to", "exchange.currency.invalid", form.to() == null ? "" : form.to());
        }
        Optional<Money> amount = from.flatMap(c -> Money.parse(form.amount(), c));
        if (from.isPresent() && amount.isEmpty()) {
            v.add("amount", "exchange.convert.amount.invalid", Money.digits(from.get()));
        }
        LocalDate date = null;
        try {
            date = LocalDate.parse(form.date() == null ? "" : form.date().strip());
        } catch (DateTimeParseException e) {
            v.add("date", "exchange.day.invalid");
        }
        if (!v.isEmpty()) {
            return new Conversion(true, FieldErrors.of(v.list(), texts, viewer.locale()), null, null, null);
        }
        Optional<ExchangeRate> rate = rates.rate(viewer.workspaceId(), from.get(), to.get(), date);
        return new Conversion(true, FieldErrors.none(), amount.get(), rate.map(r -> r.convert(amount.get())).orElse(null),
                rate.orElse(null));
    }

    LocalDate today(CurrentUser viewer) {
        return today(workspaces.settings(viewer.workspaceId()));
    }

    private LocalDate today(WorkspaceSettings settings) {
        ZoneId zone;
        try {
            zone = ZoneId.of(settings.timeZone());
        } catch (RuntimeException e) {
            zone = ZoneId.of("UTC");
        }
        return LocalDate.now(clock.withZone(zone));
    }

    /** A rate with all its digits (up to 10 decimals), written as the viewer's locale writes numbers. */
    public static String rateText(Ui ui, BigDecimal rate) {
        NumberFormat format = NumberFormat.getNumberInstance(ui.locale());
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(10);
        return format.format(rate);
    }

    /** 1 ÷ rate for reading, not for computing: 4 decimals from 1 up, else 6 significant digits. */
    public static BigDecimal inverse(BigDecimal rate) {
        BigDecimal exact = BigDecimal.ONE.divide(rate, MathContext.DECIMAL64);
        return exact.compareTo(BigDecimal.ONE) >= 0 ? exact.setScale(4, RoundingMode.HALF_UP)
                : exact.round(new MathContext(6, RoundingMode.HALF_UP));
    }

    /** A rate for reading in a table: 4 decimals from 1 up, else 6 significant digits. */
    public static BigDecimal rounded(BigDecimal rate) {
        return rate.compareTo(BigDecimal.ONE) >= 0 ? rate.setScale(4, RoundingMode.HALF_UP)
                : rate.round(new MathContext(6, RoundingMode.HALF_UP));
    }

    /** The base currency first, then every currency with a rate, by code. */
    private static List<Currency> inUse(Currency base, List<RatePair> pairs) {
        Set<String> codes = new java.util.TreeSet<>();
        for (RatePair p : pairs) {
            codes.add(p.newest().from().getCurrencyCode());
            codes.add(p.newest().to().getCurrencyCode());
        }
        Set<Currency> ordered = new LinkedHashSet<>();
        ordered.add(base);
        codes.forEach(c -> ordered.add(Currency.getInstance(c)));
        return new ArrayList<>(ordered);
    }
}
