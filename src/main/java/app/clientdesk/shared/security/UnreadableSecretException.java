package app.clientdesk.shared.security;

/** A sealed value that does not open: another key, altered, moved to another context, or never sealed. */
public class UnreadableSecretException extends RuntimeException {

    public UnreadableSecretException(String message) {
        super(message);
    }
}
