package app.clientdesk.shared.web;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answer that hands a stored file to the browser as a download: never shown inline, never sniffed into another
 * type, never cached by anyone but the viewer's browser, and named by a header that no file name can break.
 */
public final class Downloads {

    private Downloads() {}

    /**
     * A download of {@code body}, offered as {@code fileName}. The type is the one judged when the file was
     * stored; the name is made safe here ({@link #contentDisposition}), whatever it holds.
     */
    public static ResponseEntity<Resource> attachment(String fileName, String contentType, long size, Resource body) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .contentLength(size)
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(body);
    }

    /**
     * {@code attachment; filename="…"; filename*=UTF-8''…} (RFC 6266, RFC 8187): the quoted name in printable
     * ASCII for old clients (other characters become {@code _}, quotes and backslashes too), the full name
     * percent-encoded in UTF-8 for the rest. Control characters (CR, LF, tab…) are dropped from both, so a name
     * can never end the header or add one.
     */
    public static String contentDisposition(String fileName) {
        String name = fileName.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty()) {
            name = "download";
        }
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isAttrChar(c)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** RFC 8187 attr-char: what may stand unencoded in an extended value. */
    private static boolean isAttrChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$&+-.^_`|~".indexOf(c) >= 0;
    }
}
