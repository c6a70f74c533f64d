package app.clientdesk.shared.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Uploads land whole under their key, or not at all; nothing is read or written outside the store's root. */
class FileStoreTest {

    @TempDir Path dir;

    private static final byte[] PDF = "%PDF-1.7 a small document".getBytes(StandardCharsets.US_ASCII);

    private FileStore store(long maxBytes) {
        return new FileStore(dir.resolve("root"), maxBytes);
    }

    private static InputStream bytes(byte[] b) {
        return new ByteArrayInputStream(b);
    }

    private List<Path> everythingOnDisk() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void aStoredFileOpensByItsKeyWithWhatItsBytesShow() throws IOException {
        FileStore files = store(1024);

        FileStore.Stored stored = files.store("7", "scan.png", bytes(PDF), type -> true);

        assertThat(stored.contentType()).isEqualTo("application/pdf");
        assertThat(stored.size()).isEqualTo(PDF.length);
        assertThat(stored.sha256()).hasSize(64).matches("[0-9a-f]+");
        Path file = files.open("7", stored.key()).orElseThrow();
        assertThat(file).isEqualTo(dir.resolve("root").resolve("7").resolve(stored.id().toString()).toAbsolutePath());
        assertThat(Files.readAllBytes(file)).isEqualTo(PDF);
        assertThat(everythingOnDisk()).containsExactly(file);
    }

    @Test
    void aFileStoredBeforeTheStoreExistedStillOpens() throws IOException {
        Path old = Files.createDirectories(dir.resolve("root").resolve("3")).resolve(UUID.randomUUID() + ".csv");
        Files.writeString(old, "a,b\n");

        assertThat(store(1024).open("3", old.getFileName().toString())).contains(old.toAbsolutePath());
        assertThat(store(1024).open("3", UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void pathTraversalIsRefusedInFoldersAndKeys() throws IOException {
        Files.writeString(dir.resolve("secret.txt"), "not yours");
        FileStore files = store(1024);

        for (String bad : List.of("..", ".", "../secret.txt", "..\\secret.txt", "a/../../secret.txt", "/etc/passwd",
                "a/b", "", "a..b/..", "%2e%2e", "..%2fsecret.txt", "nul\0.txt", "a b")) {
            assertThatThrownBy(() -> files.open("1", bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> files.open(bad, "secret.txt")).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> files.store(bad, "x.pdf", bytes(PDF), t -> true)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> files.deleteAfterCommit("1", bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        try (FileStore.Upload upload = files.receive("1", bytes(PDF))) {
            assertThatThrownBy(() -> upload.keep("../../secret.txt")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Files.readString(dir.resolve("secret.txt"))).isEqualTo("not yours");
        assertThat(everythingOnDisk()).containsExactly(dir.resolve("secret.txt"));
    }

    @Test
    void aFileOverTheLimitIsRefusedAndNothingStays() throws IOException {
        FileStore files = store(PDF.length - 1);

        assertThatThrownBy(() -> files.store("1", "a.pdf", bytes(PDF), t -> true))
                .isInstanceOfSatisfying(FileStore.Refused.class,
                        e -> assertThat(e.problem()).isEqualTo(FileStore.Problem.TOO_LARGE));
        assertThat(everythingOnDisk()).isEmpty();

        // Exactly at the limit is fine.
        assertThat(store(PDF.length).store("1", "a.pdf", bytes(PDF), t -> true).size()).isEqualTo(PDF.length);
    }

    @Test
    void anEmptyFileOrOneOfAKindNotTakenIsRefusedAndNothingStays() throws IOException {
        FileStore files = store(1024);

        assertThatThrownBy(() -> files.store("1", "a.pdf", bytes(new byte[0]), t -> true))
                .isInstanceOfSatisfying(FileStore.Refused.class,
                        e -> assertThat(e.problem()).isEqualTo(FileStore.Problem.EMPTY));
        assertThatThrownBy(() -> files.store("1", "a.pdf", bytes(new byte[] {'M', 'Z', 0, 0}), t -> true))
                .isInstanceOfSatisfying(FileStore.Refused.class,
                        e -> assertThat(e.problem()).isEqualTo(FileStore.Problem.KIND));
        assertThatThrownBy(() -> files.store("1", "a.pdf", bytes(PDF), t -> t.startsWith("image/")))
                .isInstanceOfSatisfying(FileStore.Refused.class,
                        e -> assertThat(e.problem()).isEqualTo(FileStore.Problem.KIND));
        assertThat(everythingOnDisk()).isEmpty();
    }

    @Test
    void anUploadThatBreaksOffLeavesNoPartialFile() throws IOException {
        FileStore files = store(1024 * 1024);
        InputStream breaksOff = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ < 100_000) {
                    return 'x';
                }
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> files.store("1", "big.txt", breaksOff, t -> true))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(everythingOnDisk()).isEmpty();
    }

    @Test
    void aRolledBackTransactionTakesTheNewFileAwayAndBringsBackTheOneItReplaced() throws IOException {
        FileStore files = store(1024);
        FileStore.Stored first = files.store("1", "a.txt", bytes("first".getBytes(StandardCharsets.UTF_8)), t -> true);

        TransactionSynchronizationManager.initSynchronization();
        try (FileStore.Upload upload = files.receive("1", bytes("second".getBytes(StandardCharsets.UTF_8)))) {
            upload.keep(first.key());
            FileStore.Stored other = files.store("1", "b.pdf", bytes(PDF), t -> true);
            assertThat(Files.readString(files.open("1", first.key()).orElseThrow())).isEqualTo("second");
            assertThat(files.open("1", other.key())).isPresent();
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }

        assertThat(Files.readString(files.open("1", first.key()).orElseThrow())).isEqualTo("first");
        assertThat(everythingOnDisk()).containsExactly(files.open("1", first.key()).orElseThrow());
    }

    @Test
    void aDeletedFileGoesOnlyWhenTheTransactionCommits() throws IOException {
        FileStore files = store(1024);
        FileStore.Stored stored = files.store("1", "a.pdf", bytes(PDF), t -> true);

        TransactionSynchronizationManager.initSynchronization();
        try {
            files.deleteAfterCommit("1", stored.key());
            assertThat(files.open("1", stored.key())).isPresent();
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }

        assertThat(files.open("1", stored.key())).isEmpty();
    }
}
