package app.clientdesk.shared.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's kind comes from its bytes; the name only tells text from CSV. */
class FileTypesTest {

    @TempDir Path dir;

    private Optional<String> detect(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve("f" + System.nanoTime());
        Files.write(file, bytes);
        return FileTypes.detect(file, name);
    }

    @Test
    void theBytesDecideNotTheName() throws Exception {
        assertThat(detect("photo.png", "%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII))).contains("application/pdf");
        assertThat(detect("scan.pdf", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0}))
                .contains("image/png");
        assertThat(detect("scan.pdf", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
                .contains("image/jpeg");
        assertThat(detect("receipt.pdf", "plain words".getBytes(StandardCharsets.UTF_8)))
                .contains("text/plain; charset=UTF-8");
        assertThat(detect("rows.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))).contains("text/csv; charset=UTF-8");
        assertThat(detect("app.pdf", new byte[] {'M', 'Z', 0, 0, (byte) 0x90})).isEmpty();
    }

    @Test
    void theExtensionIsLowerCasedAndMayBeMissing() {
        assertThat(FileTypes.extension("Receipt.PDF")).isEqualTo("pdf");
        assertThat(FileTypes.extension("README")).isEmpty();
        assertThat(FileTypes.extension(null)).isEmpty();
    }
}
