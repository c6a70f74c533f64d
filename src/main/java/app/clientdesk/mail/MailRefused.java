package app.clientdesk.mail;

import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violation;
import java.util.List;

/**
 * The outbox would not take a message: the workspace's owner has not confirmed their address and the message
 * is for someone else, or the workspace reached its messages for the day. Nothing was queued; what was queued
 * before stays. Reported on the {@code to} field, like any other recipient problem.
 */
public class MailRefused extends InvalidInputException {

    MailRefused(String messageKey, Object... args) {
        super(List.of(Violation.of("to", messageKey, args)));
    }
}
