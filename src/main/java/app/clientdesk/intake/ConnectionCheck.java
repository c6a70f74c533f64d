package app.clientdesk.intake;

import java.util.List;

/**
 * What "test connection" found: success (with the number of messages in the folder) or what went wrong, as a
 * message key ({@code intake.test.*}) and its arguments.
 */
public record ConnectionCheck(boolean ok, String messageKey, List<Object> arguments) {

    public ConnectionCheck {
        arguments = List.copyOf(arguments);
    }

    static ConnectionCheck ok(int messages) {
        return new ConnectionCheck(true, "intake.test.ok", List.of(messages));
    }

    static ConnectionCheck failed(String key, Object... arguments) {
        return new ConnectionCheck(false, key, List.of(arguments));
    }
}
