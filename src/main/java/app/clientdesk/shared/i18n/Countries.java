package app.clientdesk.shared.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** ISO 3166-1 alpha-2 country codes. */
public final class Countries {

    private static final List<String> CODES = Arrays.stream(Locale.getISOCountries()).sorted().toList();

    private Countries() {}

    public static List<String> codes() {
        return CODES;
    }

    public static Optional<String> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return CODES.contains(upper) ? Optional.of(upper) : Optional.empty();
    }

    public static String displayName(String code, Locale viewer) {
        return new Locale("", code).getDisplayCountry(viewer);
    }
}
