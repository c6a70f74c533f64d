package app.clientdesk.identity.internal;

import app.clientdesk.shared.text.Text;
import app.clientdesk.shared.validation.Emails;
import app.clientdesk.shared.validation.Violations;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The rules for a name and a new account's email, shared by sign-up, invitations and added accounts. */
public final class PersonFields {

    public static final int MAX_NAME = 120;

    private PersonFields() {}

    /**
     * The name cleaned by {@link Text#name} (NFC, no control, bidirectional or invisible characters); a blank or
     * over-long one is reported under {@code field}.
     */
    public static String name(String field, @Nullable String value, Violations violations) {
        String name = Text.name(value);
        if (name.isEmpty()) {
            violations.add(field, "validation.required");
        } else if (name.length() > MAX_NAME) {
            violations.add(field, "validation.tooLong", MAX_NAME);
        }
        return name;
    }

    /** The normalised email if it is well formed and no account uses it yet; otherwise reported. */
    public static Optional<String> newEmail(String field, @Nullable String value, IdentityStore people,
            Violations violations) {
        var email = Emails.normalise(value);
        if (email.isEmpty()) {
            violations.add(field, "validation.email");
        } else if (people.emailTaken(email.get())) {
            violations.add(field, "identity.email.taken");
            return Optional.empty();
        }
        return email;
    }
}
