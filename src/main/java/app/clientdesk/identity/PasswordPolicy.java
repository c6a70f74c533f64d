package app.clientdesk.identity;

import app.clientdesk.shared.validation.Violations;

/** Long passwords beat clever ones: at least 12 characters, at most 200, not only spaces. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;

    private PasswordPolicy() {}

    public static void check(String field, String password, Violations violations) {
        if (password == null || password.isBlank()) {
            violations.add(field, "validation.password.required");
        } else if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            violations.add(field, "validation.password.tooShort", MIN_LENGTH);
        } else if (password.length() > MAX_LENGTH) {
            violations.add(field, "validation.password.tooLong", MAX_LENGTH);
        }
    }
}
