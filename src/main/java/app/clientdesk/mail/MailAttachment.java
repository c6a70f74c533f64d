package app.clientdesk.mail;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file sent with a message, such as an invoice's PDF. The name and type are checked by {@link OutgoingMail};
 * the bytes are not looked into.
 */
public record MailAttachment(String fileName, String contentType, byte[] content) {

    public MailAttachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        content = Objects.requireNonNull(content, "content").clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MailAttachment a && a.fileName.equals(fileName) && a.contentType.equals(contentType)
                && Arrays.equals(a.content, content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "MailAttachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
