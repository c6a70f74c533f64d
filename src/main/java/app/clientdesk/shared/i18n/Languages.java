package app.clientdesk.shared.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages Clientdesk's screens, errors and emails are written in. */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale PORTUGUESE_BRAZIL = Locale.forLanguageTag("pt-BR");
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, PORTUGUESE_BRAZIL);

    private Languages() {}

    /** The supported language closest to a tag such as "pt", "pt-PT", "en-AU"; empty if none is close. */
    public static Optional<Locale> match(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        Locale requested = Locale.forLanguageTag(tag.trim().replace('_', '-'));
        if (requested.getLanguage().equals("pt")) {
            return Optional.of(PORTUGUESE_BRAZIL);
        }
        if (requested.getLanguage().equals("en")) {
            return Optional.of(ENGLISH);
        }
        return Optional.empty();
    }

    public static Locale supportedOrDefault(Locale locale) {
        return locale == null ? ENGLISH : match(locale.toLanguageTag()).orElse(ENGLISH);
    }
}
