package app.clientdesk.shared.validation;

import java.util.List;

/**
 * Input broke one or more rules; nothing was saved. Screens show each violation beside its field,
 * the API answers 400 with a problem detail listing them.
 */
public class InvalidInputException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super("Invalid input: " + violations.stream().map(v -> v.field() + " " + v.messageKey()).toList());
        this.violations = List.copyOf(violations);
    }

    public static InvalidInputException of(String field, String messageKey, Object... args) {
        return new InvalidInputException(List.of(Violation.of(field, messageKey, args)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
