package app.clientdesk.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Uploaded files on disk, one file per key in a folder (a workspace's) under a root: {@code <root>/<folder>/<key>}.
 * An upload is written to a temporary file in its folder first, counted, hashed and judged there; it takes its
 * key only by an atomic move, so a key never names a half-written file. The move belongs to the caller's
 * transaction: if that rolls back, the new file goes and a file it replaced comes back; files deleted are
 * deleted only once the transaction commits. Folders and keys are single path segments of letters, digits,
 * {@code _ - .} (no {@code ..}), so nothing stored or opened can lie outside the root.
 *
 * <p>Does not check who may read or write a file, nor keep any record of it: that is the caller's row.
 */
public final class FileStore {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    private final Path root;
    private final long maxBytes;

    /** A store under {@code root} taking files of at most {@code maxBytes}. */
    public FileStore(Path root, long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.root = root.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The largest file accepted, in whole mebibytes, as messages show it. */
    public long maxMegabytes() {
        return maxBytes / (1024 * 1024);
    }

    /** Why an upload was refused. Nothing of it is left on disk. */
    public enum Problem {
        EMPTY, TOO_LARGE, KIND
    }

    /** An upload the store refused; the caller turns it into its own message. */
    public static final class Refused extends RuntimeException {
        private final Problem problem;

        Refused(Problem problem) {
            super("upload refused: " + problem, null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** A file stored under a new random key, with what its bytes showed. */
    public record Stored(UUID id, long size, String sha256, String contentType) {

        public String key() {
            return id.toString();
        }
    }

    /**
     * Stores {@code content} in {@code folder} under a new random key, in the current transaction, if it is not
     * empty, not over the limit and of a kind {@code accepted} takes ({@link FileTypes} judges the bytes; the
     * declared name only tells a CSV from text or an Office document from a zip). Does not close {@code content}.
     *
     * @throws Refused when it is not; nothing is left on disk
     */
    public Stored store(String folder, @Nullable String declaredName, InputStream content,
            Predicate<String> accepted) {
        try (Upload upload = receive(folder, content)) {
            String type = upload.type(declaredName, accepted);
            UUID id = UUID.randomUUID();
            upload.keep(id.toString());
            return new Stored(id, upload.size(), upload.sha256(), type);
        }
    }

    /**
     * Writes {@code content} to a temporary file in {@code folder} and checks its size; the caller then judges it
     * ({@link Upload#type}, {@link Upload#read}) and keeps it under a key ({@link Upload#keep}), or closes it to
     * throw it away. Does not close {@code content}.
     *
     * @throws Refused ({@link Problem#EMPTY}, {@link Problem#TOO_LARGE}); nothing is left on disk
     */
    public Upload receive(String folder, InputStream content) {
        Path dir = folder(folder);
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                size = copyAtMost(content, out, maxBytes + 1);
            }
            if (size == 0) {
                throw new Refused(Problem.EMPTY);
            }
            if (size > maxBytes) {
                throw new Refused(Problem.TOO_LARGE);
            }
            Upload upload = new Upload(dir, temp, size, HexFormat.of().formatHex(sha.digest()));
            temp = null;
            return upload;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** The stored file under {@code key}, if there is one. */
    public Optional<Path> open(String folder, String key) {
        Path file = path(folder, key);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Deletes the file under {@code key} once the current transaction commits (at once outside one). */
    public void deleteAfterCommit(String folder, String key) {
        Path file = path(folder, key);
        afterCompletion(committed -> {
            if (committed) {
                deleteQuietly(file);
            }
        });
    }

    /** An upload in its temporary file: checked for size, not yet judged nor kept. Closing it throws it away. */
    public final class Upload implements AutoCloseable {
        private final Path folder;
        private @Nullable Path temp;
        private final long size;
        private final String sha256;

        private Upload(Path folder, Path temp, long size, String sha256) {
            this.folder = folder;
            this.temp = temp;
            this.size = size;
            this.sha256 = sha256;
        }

        public long size() {
            return size;
        }

        /** The SHA-256 of the bytes, in lower-case hex. */
        public String sha256() {
            return sha256;
        }

        /** The bytes, for a caller that judges them itself (a CSV import reads them). */
        public InputStream read() throws IOException {
            return Files.newInputStream(pending());
        }

        /**
         * The content type the bytes show, if {@code accepted} takes it.
         *
         * @throws Refused ({@link Problem#KIND}) otherwise
         */
        public String type(@Nullable String declaredName, Predicate<String> accepted) {
            try {
                return FileTypes.detect(pending(), declaredName == null ? "" : declaredName).filter(accepted)
                        .orElseThrow(() -> new Refused(Problem.KIND));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Moves the upload to {@code key} in its folder, in the current transaction. A file already there is put
         * aside, deleted on commit and put back on rollback; on rollback the upload goes.
         */
        public Path keep(String key) {
            Path source = pending();
            Path target = checked(folder, key);
            Path aside = null;
            try {
                if (Files.exists(target)) {
                    aside = target.resolveSibling(key + ".replaced-" + UUID.randomUUID());
                    Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
                }
                Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
                temp = null;
            } catch (IOException e) {
                restore(aside, target);
                throw new UncheckedIOException(e);
            }
            Path replaced = aside;
            afterCompletion(committed -> {
                if (committed) {
                    deleteQuietly(replaced);
                } else {
                    deleteQuietly(target);
                    restore(replaced, target);
                }
            });
            return target;
        }

        /** Throws the upload away unless it was kept. */
        @Override
        public void close() {
            deleteQuietly(temp);
            temp = null;
        }

        private Path pending() {
            if (temp == null) {
                throw new IllegalStateException("upload already kept or closed");
            }
            return temp;
        }
    }

    Path path(String folder, String key) {
        return checked(folder(folder), key);
    }

    private Path folder(String folder) {
        return checked(root, folder);
    }

    private static Path checked(Path parent, String segment) {
        if (!SEGMENT.matcher(segment).matches()) {
            throw new IllegalArgumentException("not a safe file name: " + segment);
        }
        Path resolved = parent.resolve(segment).normalize();
        if (!parent.equals(resolved.getParent())) {
            throw new IllegalArgumentException("not a safe file name: " + segment);
        }
        return resolved;
    }

    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while (total < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) != -1) {
            out.write(buffer, 0, read);
            total += read;
        }
        return total;
    }

    private static void afterCompletion(java.util.function.Consumer<Boolean> then) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            then.accept(true);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                then.accept(status == STATUS_COMMITTED);
            }
        });
    }

    private static void restore(@Nullable Path aside, Path target) {
        if (aside == null) {
            return;
        }
        try {
            Files.move(aside, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A stray file costs disk space, not correctness: no row points at it.
        }
    }
}
