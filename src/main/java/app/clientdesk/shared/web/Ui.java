package app.clientdesk.shared.web;

import gg.jte.Content;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * What every template needs about the request: translations in the viewer's language, formatting for
 * the viewer's locale and zone, the CSRF token, who is signed in and the one-off notice of the last
 * action. Templates receive it as {@code ui}.
 */
public final class Ui {

    private final MessageSource messages;
    private final Locale locale;
    private final @Nullable Viewer viewer;
    private final java.util.function.Supplier<@Nullable String> csrfToken;
    private @Nullable String csrfTokenValue;
    private final String csrfParameter;
    private final String path;
    private final Clock clock;
    private final @Nullable String notice;
    private final ZoneId zone;
    private final List<HeaderWidget> widgets;
    private final UnaryOperator<String> assets;

    public Ui(MessageSource messages, Locale locale, @Nullable Viewer viewer, @Nullable String csrfToken,
            String csrfParameter, String path, Clock clock, @Nullable String notice) {
        this(messages, locale, viewer, csrfToken, csrfParameter, path, clock, notice, List.of());
    }

    public Ui(MessageSource messages, Locale locale, @Nullable Viewer viewer, @Nullable String csrfToken,
            String csrfParameter, String path, Clock clock, @Nullable String notice,
            List<HeaderWidget> widgets) {
        this(messages, locale, viewer, () -> csrfToken, csrfParameter, path, clock, notice, widgets,
                UnaryOperator.identity());
    }

    /**
     * With the CSRF token read only when a page uses it: reading it stores it in a session, and a page
     * without a form (an error page for a visitor) should not make one. {@code assets} maps a static file's
     * path to its content-hashed URL.
     */
    public Ui(MessageSource messages, Locale locale, @Nullable Viewer viewer,
            java.util.function.Supplier<@Nullable String> csrfToken, String csrfParameter, String path, Clock clock,
            @Nullable String notice, List<HeaderWidget> widgets, UnaryOperator<String> assets) {
        this.assets = assets;
        this.widgets = List.copyOf(widgets);
        this.messages = messages;
        this.locale = locale;
        this.viewer = viewer;
        this.csrfToken = csrfToken;
        this.csrfParameter = csrfParameter;
        this.path = path;
        this.clock = clock;
        this.notice = notice;
        this.zone = viewer != null ? viewer.zone() : ZoneId.of("UTC");
    }

    // A page asks for the same few labels many times (a list repeats them on every row).
    private final java.util.Map<String, String> plainTexts = new java.util.HashMap<>();
    private java.text.@Nullable NumberFormat numbers;

    /** The text of a message key in the viewer's language; the key itself if it has no text. */
    public String t(String key, Object... args) {
        if (args.length == 0) {
            return plainTexts.computeIfAbsent(key, k -> messages.getMessage(k, null, k, locale));
        }
        return messages.getMessage(key, args, key, locale);
    }

    /**
     * A count with its noun, such as "1 business hour" or "8 business hours": the text of
     * {@code key.one} or {@code key.other} with {@code {0}} replaced by the number, written as the
     * viewer's locale writes numbers. Cheaper than a choice format in every row of a list.
     */
    public String plural(String key, long count) {
        if (numbers == null) {
            numbers = NumberFormat.getIntegerInstance(locale);
        }
        return t(key + (count == 1 ? ".one" : ".other")).replace("{0}", numbers.format(count));
    }

    public Locale locale() {
        return locale;
    }

    public String lang() {
        return locale.toLanguageTag();
    }

    public boolean isPortuguese() {
        return locale.getLanguage().equals("pt");
    }

    public boolean signedIn() {
        return viewer != null;
    }

    public @Nullable Viewer viewer() {
        return viewer;
    }

    public boolean isOwner() {
        return viewer != null && viewer.isOwner();
    }

    /** Whether this page may show rates, amounts and invoices: see {@link Viewer#seesMoney()}. */
    public boolean seesMoney() {
        return viewer != null && viewer.seesMoney();
    }

    public String csrfToken() {
        if (csrfTokenValue == null) {
            String token = csrfToken.get();
            csrfTokenValue = token == null ? "" : token;
        }
        return csrfTokenValue;
    }

    public String csrfParameter() {
        return csrfParameter;
    }

    /** The htmx header that carries the CSRF token on every htmx request, as a JSON attribute value. */
    public String htmxHeaders() {
        if (viewer == null) {
            // Pages for visitors post plain forms, which carry their own token field.
            return "{}";
        }
        return "{\"X-CSRF-TOKEN\": \"" + csrfToken() + "\"}";
    }

    public String path() {
        return path;
    }

    /**
     * The URL of a static file ({@code /css/app.css}) with a hash of its content in the name, which browsers
     * may cache for a year: link every stylesheet, script and image through it.
     */
    public String asset(String path) {
        return assets.apply(path);
    }

    public boolean at(String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    public @Nullable String notice() {
        return notice;
    }

    /**
     * The header widgets of other modules, for the signed-in viewer (none before sign-in). Each renders only
     * when the layout writes it, so a response that shows no page costs nothing.
     */
    public List<Content> headerWidgets() {
        Viewer who = viewer;
        if (who == null) {
            return List.of();
        }
        return widgets.stream().filter(w -> !w.banner() && !w.atEnd())
                .map(w -> (Content) output -> w.render(who, this).writeTo(output)).toList();
    }

    /** The widgets at the header's end, before the language switch (such as the notifications bell). */
    public List<Content> endWidgets() {
        Viewer who = viewer;
        if (who == null) {
            return List.of();
        }
        return widgets.stream().filter(w -> !w.banner() && w.atEnd())
                .map(w -> (Content) output -> w.render(who, this).writeTo(output)).toList();
    }

    /** The widgets that show as a strip below the header (such as "confirm your email address"). */
    public List<Content> banners() {
        Viewer who = viewer;
        if (who == null) {
            return List.of();
        }
        return widgets.stream().filter(HeaderWidget::banner)
                .map(w -> (Content) output -> w.render(who, this).writeTo(output)).toList();
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return clock.instant();
    }

    public String dateTime(@Nullable Instant instant) {
        if (instant == null) {
            return "";
        }
        return formatter("dateTime", () -> localized(FormatStyle.MEDIUM, FormatStyle.SHORT))
                .format(instant.atZone(zone));
    }

    public String date(@Nullable LocalDate date) {
        return date == null ? "" : formatter("date", () -> localized(FormatStyle.MEDIUM, null))
                .format(date);
    }

    /** A wall-clock time such as "14:05" or "2:05 PM", as the viewer's locale writes it. */
    public String time(ZonedDateTime time) {
        return formatter("time", () -> localized(null, FormatStyle.SHORT)).format(time);
    }

    /** Weekday and time, such as "Tue 14:05", for a clock elsewhere in the world. */
    public String dayAndTime(ZonedDateTime time) {
        return formatter("weekday", () -> DateTimeFormatter.ofPattern("EEE")).format(time) + " " + time(time);
    }

    // Formatters are immutable and costly to build; lists render many rows with the same few.
    private static final java.util.concurrent.ConcurrentMap<String, DateTimeFormatter> FORMATTERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The locale's own pattern, resolved once: a localized formatter looks its pattern up on every use. */
    private DateTimeFormatter localized(@Nullable FormatStyle date, @Nullable FormatStyle time) {
        return DateTimeFormatter.ofPattern(java.time.format.DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                date, time, java.time.chrono.IsoChronology.INSTANCE, locale), locale);
    }

    private DateTimeFormatter formatter(String kind, java.util.function.Supplier<DateTimeFormatter> make) {
        return FORMATTERS.computeIfAbsent(kind + "|" + locale.toLanguageTag(), k -> make.get().withLocale(locale));
    }

    public String number(Number number) {
        return NumberFormat.getNumberInstance(locale).format(number);
    }

    public String money(BigDecimal amount, Currency currency) {
        return app.clientdesk.shared.money.Money.formatter(currency, locale).format(amount);
    }

    /**
     * "BRL — Real brasileiro": the code and the name in the viewer's language. The JDK has no Portuguese name
     * for a few recent currencies (it answers in English), so the messages name those ({@code currency.name.XXX}).
     */
    public String currencyName(Currency currency) {
        String code = currency.getCurrencyCode();
        String name = messages.getMessage("currency.name." + code, null, null, locale);
        return code + " — " + (name != null ? name : currency.getDisplayName(locale));
    }

    public String languageName(String tag) {
        Locale l = Locale.forLanguageTag(tag);
        String name = l.getDisplayName(locale);
        return name.isEmpty() ? tag : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    public String countryName(String code) {
        return new Locale("", code).getDisplayCountry(locale);
    }
}
