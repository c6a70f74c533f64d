package app.clientdesk.portal;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.Clients;
import app.clientdesk.clients.Contact;
import app.clientdesk.identity.ContactLogins;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.intake.Mailboxes;
import app.clientdesk.identity.WorkspaceSettings;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.mail.MailHeaders;
import app.clientdesk.mail.Outbox;
import app.clientdesk.mail.OutgoingMail;
import app.clientdesk.requests.Author;
import app.clientdesk.requests.AuthorKind;
import app.clientdesk.requests.Request;
import app.clientdesk.requests.RequestDetail;
import app.clientdesk.requests.RequestMessage;
import app.clientdesk.requests.RequestMessageAdded;
import app.clientdesk.requests.RequestSource;
import app.clientdesk.requests.RequestSubmitted;
import app.clientdesk.requests.Requests;
import app.clientdesk.shared.i18n.Languages;
import app.clientdesk.shared.web.PublicUrls;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Email to a client about their requests, through the outbox, in the same transaction as what causes it (a plain
 * listener of the requests module's events, as {@link ApprovalMails}): a rollback queues nothing.
 *
 * <ul>
 *   <li>The VA's answer the client sees (not an internal note) goes to the request's author if they are a contact
 *       of the client or wrote by email; for a request the VA entered by hand, to the client's primary contact and
 *       the contacts with open portal access. One email per language, sent under the workspace's name, with the
 *       answer, a link to the request in the portal (for contacts who have the portal) and threading headers; its
 *       Message-ID is recorded on the answer ({@link Requests#recordEmailMessageId}), so the client's reply by
 *       email threads back, as does the "[#12-token]" in its subject.</li>
 *   <li>A request submitted in the portal or by email gets one acknowledgement to its author, with the due time of
 *       the first answer in the client's time zone when the client has a response commitment, marked
 *       {@code Auto-Submitted: auto-replied}.</li>
 * </ul>
 *
 * Both carry Reply-To: the workspace's intake mailbox when one is read ({@link Mailboxes#intakeAddress}), so the
 * client's reply comes back onto the request; without one, no Reply-To (replies go to the sender address).
 *
 * A message the outbox refuses (the owner has not confirmed their address, the day's messages are used up) is not
 * sent, and the VA's answer is saved all the same.
 */
@Component
class RequestMails {

    private final Requests requests;
    private final Clients clients;
    private final Workspaces workspaces;
    private final PortalStore portal;
    private final ContactLogins logins;
    private final Outbox outbox;
    private final PublicUrls urls;
    private final MessageSource texts;
    private final Mailboxes mailboxes;

    RequestMails(Requests requests, Clients clients, Workspaces workspaces, PortalStore portal, ContactLogins logins,
            Outbox outbox, PublicUrls urls, MessageSource texts, Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
        this.requests = requests;
        this.clients = clients;
        this.workspaces = workspaces;
        this.portal = portal;
        this.logins = logins;
        this.outbox = outbox;
        this.urls = urls;
        this.texts = texts;
    }

    /** One person the email goes to, in their language, with or without the portal. */
    private record Recipient(String email, @Nullable String name, Locale locale, boolean portal) {
    }

    /** The subject's marker that threads an email reply back: "[#12-token]" (what the email intake looks for). */
    static String marker(Request request) {
        return "[#" + request.number() + "-" + request.replyToken() + "]";
    }

    /** The Message-ID of a request's acknowledgement: the root of its thread (fixed, so replies can name it). */
    String rootId(Request request) {
        String generated = outbox.newMessageId();
        return "<request-" + request.id().value() + generated.substring(generated.indexOf('@'));
    }

    @EventListener
    void answered(RequestMessageAdded added) {
        if (!added.visibleToClient() || added.author().kind() != AuthorKind.USER) {
            return;
        }
        WorkspaceId ws = added.workspace();
        Optional<RequestDetail> found = requests.findForClient(ws, added.client(), added.request());
        Optional<Client> client = clients.find(ws, added.client());
        if (found.isEmpty() || client.isEmpty()) {
            return;
        }
        Request request = found.get().request();
        List<RequestMessage> messages = found.get().messages();
        RequestMessage answer = messages.stream().filter(m -> m.id().equals(added.message())).findFirst().orElse(null);
        if (answer == null || messages.get(0).id().equals(answer.id())) {
            // The first message is the request itself (one the VA entered by hand is the client's words): no answer.
            return;
        }
        WorkspaceSettings settings = workspaces.settings(ws);
        List<Recipient> recipients = recipients(ws, client.get(), request.author(), settings, true);
        if (recipients.isEmpty()) {
            return;
        }
        // The thread: the root (the acknowledgement a portal or email request got), then the earlier messages'
        // Message-IDs (the client's emails, our earlier answers) in order; this answer replies to the last one.
        List<String> earlier = new ArrayList<>();
        for (RequestMessage m : messages) {
            if (m.id().equals(answer.id())) {
                break;
            }
            if (MailHeaders.isMessageId(m.emailMessageId())) {
                earlier.add(m.emailMessageId().strip());
            }
        }
        List<String> references = new ArrayList<>(earlier);
        if (request.source() != RequestSource.MANUAL) {
            // An email request's first message is the client's email, which our acknowledgement answered.
            boolean firstIsEmail = request.source() == RequestSource.EMAIL && !earlier.isEmpty()
                    && earlier.get(0).equals(strippedOrNull(messages.get(0).emailMessageId()));
            references.add(firstIsEmail ? 1 : 0, rootId(request));
        }
        String inReplyTo = !earlier.isEmpty() ? earlier.get(earlier.size() - 1)
                : references.isEmpty() ? null : references.get(references.size() - 1);

        String recorded = null;
        for (Map.Entry<GroupKey, List<Recipient>> group : byLanguage(recipients).entrySet()) {
            Locale locale = group.getKey().locale();
            String link = group.getKey().portal() ? urls.to("/portal/requests/{id}", request.id().value()) : null;
            String subject = marker(request) + " " + texts.getMessage("requests.mail.answer.subject",
                    new Object[] {request.subject()}, locale);
            String intro = texts.getMessage("requests.mail.answer.intro",
                    new Object[] {settings.name(), "#" + request.number(), request.subject()}, locale);
            String text = body(intro, answer.body(), link, null, settings.name(), locale);
            String html = html(intro, answer.body(), link, null, settings.name(), locale);
            String messageId = outbox.newMessageId();
            MailHeaders headers = new MailHeaders(messageId, inReplyTo, references, null);
            Optional<UUID> queued = outbox.offerAs(ws, settings.name(), new OutgoingMail(
                    group.getValue().stream().map(Recipient::email).toList(), replyTo(ws), subject, text, html,
                    List.of(), "request-answer:" + answer.id()), headers);
            if (queued.isPresent() && recorded == null) {
                recorded = messageId;
            }
        }
        if (recorded != null) {
            requests.recordEmailMessageId(ws, answer.id(), recorded);
        }
    }

    @EventListener
    void submitted(RequestSubmitted submitted) {
        if (submitted.source() == RequestSource.MANUAL) {
            return;
        }
        WorkspaceId ws = submitted.workspace();
        String reference = "request-ack:" + submitted.request().value();
        if (!outbox.forReference(ws, reference).isEmpty()) {
            return;
        }
        Optional<RequestDetail> found = requests.findForClient(ws, submitted.client(), submitted.request());
        Optional<Client> client = clients.find(ws, submitted.client());
        if (found.isEmpty() || client.isEmpty()) {
            return;
        }
        Request request = found.get().request();
        WorkspaceSettings settings = workspaces.settings(ws);
        List<Recipient> recipients = recipients(ws, client.get(), request.author(), settings, false);
        if (recipients.isEmpty()) {
            return;
        }
        Recipient to = recipients.get(0);
        Locale locale = to.locale();
        String link = to.portal() ? urls.to("/portal/requests/{id}", request.id().value()) : null;
        String subject = marker(request) + " " + texts.getMessage("requests.mail.ack.subject",
                new Object[] {request.subject()}, locale);
        String greeting = to.name() == null || to.name().isBlank()
                ? texts.getMessage("requests.mail.ack.helloNoName", null, locale)
                : texts.getMessage("requests.mail.ack.hello", new Object[] {to.name()}, locale);
        String received;
        if (request.firstResponseDueAt() != null) {
            String due = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(locale)
                    .format(request.firstResponseDueAt().atZone(client.get().zone()));
            received = texts.getMessage("requests.mail.ack.due", new Object[] {"#" + request.number(),
                request.subject(), due, client.get().zone().getId()}, locale);
        } else {
            received = texts.getMessage("requests.mail.ack.noClock", new Object[] {"#" + request.number(),
                request.subject()}, locale);
        }
        String intro = greeting + "\n\n" + received;
        String note = texts.getMessage("requests.mail.ack.automatic", null, locale);
        String first = found.get().messages().isEmpty() ? null : found.get().messages().get(0).emailMessageId();
        List<String> references = new ArrayList<>();
        String inReplyTo = null;
        if (MailHeaders.isMessageId(first)) {
            inReplyTo = first.strip();
            references.add(inReplyTo);
        }
        MailHeaders headers = new MailHeaders(rootId(request), inReplyTo, references, MailHeaders.AUTO_REPLIED);
        outbox.offerAs(ws, settings.name(), new OutgoingMail(List.of(to.email()), replyTo(ws), subject,
                body(intro, null, link, note, settings.name(), locale),
                html(intro, null, link, note, settings.name(), locale), List.of(), reference), headers);
    }

    /**
     * Who hears about the request: its author when they are the client's contact (or wrote by email); else, or for
     * an answer on a request the VA entered, the primary contact and the contacts with the portal open. At most
     * {@link OutgoingMail#MAX_RECIPIENTS}, each once.
     */
    private List<Recipient> recipients(WorkspaceId ws, Client client, Author author, WorkspaceSettings settings,
            boolean fallBackToContacts) {
        Map<String, Recipient> found = new LinkedHashMap<>();
        Contact authorContact = author.contactId() == null ? null : client.contacts().stream()
                .filter(c -> c.id().equals(author.contactId())).findFirst().orElse(null);
        if (authorContact != null && hasEmail(authorContact)) {
            add(found, recipient(ws, client, authorContact, settings));
        } else if (author.kind() != AuthorKind.USER && author.email() != null && !author.email().isBlank()) {
            Optional<Contact> byEmail = client.contacts().stream().filter(RequestMails::hasEmail)
                    .filter(c -> c.email().strip().equalsIgnoreCase(author.email().strip())).findFirst();
            add(found, byEmail.map(c -> recipient(ws, client, c, settings)).orElseGet(() ->
                    new Recipient(author.email().strip(), author.name(), language(client, settings), false)));
        }
        if (found.isEmpty() && fallBackToContacts) {
            for (Contact contact : client.contacts()) {
                if (!hasEmail(contact)) {
                    continue;
                }
                Recipient r = recipient(ws, client, contact, settings);
                if (contact.primary() || r.portal()) {
                    add(found, r);
                }
            }
        }
        return found.values().stream().limit(OutgoingMail.MAX_RECIPIENTS).toList();
    }

    /**
     * Where the client's answer should go: the workspace's intake mailbox when one is read, so that the reply (with
     * the "[#12-token]" subject and the threading headers) comes back as a message on the request; else none, and
     * replies go to the sender address.
     */
    private @Nullable String replyTo(WorkspaceId ws) {
        return mailboxes.intakeAddress(ws).orElse(null);
    }

    private static void add(Map<String, Recipient> found, Recipient recipient) {
        found.putIfAbsent(recipient.email().toLowerCase(Locale.ROOT), recipient);
    }

    /** A contact in the language of their portal account, else the client's, else the workspace's. */
    private Recipient recipient(WorkspaceId ws, Client client, Contact contact, WorkspaceSettings settings) {
        Optional<PortalStore.Access> access = portal.byContact(ws, contact.id())
                .filter(a -> a.clientId().equals(client.id().value()));
        boolean open = access.filter(a -> a.revokedAt() == null && a.clientArchivedAt() == null).isPresent();
        Locale locale = access.flatMap(a -> logins.locale(a.userId())).map(Languages::supportedOrDefault)
                .orElseGet(() -> language(client, settings));
        return new Recipient(contact.email().strip(), contact.name(), locale, open);
    }

    private static Locale language(Client client, WorkspaceSettings settings) {
        return Languages.match(client.locale()).or(() -> Languages.match(settings.locale()))
                .orElse(Languages.ENGLISH);
    }

    private static @Nullable String strippedOrNull(@Nullable String value) {
        return value == null ? null : value.strip();
    }

    private static boolean hasEmail(Contact contact) {
        return contact.email() != null && !contact.email().isBlank();
    }

    private record GroupKey(Locale locale, boolean portal) {
    }

    private static Map<GroupKey, List<Recipient>> byLanguage(List<Recipient> recipients) {
        Map<GroupKey, List<Recipient>> groups = new LinkedHashMap<>();
        for (Recipient r : recipients) {
            groups.computeIfAbsent(new GroupKey(r.locale(), r.portal()), k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    private String body(String intro, @Nullable String quoted, @Nullable String link, @Nullable String note,
            String sender, Locale locale) {
        StringBuilder text = new StringBuilder(intro).append("\n\n");
        if (quoted != null) {
            text.append(quoted).append("\n\n");
        }
        if (link != null) {
            text.append(texts.getMessage("requests.mail.portalLink", new Object[] {link}, locale)).append("\n\n");
        }
        if (note != null) {
            text.append(note).append("\n\n");
        }
        return text.append("— ").append(sender).append("\n").toString();
    }

    /** The same as {@link #body}, as simple HTML built from escaped text. */
    private String html(String intro, @Nullable String quoted, @Nullable String link, @Nullable String note,
            String sender, Locale locale) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append(escape(locale.toLanguageTag())).append("\"><body style=\"font-family: sans-serif;\">");
        html.append(paragraphs(intro));
        if (quoted != null) {
            html.append("<blockquote style=\"margin: 1em 0; padding-left: 1em; border-left: 3px solid #ccc;\">")
                    .append(paragraphs(quoted)).append("</blockquote>");
        }
        if (link != null) {
            String line = texts.getMessage("requests.mail.portalLink", new Object[] {"\u0000"}, locale);
            int at = line.indexOf('\u0000');
            html.append("<p>").append(escape(line.substring(0, at))).append("<a href=\"").append(escape(link))
                    .append("\">").append(escape(link)).append("</a>").append(escape(line.substring(at + 1)))
                    .append("</p>");
        }
        if (note != null) {
            html.append("<p style=\"color: #666;\">").append(escape(note)).append("</p>");
        }
        return html.append("<p>— ").append(escape(sender)).append("</p></body></html>").toString();
    }

    private static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.split("\n\\s*\n")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(escape(paragraph.strip()).replace("\n", "<br>")).append("</p>");
            }
        }
        return html.toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
