package app.clientdesk.shared.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Email addresses as people type them: trimmed, lower-cased, one @ and a dotted domain. */
public final class Emails {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s<>()\\[\\],;:\"]+@[^@\\s<>()\\[\\],;:\"]+\\.[^@\\s<>()\\[\\],;:\".]{2,}$");

    private Emails() {}

    public static Optional<String> normalise(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String email = value.trim().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !SHAPE.matcher(email).matches()) {
            return Optional.empty();
        }
        return Optional.of(email);
    }
}
