package app.clientdesk.requests;

import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.files.FileStore;
import app.clientdesk.shared.files.FileTypes;
import app.clientdesk.shared.text.Text;
import app.clientdesk.shared.validation.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The bytes of requests' files, as task attachments keep theirs: one file per attachment named by its id, in a
 * folder per workspace under {@code requests/} of the attachments folder ({@link FileStore}: written to a
 * temporary file first and moved into place in the caller's transaction; a rollback takes the file away). The
 * type is judged by the bytes ({@link FileTypes}), the size limited to {@code clientdesk.attachments.max-size}.
 */
@Component
class RequestFiles {

    static final int MAX_NAME = 255;

    private final FileStore files;

    RequestFiles(@Value("${clientdesk.attachments.dir:${clientdesk.data-dir:./data}/attachments}") Path root,
            @Value("${clientdesk.attachments.max-size:10MB}") DataSize maxSize) {
        this.files = new FileStore(root.resolve("requests"), maxSize.toBytes());
    }

    long maxBytes() {
        return files.maxBytes();
    }

    /** Where the attachment's bytes are, if they are there. */
    Optional<Path> open(WorkspaceId workspace, UUID id) {
        return files.open(workspace.value().toString(), id.toString());
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
        FileStore.Stored stored;
        try (InputStream in = file.content()) {
            stored = files.store(workspace.value().toString(), name, in, type -> true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FileStore.Refused e) {
            throw switch (e.problem()) {
                case EMPTY -> InvalidInputException.of("attachments", "requests.attachment.empty", name);
                case TOO_LARGE -> InvalidInputException.of("attachments", "requests.attachment.tooLarge", name,
                        files.maxMegabytes());
                case KIND -> InvalidInputException.of("attachments", "requests.attachment.kind", name);
            };
        }
        return new RequestAttachment(stored.id(), request, message, name, stored.contentType(), stored.size(),
                stored.sha256(), now);
    }
}
