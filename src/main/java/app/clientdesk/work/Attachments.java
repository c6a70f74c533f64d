package app.clientdesk.work;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.files.FileTypes;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.NotFoundException;
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
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * Files attached to tasks, for the people who may see the task (client contacts excepted). A file's bytes
 * live on disk, one file per attachment named by its id in a folder per workspace; its name, type, size and
 * checksum in the database. Never one without the other: the bytes go to a temporary file first, and are
 * moved into place only with the row, in the same transaction; a failed transaction takes the file away.
 * The type is judged by the bytes ({@link FileTypes}), never by what the browser claims.
 */
@Service
public class Attachments {

    public static final int MAX_NAME = 255;

    private final AttachmentStore store;
    private final Tasks tasks;
    private final Path root;
    private final long maxBytes;
    private final Clock clock;

    Attachments(AttachmentStore store, Tasks tasks,
            @Value("${clientdesk.attachments.dir:${clientdesk.data-dir:./data}/attachments}") Path root,
            @Value("${clientdesk.attachments.max-size:10MB}") DataSize maxSize, Clock clock) {
        this.store = store;
        this.tasks = tasks;
        this.root = root.toAbsolutePath().normalize();
        this.maxBytes = maxSize.toBytes();
        this.clock = clock;
    }

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    public List<Attachment> list(CurrentUser viewer, TaskId taskId) {
        Task task = staffTask(viewer, taskId);
        return store.list(viewer.workspaceId(), task.id());
    }

    /**
     * Stores {@code content} as a new attachment of the task.
     *
     * @throws InvalidInputException (field {@code file}) for no file, a file over the size limit or of a kind
     *     not accepted; nothing is saved
     */
    @Transactional
    public Attachment add(CurrentUser viewer, TaskId taskId, @Nullable String fileName, InputStream content) {
        Task task = staffTask(viewer, taskId);
        String name = cleanName(fileName);
        if (name == null) {
            throw InvalidInputException.of("file", "tasks.attachment.required");
        }
        WorkspaceId workspace = viewer.workspaceId();
        Path folder = root.resolve(workspace.value().toString());
        Path temp = null;
        Path target = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                size = copyAtMost(content, out, maxBytes + 1);
            }
            if (size == 0) {
                throw InvalidInputException.of("file", "tasks.attachment.required");
            }
            if (size > maxBytes) {
                throw InvalidInputException.of("file", "tasks.attachment.tooLarge", maxBytes / (1024 * 1024));
            }
            String type = FileTypes.detect(temp, name)
                    .orElseThrow(() -> InvalidInputException.of("file", "tasks.attachment.kind"));
            Attachment attachment = new Attachment(UUID.randomUUID(), task.id(), name, type, size,
                    HexFormat.of().formatHex(sha.digest()), viewer.id(), clock.instant());
            store.insert(workspace, attachment);
            target = folder.resolve(attachment.id().toString());
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

    /** An attachment with where its bytes are. */
    public record Stored(Attachment attachment, Path file) {
    }

    public Stored open(CurrentUser viewer, TaskId taskId, UUID attachmentId) {
        Task task = staffTask(viewer, taskId);
        Attachment attachment = store.find(viewer.workspaceId(), task.id(), attachmentId)
                .orElseThrow(() -> new NotFoundException("attachment"));
        Path file = fileOf(viewer.workspaceId(), attachment.id());
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("attachment file");
        }
        return new Stored(attachment, file);
    }

    /**
     * A file of a task, for a caller that has already decided the task may be seen (the portal's approvals: a client
     * contact's own client's deliverable). Checks only that the file is the task's, in the workspace.
     */
    Stored openFor(WorkspaceId workspace, TaskId taskId, UUID attachmentId) {
        Attachment attachment = store.find(workspace, taskId, attachmentId)
                .orElseThrow(() -> new NotFoundException("attachment"));
        Path file = fileOf(workspace, attachment.id());
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("attachment file");
        }
        return new Stored(attachment, file);
    }

    @Transactional
    public Attachment remove(CurrentUser viewer, TaskId taskId, UUID attachmentId) {
        Task task = staffTask(viewer, taskId);
        Attachment attachment = store.find(viewer.workspaceId(), task.id(), attachmentId)
                .orElseThrow(() -> new NotFoundException("attachment"));
        store.delete(viewer.workspaceId(), task.id(), attachment.id());
        deleteAfterCommit(List.of(fileOf(viewer.workspaceId(), attachment.id())));
        return attachment;
    }

    /** Deletes a task with its attachments' files (the rows go with the task). */
    @Transactional
    public void deleteTask(CurrentUser viewer, TaskId taskId) {
        Task task = staffTask(viewer, taskId);
        List<Path> files = store.list(viewer.workspaceId(), task.id()).stream()
                .map(a -> fileOf(viewer.workspaceId(), a.id())).toList();
        tasks.delete(viewer, task.id());
        deleteAfterCommit(files);
    }

    private Path fileOf(WorkspaceId workspace, UUID id) {
        return root.resolve(workspace.value().toString()).resolve(id.toString());
    }

    private Task staffTask(CurrentUser viewer, TaskId taskId) {
        viewer.requireStaff();
        return tasks.get(viewer, taskId);
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

    /** The name as shown and offered on download: no folders, no control characters, at most 255 characters. */
    static @Nullable String cleanName(@Nullable String fileName) {
        return app.clientdesk.shared.text.Text.fileName(fileName, MAX_NAME);
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

    private static void deleteAfterCommit(List<Path> files) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            files.forEach(Attachments::deleteQuietly);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                files.forEach(Attachments::deleteQuietly);
            }
        });
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
