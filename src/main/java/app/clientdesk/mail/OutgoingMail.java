package app.clientdesk.mail;

import app.clientdesk.shared.validation.Emails;
import app.clientdesk.shared.validation.Violations;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeTypeUtils;

/**
 * One email to put in the outbox. Checked when made: at least one recipient and every address well formed
 * (addresses are trimmed and lower-cased, repeats dropped), a one-line subject, a plain-text body (the HTML
 * body is optional and not sanitised: the caller builds it from escaped templates), attachments with a plain
 * file name and a valid content type, all within sizes an SMTP server accepts. A broken rule throws
 * {@link app.clientdesk.shared.validation.InvalidInputException} with translated field errors.
 *
 * @param reference what the message is about, such as {@code invoice:<uuid>}, to find it again with
 *     {@link Outbox#forReference}
 */
public record OutgoingMail(List<String> to, @Nullable String replyTo, String subject, String text,
        @Nullable String html, List<MailAttachment> attachments, @Nullable String reference) {

    /** An invoice goes to a few people; more is a mailing list, which this is not. */
    public static final int MAX_RECIPIENTS = 10;
    public static final int MAX_SUBJECT = 300;
    public static final int MAX_TEXT = 200_000;
    public static final int MAX_HTML = 400_000;
    public static final int MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
    public static final int MAX_REFERENCE = 100;

    private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n]");
    private static final Pattern BAD_FILE_NAME = Pattern.compile("[\\\\/\\r\\n\\t\"\\x00-\\x1f]");

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(attachments, "attachments");
        Violations violations = new Violations();

        Set<String> addresses = new LinkedHashSet<>();
        for (int i = 0; i < to.size(); i++) {
            String raw = to.get(i);
            var address = Emails.normalise(raw);
            if (address.isEmpty()) {
                violations.add("to[" + i + "]", "mail.error.address", raw == null ? "" : raw.strip());
            } else {
                addresses.add(address.get());
            }
        }
        if (to.isEmpty()) {
            violations.add("to", "mail.error.noRecipient");
        } else if (addresses.size() > MAX_RECIPIENTS) {
            violations.add("to", "mail.error.tooManyRecipients", MAX_RECIPIENTS);
        }
        to = List.copyOf(addresses);

        if (replyTo != null && !replyTo.isBlank()) {
            var address = Emails.normalise(replyTo);
            if (address.isEmpty()) {
                violations.add("replyTo", "mail.error.address", replyTo.strip());
            } else {
                replyTo = address.get();
            }
        } else {
            replyTo = null;
        }

        subject = subject.strip();
        if (subject.isEmpty()) {
            violations.add("subject", "mail.error.subjectBlank");
        } else if (LINE_BREAK.matcher(subject).find()) {
            violations.add("subject", "mail.error.subjectLines");
        } else if (subject.length() > MAX_SUBJECT) {
            violations.add("subject", "mail.error.subjectLong", MAX_SUBJECT);
        }
        if (text.isBlank()) {
            violations.add("text", "mail.error.textBlank");
        } else if (text.length() > MAX_TEXT) {
            violations.add("text", "mail.error.tooLong", MAX_TEXT);
        }
        if (html != null && html.isBlank()) {
            html = null;
        }
        if (html != null && html.length() > MAX_HTML) {
            violations.add("html", "mail.error.tooLong", MAX_HTML);
        }

        long bytes = 0;
        for (int i = 0; i < attachments.size(); i++) {
            MailAttachment file = Objects.requireNonNull(attachments.get(i), "attachment");
            String field = "attachments[" + i + "]";
            String name = file.fileName().strip();
            if (name.isEmpty() || name.length() > 200 || BAD_FILE_NAME.matcher(name).find()) {
                violations.add(field + ".fileName", "mail.error.fileName");
            }
            if (!validType(file.contentType())) {
                violations.add(field + ".contentType", "mail.error.contentType");
            }
            bytes += file.size();
        }
        if (bytes > MAX_ATTACHMENT_BYTES) {
            violations.add("attachments", "mail.error.attachmentsLarge", MAX_ATTACHMENT_BYTES / (1024 * 1024));
        }
        attachments = List.copyOf(new ArrayList<>(attachments));

        if (reference != null && reference.isBlank()) {
            reference = null;
        }
        if (reference != null && reference.strip().length() > MAX_REFERENCE) {
            violations.add("reference", "mail.error.tooLong", MAX_REFERENCE);
        }
        reference = reference == null ? null : reference.strip();
        violations.throwIfAny();
    }

    /** A message with a plain-text body only. */
    public static OutgoingMail text(List<String> to, String subject, String text) {
        return new OutgoingMail(to, null, subject, text, null, List.of(), null);
    }

    private static boolean validType(String type) {
        if (type.length() > 200 || LINE_BREAK.matcher(type).find()) {
            return false;
        }
        try {
            var mime = MimeTypeUtils.parseMimeType(type.strip().toLowerCase(Locale.ROOT));
            return !mime.isWildcardType() && !mime.isWildcardSubtype();
        } catch (InvalidMimeTypeException e) {
            return false;
        }
    }
}
