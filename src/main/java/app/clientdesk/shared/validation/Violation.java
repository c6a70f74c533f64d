package app.clientdesk.shared.validation;

import java.util.List;
import java.util.Objects;

/**
 * One broken rule about one field, named by a message key so each screen and API response can say it
 * in the reader's language. {@code field} uses the API's camelCase name, with {@code contacts[0].email}
 * for nested items.
 */
public record Violation(String field, String messageKey, List<Object> args) {

    public Violation {
        Objects.requireNonNull(field);
        Objects.requireNonNull(messageKey);
        args = List.copyOf(args);
    }

    public static Violation of(String field, String messageKey, Object... args) {
        return new Violation(field, messageKey, List.of(args));
    }
}
