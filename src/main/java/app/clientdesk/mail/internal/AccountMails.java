package app.clientdesk.mail.internal;

import app.clientdesk.identity.OwnerEmailConfirmationRequested;
import app.clientdesk.identity.SignUpForExistingAccount;
import app.clientdesk.mail.Outbox;
import app.clientdesk.mail.OutgoingMail;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The messages about a person's own account that identity asks for: the link confirming an owner's address and
 * "you already have an account". Handled in the publisher's transaction (a plain, synchronous listener), so
 * the message is queued if and only if what caused it is saved.
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
        Locale locale = event.locale();
        Object[] args = {event.displayName(), event.link()};
        outbox.enqueueToAccount(event.workspaceId(), OutgoingMail.text(List.of(event.email()),
                texts.getMessage("mail.account.confirm.subject", args, locale),
                texts.getMessage("mail.account.confirm.text", args, locale)));
    }

    @EventListener
    void on(SignUpForExistingAccount event) {
        Locale locale = event.locale();
        Object[] args = {event.displayName(), event.signInLink()};
        outbox.enqueueToAccount(event.workspaceId(), OutgoingMail.text(List.of(event.email()),
                texts.getMessage("mail.account.exists.subject", args, locale),
                texts.getMessage("mail.account.exists.text", args, locale)));
    }
}
