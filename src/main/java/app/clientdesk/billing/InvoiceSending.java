package app.clientdesk.billing;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.Clients;
import app.clientdesk.clients.Contact;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.mail.MailAttachment;
import app.clientdesk.mail.Outbox;
import app.clientdesk.mail.OutboxMessage;
import app.clientdesk.mail.OutgoingMail;
import app.clientdesk.shared.api.Idempotency;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violation;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Sending an invoice by email with its PDF attached, through the transactional outbox: the message is written
 * in the same transaction that marks the invoice sent, so a crash after the commit loses no email (the outbox
 * delivers it, with retries) and a failure before it leaves the invoice as it was. Without SMTP set up the
 * message waits in the outbox. The text is in the invoice's language; the owner may change it before sending.
 */
@Service
public class InvoiceSending {

    private final Invoices invoices;
    private final InvoiceStore store;
    private final InvoicePdfs pdfs;
    private final Outbox outbox;
    private final Clients clients;
    private final Workspaces workspaces;
    private final BillingSettingsStore settings;
    private final MessageSource messages;
    private final Idempotency idempotency;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    InvoiceSending(Invoices invoices, InvoiceStore store, InvoicePdfs pdfs, Outbox outbox, Clients clients,
            Workspaces workspaces, BillingSettingsStore settings, MessageSource messages, Idempotency idempotency,
            Clock clock, org.springframework.transaction.support.TransactionTemplate transactions) {
        this.transactions = transactions;
        this.idempotency = idempotency;
        this.invoices = invoices;
        this.store = store;
        this.pdfs = pdfs;
        this.outbox = outbox;
        this.clients = clients;
        this.workspaces = workspaces;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    /** The message as it will go: recipients (comma-separated), subject and text. */
    public record Message(String to, String subject, String text) {
    }

    /** What the send form starts with: the client's primary contact, and the text in the invoice's language. */
    public Message draft(CurrentUser viewer, Invoice invoice) {
        viewer.requireOwner();
        WorkspaceId ws = viewer.workspaceId();
        Client client = clients.get(viewer, invoice.clientId());
        String to = client.primaryContact().map(Contact::email).filter(e -> e != null && !e.isBlank()).orElse("");
        String contact = client.primaryContact().map(Contact::name).orElse(client.name());
        Locale locale = Locale.forLanguageTag(invoice.language());
        String business = workspaces.settings(ws).name();
        String kind = messages.getMessage("billing.mail.kind." + invoice.kind().name(), null, locale);
        String number = invoice.number() == null ? "" : invoice.number();
        String subject = messages.getMessage("billing.mail.subject", new Object[] {kind, number, business}, locale);
        StringBuilder text = new StringBuilder(messages.getMessage("billing.mail.greeting", new Object[] {contact}, locale))
                .append("\n\n");
        if (invoice.kind() == InvoiceKind.CREDIT_NOTE) {
            text.append(messages.getMessage("billing.mail.creditNote", new Object[] {number,
                    invoice.creditForNumber() == null ? "" : invoice.creditForNumber()}, locale));
        } else {
            DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
            String lower = messages.getMessage("billing.mail.kindInText." + invoice.kind().name(), null, locale);
            text.append(messages.getMessage("billing.mail.body", new Object[] {lower, number,
                    invoice.total().format(locale),
                    invoice.dueDate() == null ? "" : date.format(invoice.dueDate())}, locale));
            String instructions = settings.get(ws).paymentInstructions();
            if (instructions != null && !instructions.isBlank()) {
                text.append("\n\n").append(messages.getMessage("reminders.howToPay", null, locale)).append("\n")
                        .append(instructions.strip());
            }
        }
        text.append("\n\n").append(messages.getMessage("billing.mail.thanks", null, locale)).append("\n")
                .append(business).append("\n");
        return new Message(to, subject, text.toString());
    }

    /**
     * Sends an issued invoice (or credit note) to {@code message.to} with its PDF; an invoice sent for the first
     * time becomes SENT. A draft or a voided invoice is not sent. Returns the outbox message's id.
     */
    public java.util.UUID send(CurrentUser viewer, InvoiceId id, Message message) {
        return send(viewer, id, message, null);
    }

    /** How often a send runs again when a call with the same key held its row (it then answers that call's result). */
    private static final int ATTEMPTS = 5;

    /**
     * As {@link #send(CurrentUser, InvoiceId, Message)}; with a {@code requestKey} (the form's one-time key, the
     * API's Idempotency-Key) seen before for this invoice, nothing is sent again and the first message's id is
     * answered, so a double click emails the client once. The PDF is rendered before the transaction: the key's row
     * is locked only for the few statements that queue the message, so retries with the same key wait briefly for
     * the first and answer its result instead of timing out while it renders.
     */
    public java.util.UUID send(CurrentUser viewer, InvoiceId id, Message message, @Nullable String requestKey) {
        viewer.requireOwner();
        WorkspaceId ws = viewer.workspaceId();
        java.util.Optional<java.util.UUID> done = idempotency.answered(ws.value(), "invoice.send", requestKey, id.toString());
        if (done.isPresent()) {
            return done.get();
        }
        InvoicePdfs.Pdf pdf = pdfs.file(ws, id);
        for (int attempt = 1;; attempt++) {
            try {
                return transactions.execute(status -> idempotency.once(ws.value(), "invoice.send", requestKey, id.toString(),
                        () -> queue(viewer, id, message, pdf)).resourceId());
            } catch (Idempotency.Retry | org.springframework.dao.PessimisticLockingFailureException e) {
                if (requestKey == null || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private java.util.UUID queue(CurrentUser viewer, InvoiceId id, Message message, InvoicePdfs.Pdf pdf) {
        WorkspaceId ws = viewer.workspaceId();
        InvoiceStatus status = store.lock(ws, id.value()).orElseThrow(
                () -> new app.clientdesk.shared.web.NotFoundException("invoice"));
        if (status == InvoiceStatus.DRAFT || status == InvoiceStatus.VOID) {
            throw InvalidInputException.of("invoice", "billing.send.notIssued");
        }
        Invoice invoice = invoices.get(viewer, id);
        List<String> to = Arrays.stream(message.to() == null ? new String[0] : message.to().split("[,;\\s]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        OutgoingMail mail;
        try {
            mail = new OutgoingMail(to, viewer.email(), message.subject() == null ? "" : message.subject(),
                    message.text() == null ? "" : message.text(), null,
                    List.of(new MailAttachment(pdf.fileName(), "application/pdf", pdf.bytes())), "invoice:" + id);
        } catch (InvalidInputException e) {
            // The outbox names fields as a message does; the form's are to, subject and text.
            throw new InvalidInputException(e.violations().stream()
                    .map(v -> new Violation(v.field().startsWith("to[") ? "to" : v.field(), v.messageKey(), v.args()))
                    .toList());
        }
        java.util.UUID queued = outbox.enqueue(ws, mail);
        store.sent(ws, id.value(), clock.instant());
        store.event(ws, id.value(), "SENT", String.join(", ", mail.to()), viewer.id().value(), clock.instant(), queued);
        return queued;
    }

    /** The invoice's messages in the outbox (sent, reminders), newest first. */
    public List<OutboxMessage> messages(CurrentUser viewer, InvoiceId id) {
        viewer.requireOwner();
        return outbox.forReference(viewer.workspaceId(), "invoice:" + id);
    }

    public boolean mailConfigured() {
        return outbox.mailConfigured();
    }

    /** For the API: the message as drafted, with what the caller sent in its place. */
    public Message merge(Message drafted, @Nullable String to, @Nullable String subject, @Nullable String text) {
        return new Message(to != null ? to : drafted.to(), subject != null ? subject : drafted.subject(),
                text != null ? text : drafted.text());
    }
}
