package app.clientdesk.intake;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One email as the intake read it: the sender, the threading headers, the reply token if any, the plain text
 * (from the plain part, or from the sanitised HTML when there is none), the sanitised HTML only when there is no
 * plain part, the files accepted and what was refused. {@code automatic} names why a message is an auto-reply or
 * a bounce (null for a person's mail); {@code tooLarge} says the message was over the size limit and not read.
 */
record ParsedMail(@Nullable String fromAddress, @Nullable String fromName, @Nullable String subject,
        @Nullable String messageId, @Nullable String inReplyTo, List<String> references, @Nullable String replyToken,
        String text, @Nullable String sanitizedHtml, List<File> files, List<Refusal> refusals,
        @Nullable String automatic, boolean tooLarge) {

    /** A file taken from the message, already checked (kind and size). */
    record File(String name, byte[] content) {
    }

    /** What was not kept, as a message key ({@code intake.refused.*}) and its arguments. */
    record Refusal(String key, List<Object> arguments) {
        static Refusal of(String key, Object... arguments) {
            return new Refusal(key, List.of(arguments));
        }
    }

    String preview() {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 299) + "…" : flat;
    }
}
