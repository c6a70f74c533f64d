package app.clientdesk.intake;

import app.clientdesk.shared.files.FileTypes;
import app.clientdesk.shared.text.Text;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;
import org.jspecify.annotations.Nullable;

/**
 * Reads a MIME message into a {@link ParsedMail}: the plain part preferred; HTML only as sanitised by jsoup's
 * {@link Safelist#basic()} (text formatting and links, no images, so no tracking pixels, no scripts, styles or
 * forms); files checked by their bytes and size; auto-replies and bounces recognised by their headers.
 */
final class MailParser {

    /** "[#12-token]" in a subject, as outbound replies write it; the token is the request's reply token. */
    private static final Pattern SUBJECT_TOKEN = Pattern.compile("\\[#\\d+-([A-Za-z0-9_-]{16,64})]");
    /** "requests+token@example.com": the reply token as a plus-address. */
    private static final Pattern PLUS_TOKEN = Pattern.compile("\\+([A-Za-z0-9_-]{16,64})@");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final int MAX_REFERENCES = 50;

    private final long maxMessageBytes;
    private final long maxFileBytes;
    private final int maxFiles;
    private final int maxBody;

    MailParser(long maxMessageBytes, long maxFileBytes, int maxFiles, int maxBody) {
        this.maxMessageBytes = maxMessageBytes;
        this.maxFileBytes = maxFileBytes;
        this.maxFiles = maxFiles;
        this.maxBody = maxBody;
    }

    /** Reads {@code message}; {@code size} is the size the server reported (the whole message, in bytes). */
    ParsedMail parse(MimeMessage message, int size) throws MessagingException, IOException {
        InternetAddress from = sender(message);
        String fromAddress = from == null || from.getAddress() == null ? null
                : from.getAddress().strip().toLowerCase(Locale.ROOT);
        String fromName = from == null || from.getPersonal() == null ? null : cut(Text.name(from.getPersonal()), 200);
        String subject = message.getSubject();
        String messageId = firstId(message.getHeader("Message-ID", null));
        String inReplyTo = firstId(message.getHeader("In-Reply-To", null));
        List<String> references = ids(message.getHeader("References", " "));
        String token = token(subject, message);
        String automatic = automatic(message, fromAddress);
        if (size > maxMessageBytes) {
            List<ParsedMail.Refusal> refusals = List.of(ParsedMail.Refusal.of("intake.refused.message",
                    megabytes(size), megabytes(maxMessageBytes)));
            return new ParsedMail(fromAddress, fromName, subject, messageId, inReplyTo, references, token, "", null,
                    List.of(), refusals, automatic, true);
        }
        Collected parts = new Collected();
        if (automatic == null) {
            walk(message, parts);
        }
        String html = parts.html == null ? null
                : Jsoup.clean(parts.html, "", Safelist.basic(), new Document.OutputSettings().prettyPrint(false));
        String text;
        String keptHtml = null;
        if (parts.plain != null) {
            text = parts.plain;
        } else if (html != null) {
            // From the original: the blocks the safelist drops (div, table) still break lines. Only text is kept.
            text = textOf(parts.html);
            keptHtml = html;
        } else {
            text = "";
        }
        text = text.replace("\r\n", "\n").replace("\u0000", "");
        // Leave room for the refusal notes the intake appends.
        int room = maxBody - 2_000;
        if (text.length() > room) {
            text = text.substring(0, room);
            parts.refusals.add(ParsedMail.Refusal.of("intake.refused.bodyCut", room));
        }
        if (keptHtml != null && keptHtml.length() > maxBody) {
            keptHtml = null;
        }
        return new ParsedMail(fromAddress, fromName, subject, messageId, inReplyTo, references, token, text, keptHtml,
                parts.files, parts.refusals, automatic, false);
    }

    // ------------------------------------------------------------------------------------------ auto-replies

    static @Nullable String automatic(MimeMessage message, @Nullable String fromAddress) throws MessagingException {
        String autoSubmitted = message.getHeader("Auto-Submitted", null);
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return "Auto-Submitted: " + autoSubmitted.strip();
        }
        String precedence = message.getHeader("Precedence", null);
        if (precedence != null && List.of("bulk", "junk", "list", "auto_reply")
                .contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return "Precedence: " + precedence.strip();
        }
        for (String header : List.of("X-Autoreply", "X-Autorespond", "X-Autoresponder")) {
            if (message.getHeader(header) != null) {
                return header;
            }
        }
        if (message.isMimeType("multipart/report")) {
            return "multipart/report";
        }
        if (fromAddress == null) {
            return "no sender";
        }
        String local = fromAddress.contains("@") ? fromAddress.substring(0, fromAddress.indexOf('@')) : fromAddress;
        if (local.equals("mailer-daemon") || local.equals("postmaster")) {
            return "sender " + fromAddress;
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------ parts

    private static final class Collected {
        @Nullable String plain;
        @Nullable String html;
        final List<ParsedMail.File> files = new ArrayList<>();
        final List<ParsedMail.Refusal> refusals = new ArrayList<>();
        int unnamed;
    }

    private void walk(Part part, Collected c) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child, c);
                }
            }
            return;
        }
        String disposition = part.getDisposition();
        String fileName = fileName(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition) || fileName != null;
        if (!attachment && part.isMimeType("text/plain") && c.plain == null) {
            c.plain = text(part);
            return;
        }
        if (!attachment && part.isMimeType("text/html") && c.html == null) {
            c.html = text(part);
            return;
        }
        if (fileName == null) {
            c.unnamed++;
            fileName = part.isMimeType("message/rfc822") ? "message-" + c.unnamed + ".eml" : "part-" + c.unnamed;
        }
        keepFile(part, fileName, c);
    }

    private void keepFile(Part part, String name, Collected c) throws MessagingException, IOException {
        if (c.files.size() >= maxFiles) {
            c.refusals.add(ParsedMail.Refusal.of("intake.refused.tooMany", name, maxFiles));
            return;
        }
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
        }
        if (bytes.length == 0) {
            c.refusals.add(ParsedMail.Refusal.of("intake.refused.empty", name));
            return;
        }
        if (bytes.length > maxFileBytes) {
            c.refusals.add(ParsedMail.Refusal.of("intake.refused.tooLarge", name, megabytes(maxFileBytes)));
            return;
        }
        Path temp = Files.createTempFile("intake-", ".part");
        try {
            Files.write(temp, bytes);
            Optional<String> kind = FileTypes.detect(temp, name);
            if (kind.isEmpty()) {
                c.refusals.add(ParsedMail.Refusal.of("intake.refused.kind", name));
                return;
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        c.files.add(new ParsedMail.File(name, bytes));
    }

    private static @Nullable String fileName(Part part) throws MessagingException {
        String raw = part.getFileName();
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            raw = MimeUtility.decodeText(raw);
        } catch (UnsupportedEncodingException e) {
            // Kept as written.
        }
        return Text.fileName(raw, 255);
    }

    private static String text(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s;
            }
        } catch (UnsupportedEncodingException e) {
            // An unknown charset: read the bytes as UTF-8 rather than lose the text.
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(4 * 1024 * 1024), StandardCharsets.UTF_8);
        }
    }

    /** The text of sanitised HTML, keeping line breaks at breaks and blocks. */
    static String textOf(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        doc.select("br").after("\\n");
        doc.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote, pre").before("\\n");
        String marked = doc.body().html().replace("\\n", "\n");
        String text = Jsoup.clean(marked, "", Safelist.none(), new Document.OutputSettings().prettyPrint(false));
        text = Parser.unescapeEntities(text, false);
        return text.replaceAll("[ \\t\\x0B\\f]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    // --------------------------------------------------------------------------------------------- headers

    private static @Nullable InternetAddress sender(Message message) {
        try {
            Address[] from = message.getFrom();
            if (from != null && from.length > 0 && from[0] instanceof InternetAddress address) {
                return address;
            }
        } catch (MessagingException e) {
            // A From header that does not parse: no sender.
        }
        return null;
    }

    private static @Nullable String token(@Nullable String subject, MimeMessage message) throws MessagingException {
        if (subject != null) {
            Matcher m = SUBJECT_TOKEN.matcher(subject);
            if (m.find()) {
                return m.group(1);
            }
        }
        for (String header : List.of("To", "Cc", "Delivered-To", "X-Original-To")) {
            String[] values = message.getHeader(header);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                Matcher m = PLUS_TOKEN.matcher(value);
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    private static @Nullable String firstId(@Nullable String header) {
        List<String> ids = ids(header);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static List<String> ids(@Nullable String header) {
        if (header == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher m = MESSAGE_ID.matcher(header);
        while (m.find() && ids.size() < MAX_REFERENCES) {
            String id = m.group();
            if (id.length() <= 998) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static @Nullable String cut(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    static long megabytes(long bytes) {
        return Math.max(1, (bytes + 1024 * 1024 - 1) / (1024 * 1024));
    }
}
