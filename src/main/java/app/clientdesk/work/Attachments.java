package app.clientdesk.work;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.files.FileStore;
import app.clientdesk.shared.files.FileTypes;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.NotFoundException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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
    private final FileStore files;
    private final Clock clock;

    Attachments(AttachmentStore store, Tasks tasks,
            @Value("${clientdesk.attachments.dir:${clientdesk.data-dir:./data}/attachments}") Path root,
            @Value("${clientdesk.attachments.max-size:10MB}") DataSize maxSize, Clock clock) {
        this.store = store;
        this.tasks = tasks;
        this.files = new FileStore(root, maxSize.toBytes());
        this.clock = clock;
    }

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return files.maxBytes();
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
        FileStore.Stored stored;
        try {
            stored = files.store(folder(workspace), name, content, type -> true);
        } catch (FileStore.Refused e) {
            throw switch (e.problem()) {
                case EMPTY -> InvalidInputException.of("file", "tasks.attachment.required");
                case TOO_LARGE -> InvalidInputException.of("file", "tasks.attachment.tooLarge", files.maxMegabytes());
                case KIND -> InvalidInputException.of("file", "tasks.attachment.kind");
            };
        }
        Attachment attachment = new Attachment(stored.id(), task.id(), name, stored.contentType(), stored.size(),
                stored.sha256(), viewer.id(), clock.instant());
        store.insert(workspace, attachment);
        return attachment;
    }

    /** An attachment with where its bytes are. */
    public record Stored(Attachment attachment, Path file) {
    }

    public Stored open(CurrentUser viewer, TaskId taskId, UUID attachmentId) {
        Task task = staffTask(viewer, taskId);
        Attachment attachment = store.find(viewer.workspaceId(), task.id(), attachmentId)
                .orElseThrow(() -> new NotFoundException("attachment"));
        return new Stored(attachment, fileOf(viewer.workspaceId(), attachment));
    }

    /**
     * A file of a task, for a caller that has already decided the task may be seen (the portal's approvals: a client
     * contact's own client's deliverable). Checks only that the file is the task's, in the workspace.
     */
    Stored openFor(WorkspaceId workspace, TaskId taskId, UUID attachmentId) {
        Attachment attachment = store.find(workspace, taskId, attachmentId)
                .orElseThrow(() -> new NotFoundException("attachment"));
        return new Stored(attachment, fileOf(workspace, attachment));
    }

    @Transactional
    public Attachment remove(CurrentUser viewer, TaskId taskId, UUID attachmentId) {
        Task task = staffTask(viewer, taskId);
        Attachment attachment = store.find(viewer.workspaceId(), task.id(), attachmentId)
                .orElseThrow(() -> new NotFoundException("attachment"));
        store.delete(viewer.workspaceId(), task.id(), attachment.id());
        files.deleteAfterCommit(folder(viewer.workspaceId()), attachment.id().toString());
        return attachment;
    }

    /** Deletes a task with its attachments' files (the rows go with the task). */
    @Transactional
    public void deleteTask(CurrentUser viewer, TaskId taskId) {
        Task task = staffTask(viewer, taskId);
        List<Attachment> gone = store.list(viewer.workspaceId(), task.id());
        tasks.delete(viewer, task.id());
        gone.forEach(a -> files.deleteAfterCommit(folder(viewer.workspaceId()), a.id().toString()));
    }

    private Path fileOf(WorkspaceId workspace, Attachment attachment) {
        return files.open(folder(workspace), attachment.id().toString())
                .orElseThrow(() -> new NotFoundException("attachment file"));
    }

    private static String folder(WorkspaceId workspace) {
        return workspace.value().toString();
    }

    private Task staffTask(CurrentUser viewer, TaskId taskId) {
        viewer.requireStaff();
        return tasks.get(viewer, taskId);
    }

    /** The name as shown and offered on download: no folders, no control characters, at most 255 characters. */
    static @Nullable String cleanName(@Nullable String fileName) {
        return app.clientdesk.shared.text.Text.fileName(fileName, MAX_NAME);
    }
}
