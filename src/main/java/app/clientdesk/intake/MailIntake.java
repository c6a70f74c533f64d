package app.clientdesk.intake;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.clients.ContactMatch;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.requests.EmailSubmission;
import app.clientdesk.requests.NewAttachment;
import app.clientdesk.requests.Requests;
import app.clientdesk.shared.web.RequestMemo;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Reads each enabled workspace's mailbox: the messages with a UID above the last one read in the folder's current
 * UIDVALIDITY (all of them again when it changed: the Message-ID key then skips those already read), in batches.
 * Each message is claimed in the database in the same transaction that hands it on (a batch of up to {@link #BATCH}
 * messages in one transaction, each in its own savepoint), so two nodes, or a run after a crash, never handle it
 * twice: mail from a known contact (of a client not archived) goes to
 * {@link Requests#receiveEmail}, mail from anyone else to the review list, auto-replies and bounces nowhere. What
 * cannot be kept (a file refused, a message over the size limit) is written into the request as a note.
 *
 * <p>A server that cannot be reached is tried again later, waiting longer each time (up to an hour); a message
 * that cannot be read is tried again up to {@link #MAX_ATTEMPTS} times and then left (with its error) for a
 * person, without stopping the others.
 */
@Service
public class MailIntake {

    static final int BATCH = 100;
    static final int MAX_ATTEMPTS = 5;
    /** Most bytes of message sources asked for in one command. */
    static final long BATCH_BYTES = 16L * 1024 * 1024;
    static final String TOO_LARGE = "too large, bytes: ";

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

    private final IntakeStore store;
    private final ImapConnector connector;
    private final Requests requests;
    private final Clients clients;
    private final Workspaces workspaces;
    private final MessageSource texts;
    private final TransactionTemplate tx;
    /** A savepoint inside {@link #tx}; a transaction of its own outside one. */
    private final TransactionTemplate nested;
    private final Clock clock;
    private final long maxMessageBytes;

    MailIntake(IntakeStore store, ImapConnector connector, Requests requests, Clients clients, Workspaces workspaces,
            MessageSource texts, PlatformTransactionManager transactions, Clock clock,
            @Value("${clientdesk.intake.max-message-size:25MB}") DataSize maxMessageSize) {
        this.store = store;
        this.connector = connector;
        this.requests = requests;
        this.clients = clients;
        this.workspaces = workspaces;
        this.texts = texts;
        this.tx = new TransactionTemplate(transactions);
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
        this.maxMessageBytes = maxMessageSize.toBytes();
    }

    /** What one reading of a mailbox did. */
    public record PollResult(int requests, int review, int ignored, int failed, int skipped, @Nullable String error,
            long imapMillis, long storeMillis) {
        public static PollResult none() {
            return new PollResult(0, 0, 0, 0, 0, null, 0, 0);
        }
    }

    /** Reads every enabled mailbox that is due; one failing never stops the others. */
    public int pollAll() {
        int handled = 0;
        for (WorkspaceId workspace : store.due(clock.instant(), 1_000)) {
            try {
                PollResult result = poll(workspace);
                handled += result.requests() + result.review() + result.ignored();
            } catch (RuntimeException e) {
                log.warn("Could not read the mailbox of workspace {}", workspace.value(), e);
            }
        }
        return handled;
    }

    /** Reads one workspace's mailbox now (when enabled). */
    public PollResult poll(WorkspaceId workspace) {
        Mailbox box = store.mailbox(workspace).filter(Mailbox::enabled).orElse(null);
        if (box == null) {
            return PollResult.none();
        }
        Counts counts = new Counts();
        Locale locale = Locale.forLanguageTag(workspaces.settings(workspace).locale());
        MailParser parser = parser();
        try (Store imap = connector.connect(box)) {
            Folder folder = imap.getFolder(box.folder());
            folder.open(Folder.READ_ONLY);
            try {
                UIDFolder uids = (UIDFolder) folder;
                long validity = uids.getUIDValidity();
                long last = Objects.equals(box.uidValidity(), validity) ? box.lastUid() : 0;
                retry(box, folder, uids, validity, parser, locale, counts);
                Message[] fresh = uids.getMessagesByUID(last + 1, UIDFolder.MAXUID);
                FetchProfile profile = new FetchProfile();
                profile.add(UIDFolder.FetchProfileItem.UID);
                profile.add(FetchProfile.Item.SIZE);
                for (int from = 0; from < fresh.length; from += BATCH) {
                    Message[] batch = Arrays.copyOfRange(fresh, from, Math.min(fresh.length, from + BATCH));
                    long started = System.nanoTime();
                    folder.fetch(batch, profile);
                    List<Long> above = new ArrayList<>();
                    for (Message message : batch) {
                        long uid = uids.getUID(message);
                        if (uid > last) { // The server answers "n:*" with the last message even when n is above it.
                            above.add(uid);
                        }
                    }
                    Set<Long> seen = store.seen(workspace, validity, above);
                    // Whole sources of the messages to read, a few commands a batch instead of one per message.
                    Map<Long, Integer> wanted = new LinkedHashMap<>();
                    for (Message message : batch) {
                        long uid = uids.getUID(message);
                        if (uid > last && !seen.contains(uid) && message.getSize() <= maxMessageBytes) {
                            wanted.put(uid, message.getSize());
                        }
                    }
                    Map<Long, byte[]> sources = sources(folder, wanted, box);
                    counts.imapNanos += System.nanoTime() - started;
                    long max = last;
                    List<Read> read = new ArrayList<>();
                    for (Message message : batch) {
                        long uid = uids.getUID(message);
                        if (uid <= last) {
                            continue;
                        }
                        if (seen.contains(uid)) {
                            counts.skipped++;
                        } else {
                            Read one = read(box, validity, uid, message, sources.get(uid), 0, parser, counts);
                            if (one != null) {
                                read.add(one);
                            }
                        }
                        max = Math.max(max, uid);
                    }
                    // Only once the batch is stored (or its failures recorded) does the reading move past it.
                    store(box, validity, read, locale, counts);
                    if (max > last) {
                        store.advance(workspace, validity, max);
                    }
                }
                if (fresh.length == 0 && !Objects.equals(box.uidValidity(), validity)) {
                    store.advance(workspace, validity, 0);
                }
            } finally {
                folder.close(false);
            }
            store.polled(workspace, clock.instant(), null);
            if (counts.requests + counts.review + counts.ignored + counts.failed > 0) {
                log.info("Read {}: {} request message(s), {} for review, {} ignored, {} failed ({} ms reading, {} ms"
                        + " storing)", box, counts.requests, counts.review, counts.ignored, counts.failed,
                        counts.imapNanos / 1_000_000, counts.storeNanos / 1_000_000);
            }
        } catch (MessagingException | RuntimeException e) {
            String reason = ImapConnector.reason(e);
            Instant now = clock.instant();
            long minutes = Math.min(60, 1L << Math.min(6, box.failures()));
            store.pollFailed(workspace, reason + ": " + e.getMessage(), now, now.plus(Duration.ofMinutes(minutes)));
            log.warn("Could not read {} ({}): {}", box, reason, e.toString());
            return counts.result(reason);
        }
        return counts.result(null);
    }

    private void retry(Mailbox box, Folder folder, UIDFolder uids, long validity, MailParser parser, Locale locale,
            Counts counts) throws MessagingException {
        for (long uid : store.retriesDue(box.workspace(), validity, clock.instant(), BATCH)) {
            int attempts = store.attempts(box.workspace(), validity, uid);
            Message message = uids.getMessageByUID(uid);
            if (message == null) {
                store.failed(box.workspace(), validity, uid, "the message is no longer in the folder", MAX_ATTEMPTS,
                        MAX_ATTEMPTS, clock.instant(), clock.instant());
                continue;
            }
            if (store.takeForRetry(box.workspace(), validity, uid)) {
                Read one = read(box, validity, uid, message, null, attempts, parser, counts);
                if (one != null) {
                    store(box, validity, List.of(one), locale, counts);
                }
            }
        }
    }

    /** A message read and parsed, to be stored with its batch; {@code attempts} counts this one. */
    private record Read(long uid, ParsedMail mail, byte @Nullable [] raw, int size, int attempts) {
    }

    /** What storing one message came to: DONE, REVIEW, IGNORED, SKIPPED (claimed elsewhere) or FAILED. */
    private record Stored(Read read, String state, @Nullable RuntimeException error) {
    }

    /**
     * Reads and parses one message not yet claimed; {@code source} is its whole source when fetched with its batch
     * (null: fetched here, or only its headers when it is over the size limit). A message that cannot be read is
     * recorded as failed (to be tried again) and gives null.
     */
    private @Nullable Read read(Mailbox box, long validity, long uid, Message message, byte @Nullable [] source,
            int priorAttempts, MailParser parser, Counts counts) {
        long started = System.nanoTime();
        try {
            int size = message.getSize();
            byte[] raw;
            MimeMessage mime;
            if (size > maxMessageBytes) {
                mime = (MimeMessage) message;
                raw = headers(mime);
            } else {
                raw = source != null ? source : bytes(message);
                mime = new MimeMessage(null, new ByteArrayInputStream(raw));
            }
            return new Read(uid, parser.parse(mime, size), raw, size, priorAttempts + 1);
        } catch (MessagingException | IOException | RuntimeException e) {
            failed(box, validity, uid, priorAttempts + 1, e, counts);
            return null;
        } finally {
            counts.imapNanos += System.nanoTime() - started;
        }
    }

    /**
     * Claims and hands on read messages in one transaction, each in its own savepoint: a message that fails (claimed
     * by another node meanwhile, refused by the requests module) is rolled back alone and recorded as failed, the
     * others stay. Each message's claim commits with what it caused, or neither does: when the transaction itself
     * fails, nothing of it stays and each message is stored again in a transaction of its own. The senders are
     * looked up once for the batch, and the clients, workspace settings and calendar read once (see {@link
     * RequestMemo#batch()}).
     */
    private void store(Mailbox box, long validity, List<Read> batch, Locale locale, Counts counts) {
        if (batch.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        WorkspaceId workspace = box.workspace();
        List<Stored> stored = null;
        try (RequestMemo.Batch memo = RequestMemo.batch()) {
            Map<String, List<ContactMatch>> senders = clients.contactsByEmails(workspace, batch.stream()
                    .filter(r -> r.mail().automatic() == null && r.mail().fromAddress() != null)
                    .map(r -> r.mail().fromAddress()).toList());
            if (batch.size() > 1) {
                try {
                    stored = tx.execute(status -> storeEach(workspace, validity, batch, senders, locale));
                } catch (RuntimeException e) {
                    log.warn("Could not store {} message(s) of {} together, storing them one by one: {}",
                            batch.size(), box, e.toString());
                }
            }
            if (stored == null) {
                // Outside a transaction, each savepoint of storeEach is a transaction of its own.
                stored = storeEach(workspace, validity, batch, senders, locale);
            }
        } catch (RuntimeException e) {
            // The senders could not be looked up: nothing was stored, every message is tried again.
            stored = batch.stream().map(r -> new Stored(r, "FAILED", e)).toList();
        }
        counts.storeNanos += System.nanoTime() - started;
        for (Stored one : stored) {
            switch (one.state()) {
                case "DONE" -> counts.requests++;
                case "REVIEW" -> counts.review++;
                case "IGNORED" -> counts.ignored++;
                case "SKIPPED" -> counts.skipped++; // Another node, or an earlier run, has it.
                default -> failed(box, validity, one.read().uid(), one.read().attempts(),
                        Objects.requireNonNull(one.error()), counts);
            }
        }
    }

    private List<Stored> storeEach(WorkspaceId workspace, long validity, List<Read> batch,
            Map<String, List<ContactMatch>> senders, Locale locale) {
        List<Stored> stored = new ArrayList<>();
        for (Read read : batch) {
            try {
                stored.add(new Stored(read, Objects.requireNonNull(nested.execute(
                        s -> route(workspace, validity, read, senders, locale))), null));
            } catch (DuplicateKeyException e) {
                stored.add(new Stored(read, "SKIPPED", null));
            } catch (RuntimeException e) {
                stored.add(new Stored(read, "FAILED", e));
            }
        }
        return stored;
    }

    /** Records a message that could not be taken, to be tried again later (or given up after the last attempt). */
    private void failed(Mailbox box, long validity, long uid, int attempts, Exception e, Counts counts) {
        WorkspaceId workspace = box.workspace();
        counts.failed++;
        Instant now = clock.instant();
        Instant next = now.plus(Duration.ofMinutes(Math.min(240, 5L << Math.min(6, attempts - 1))));
        try {
            tx.executeWithoutResult(s -> store.failed(workspace, validity, uid, e.toString(), attempts,
                    MAX_ATTEMPTS, now, next));
        } catch (RuntimeException again) {
            log.warn("Could not record the failure of message {} of {}", uid, box, again);
        }
        log.warn("Could not take message {} of {} (attempt {} of {}): {}", uid, box, attempts, MAX_ATTEMPTS,
                e.toString());
    }

    /**
     * Claims the message and hands it on, inside the caller's transaction; returns the state it was left in. The
     * claim is the row in its final state: one statement.
     */
    private String route(WorkspaceId workspace, long validity, Read read, Map<String, List<ContactMatch>> senders,
            Locale locale) {
        ParsedMail mail = read.mail();
        UUID id = UUID.randomUUID();
        List<ContactMatch> matches = mail.automatic() != null || mail.fromAddress() == null ? List.of()
                : senders.getOrDefault(mail.fromAddress().strip().toLowerCase(Locale.ROOT), List.of());
        String state = mail.automatic() != null ? "IGNORED" : matches.isEmpty() ? "REVIEW" : "DONE";
        Instant now = clock.instant();
        switch (state) {
            case "IGNORED" -> store.claim(id, workspace, validity, read.uid(), mail.messageId(), state, mail,
                    read.attempts(), now, mail.automatic(), null);
            // A message over the limit is kept as its headers and its size, to be a refusal note once assigned.
            case "REVIEW" -> store.claim(id, workspace, validity, read.uid(), mail.messageId(), state, mail,
                    read.attempts(), now, mail.tooLarge() ? TOO_LARGE + read.size() : null, read.raw());
            default -> {
                // Claimed after the request is made, in the same transaction: a claim that fails undoes the request.
                ContactMatch match = matches.get(0);
                Requests.Intake intake = submit(workspace, match.clientId(), match.contactId(), mail, locale);
                store.claim(id, workspace, validity, read.uid(), mail.messageId(), state, mail, read.attempts(), now,
                        intake.duplicate() ? "duplicate" : null, null, intake.request().value());
            }
        }
        return state;
    }

    /** Hands one email to the requests module, with a note for what could not be kept. Joins the caller's transaction. */
    Requests.Intake submit(WorkspaceId workspace, ClientId client, @Nullable UUID contact, ParsedMail mail,
            Locale locale) {
        StringBuilder text = new StringBuilder(mail.text().strip());
        for (ParsedMail.Refusal refusal : mail.refusals()) {
            if (!text.isEmpty()) {
                text.append(text.charAt(text.length() - 1) == ']' ? "\n" : "\n\n");
            }
            text.append('[').append(texts.getMessage(refusal.key(), refusal.arguments().toArray(), locale)).append(']');
        }
        List<NewAttachment> files = new ArrayList<>();
        for (ParsedMail.File file : mail.files()) {
            files.add(new NewAttachment(file.name(), new ByteArrayInputStream(file.content())));
        }
        return requests.receiveEmail(workspace, new EmailSubmission(client, contact,
                mail.fromAddress() == null ? "" : mail.fromAddress(), mail.subject(), text.toString(),
                mail.sanitizedHtml(), mail.messageId(), mail.inReplyTo(), mail.references(), mail.replyToken(),
                files, mail.fromName()));
    }

    MailParser parser() {
        return new MailParser(maxMessageBytes, requests.maxAttachmentBytes(), Requests.MAX_FILES, Requests.MAX_BODY);
    }

    long maxMessageBytes() {
        return maxMessageBytes;
    }

    /**
     * The whole sources of {@code wanted} (UID to size), by {@code UID FETCH … (UID BODY.PEEK[])} commands of up to
     * {@link #BATCH_BYTES} each (one message at least); the messages are not marked seen. A message missing from the
     * answer, or all of them when the command fails, is fetched again on its own (and fails there, to be retried).
     */
    private static Map<Long, byte[]> sources(Folder folder, Map<Long, Integer> wanted, Mailbox box) {
        Map<Long, byte[]> sources = new HashMap<>();
        if (!(folder instanceof IMAPFolder imap) || wanted.isEmpty()) {
            return sources;
        }
        List<List<Long>> commands = new ArrayList<>();
        List<Long> current = new ArrayList<>();
        long bytes = 0;
        for (Map.Entry<Long, Integer> e : wanted.entrySet()) {
            if (!current.isEmpty() && bytes + e.getValue() > BATCH_BYTES) {
                commands.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(e.getKey());
            bytes += Math.max(0, e.getValue());
        }
        commands.add(current);
        for (List<Long> command : commands) {
            String set = command.stream().map(String::valueOf).collect(Collectors.joining(","));
            try {
                imap.doCommand(protocol -> {
                    Response[] answers = protocol.command("UID FETCH " + set + " (UID BODY.PEEK[])", null);
                    for (Response answer : answers) {
                        if (answer instanceof FetchResponse fetched) {
                            UID uid = fetched.getItem(UID.class);
                            BODY body = fetched.getItem(BODY.class);
                            if (uid != null && body != null && body.getByteArray() != null) {
                                sources.put(uid.uid, body.getByteArray().getNewBytes());
                            }
                        }
                    }
                    protocol.notifyResponseHandlers(answers);
                    protocol.handleResult(answers[answers.length - 1]);
                    return null;
                });
            } catch (MessagingException | RuntimeException e) {
                log.warn("Could not fetch {} message(s) of {} at once, reading them one by one: {}", command.size(),
                        box, e.toString());
            }
        }
        return sources;
    }

    private static byte[] bytes(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, message.getSize() + 1024));
        message.writeTo(out);
        return out.toByteArray();
    }

    private static byte[] headers(MimeMessage message) throws MessagingException {
        StringBuilder head = new StringBuilder();
        var lines = message.getAllHeaderLines();
        while (lines.hasMoreElements()) {
            head.append(lines.nextElement()).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static final class Counts {
        int requests;
        int review;
        int ignored;
        int failed;
        int skipped;
        long imapNanos;
        long storeNanos;

        PollResult result(@Nullable String error) {
            return new PollResult(requests, review, ignored, failed, skipped, error, imapNanos / 1_000_000,
                    storeNanos / 1_000_000);
        }
    }
}
