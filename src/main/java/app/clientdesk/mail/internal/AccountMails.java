package app.clientdesk.mail.internal;

import app.clientdesk.identity.OwnerEmailConfirmationRequested;
import app.clientdesk.identity.PasswordResetRequested;
import app.clientdesk.identity.PasswordResets;
import app.clientdesk.identity.SignUpForExistingAccount;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.mail.Outbox;
import app.clientdesk.mail.OutgoingMail;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every message about a person's own account that identity asks for (identity cannot call mail: mail depends on
 * it, so it publishes an event): the link confirming an owner's address, "you already have an account" and the
 * "forgot password" link. Each goes in the person's language, as account mail (it goes even from a workspace
 * whose owner has not confirmed yet, and does not count against the day's limit). Handled in the publisher's
 * transaction (a plain, synchronous listener), so the message is queued if and only if what caused it is saved.
 */
@Component
class AccountMails {

    private final Outbox outbox;
    private final MessageSource texts;

    AccountMails(Outbox outbox, MessageSource texts) {
        this.outbox = outbox;
        this.texts = texts;
    }

    @EventListener
    void on(OwnerEmailConfirmationRequested event) {
        queue(event.workspaceId(), event.email(), event.locale(), "mail.account.confirm", null,
                event.displayName(), event.link());
    }

    @EventListener
    void on(SignUpForExistingAccount event) {
        queue(event.workspaceId(), event.email(), event.locale(), "mail.account.exists", null,
                event.displayName(), event.signInLink());
    }

    @EventListener
    void on(PasswordResetRequested event) {
        queue(event.workspaceId(), event.email(), event.locale(), "passwordReset.mail", "password-reset",
                event.displayName(), event.link(), PasswordResets.LINK_VALID.toMinutes());
    }

    /** The message {@code key}.subject / {@code key}.text with {@code args}, to one account's address. */
    private void queue(WorkspaceId workspace, String email, Locale locale, String key, @Nullable String reference,
            Object... args) {
        outbox.enqueueToAccount(workspace, new OutgoingMail(List.of(email), null,
                texts.getMessage(key + ".subject", args, locale), texts.getMessage(key + ".text", args, locale),
                null, List.of(), reference));
    }
}
