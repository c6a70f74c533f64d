package app.clientdesk.requests;

import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.files.FileTypes;
import app.clientdesk.shared.text.Text;
import app.clientdesk.shared.validation.InvalidInputException;
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
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * The bytes of requests' files, as task attachments keep theirs: one file per attachment named by its id, in a
 * folder per workspace under {@code requests/} of the attachments folder. The bytes go to a temporary file first
 * and are moved into place with the row, in the caller's transaction; a rollback takes the file away. The type is
 * judged by the bytes ({@link FileTypes}), the size limited to {@code clientdesk.attachments.max-size}.
 */
@Component
class RequestFiles {

    static final int MAX_NAME = 255;

    private final Path root;
    private final long maxBytes;

    RequestFiles(@Value("${clientdesk.attachments.dir:${clientdesk.data-dir:./data}/attachments}") Path root,
            @Value("${clientdesk.attachments.max-size:10MB}") DataSize maxSize) {
        this.root = root.toAbsolutePath().normalize().resolve("requests");
        this.maxBytes = maxSize.toBytes();
    }

    long maxBytes() {
        return maxBytes;
    }

    Path fileOf(WorkspaceId workspace, UUID id) {
        return root.resolve(workspace.value().toString()).resolve(id.toString());
    }

    /**
     * Checks and stores one file of a message. Must run in a transaction that then inserts the returned row.
     *
     * @throws InvalidInputException (field {@code attachments}) for an empty file, one over the limit or of a kind
     *     not accepted
     */
    RequestAttachment store(WorkspaceId workspace, RequestId request, UUID message, NewAttachment file,
            Instant now) {
        String name = Text.fileName(file.fileName(), MAX_NAME);
        if (name == null) {
            throw InvalidInputException.of("attachments", "requests.attachment.required");
        }
        Path folder = root.resolve(workspace.value().toString());
        Path temp = null;
        Path target = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = file.content();
                    OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                size = copyAtMost(in, out, maxBytes + 1);
            }
            if (size == 0) {
                throw InvalidInputException.of("attachments", "requests.attachment.empty", name);
            }
            if (size > maxBytes) {
                throw InvalidInputException.of("attachments", "requests.attachment.tooLarge", name,
                        maxBytes / (1024 * 1024));
            }
            String type = FileTypes.detect(temp, name)
                    .orElseThrow(() -> InvalidInputException.of("attachments", "requests.attachment.kind", name));
            RequestAttachment attachment = new RequestAttachment(UUID.randomUUID(), request, message, name, type,
                    size, HexFormat.of().formatHex(sha.digest()), now);
            target = fileOf(workspace, attachment.id());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            deleteOnRollback(target);
            return attachment;
        } catch (IOException e) {
            deleteQuietly(target);
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            deleteQuietly(target);
            throw e;
        } finally {
            deleteQuietly(temp);
        }
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

    private static void deleteOnRollback(Path file) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        deleteQuietly(file);
                    }
                }
            });
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
