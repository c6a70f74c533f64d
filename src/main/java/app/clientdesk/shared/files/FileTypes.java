package app.clientdesk.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * What a file is, judged by its bytes, never by the name or the type the browser sent: PDF, PNG, JPEG, GIF,
 * WebP, UTF-8 text (plain or CSV), Office Open XML and OpenDocument files, and zip archives. The file name
 * only tells a CSV from plain text and an Office document from a plain zip, once the bytes allow both.
 */
public final class FileTypes {

    private static final byte[] PDF = ascii("%PDF-");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] GIF87 = ascii("GIF87a");
    private static final byte[] GIF89 = ascii("GIF89a");
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6};

    private FileTypes() {}

    /** The content type of the file at {@code file}, or empty when it is not a kind we accept. */
    public static Optional<String> detect(Path file, String fileName) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64);
        }
        String extension = extension(fileName);
        if (startsWith(head, PDF)) {
            return Optional.of("application/pdf");
        }
        if (startsWith(head, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(head, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(head, GIF87) || startsWith(head, GIF89)) {
            return Optional.of("image/gif");
        }
        if (head.length >= 12 && startsWith(head, ascii("RIFF"))
                && Arrays.equals(Arrays.copyOfRange(head, 8, 12), ascii("WEBP"))) {
            return Optional.of("image/webp");
        }
        if (startsWith(head, EMPTY_ZIP)) {
            return Optional.of("application/zip");
        }
        if (startsWith(head, ZIP)) {
            return Optional.of(zipKind(file, extension));
        }
        if (isUtf8Text(file)) {
            return Optional.of(extension.equals("csv") ? "text/csv; charset=UTF-8" : "text/plain; charset=UTF-8");
        }
        return Optional.empty();
    }

    private static String zipKind(Path file, String extension) throws IOException {
        // Read from the central directory only: nothing is inflated but the small "mimetype" entry, so a
        // crafted archive cannot make the check decompress gigabytes.
        try (ZipFile zip = new ZipFile(file.toFile())) {
            // OpenDocument stores its type as the entry "mimetype".
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null && mimetype.getSize() >= 0 && mimetype.getSize() < 100) {
                try (var in = zip.getInputStream(mimetype)) {
                    String mime = new String(in.readNBytes(100), StandardCharsets.US_ASCII).strip();
                    if (mime.startsWith("application/vnd.oasis.opendocument.") && mime.matches("[a-z0-9.+/-]+")) {
                        return mime;
                    }
                }
            }
            String ooxml = switch (extension) {
                case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                case "pptx" -> "application/vnd.openxmlformats-officedocument.presentationml.presentation";
                default -> null;
            };
            if (ooxml != null && zip.getEntry("[Content_Types].xml") != null) {
                return ooxml;
            }
        } catch (IOException | IllegalArgumentException e) {
            // An archive Java cannot read through is still a zip by its signature.
        }
        return "application/zip";
    }

    private static boolean isUtf8Text(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length == 0) {
            return false;
        }
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            decoder.decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    public static String extension(@Nullable String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

}
