package app.clientdesk.mail.internal;

import app.clientdesk.identity.AccountMail;
import app.clientdesk.identity.PasswordResets;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.mail.Outbox;
import app.clientdesk.mail.OutgoingMail;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Puts identity's account emails (a forgot-password link) in the outbox, in the person's language. */
@Component
class AccountMailSender implements AccountMail {

    private final Outbox outbox;
    private final MessageSource texts;

    AccountMailSender(Outbox outbox, MessageSource texts) {
        this.outbox = outbox;
        this.texts = texts;
    }

    @Override
    public void passwordReset(WorkspaceId workspace, String email, String displayName, Locale locale, String link) {
        String subject = texts.getMessage("passwordReset.mail.subject", null, locale);
        String text = texts.getMessage("passwordReset.mail.text",
                new Object[] {displayName, link, PasswordResets.LINK_VALID.toMinutes()}, locale);
        // Mail about a person's own account: it goes even from a workspace whose owner has not confirmed yet.
        outbox.enqueueToAccount(workspace, new OutgoingMail(List.of(email), null, subject, text, null, List.of(),
                "password-reset"));
    }
}
