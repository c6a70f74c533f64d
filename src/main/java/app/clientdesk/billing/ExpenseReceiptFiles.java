package app.clientdesk.billing;

import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.files.FileStore;
import app.clientdesk.shared.text.Text;
import app.clientdesk.shared.validation.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Receipts on disk: {@code <receipts dir>/<workspace>/<expense id>} ({@link FileStore}). An upload is first written
 * to a temporary file beside its place and judged there (size, and kind by its bytes: a PDF or an image); it is
 * moved into place only inside the transaction that writes the row. If that transaction rolls back, the new file
 * goes and a receipt it replaced comes back; a receipt replaced or removed is deleted only once the change is
 * committed.
 */
@Component
class ExpenseReceiptFiles {

    static final int MAX_NAME = 255;
    static final Set<String> ACCEPTED = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif",
            "image/webp");

    private final FileStore files;

    ExpenseReceiptFiles(@Value("${clientdesk.receipts.dir:${clientdesk.data-dir:./data}/receipts}") Path root,
            @Value("${clientdesk.receipts.max-size:10MB}") DataSize maxSize) {
        this.files = new FileStore(root, maxSize.toBytes());
    }

    long maxBytes() {
        return files.maxBytes();
    }

    /** An upload written to a temporary file and found acceptable, not yet in place. */
    record Staged(FileStore.Upload upload, Expense.Receipt receipt) {
    }

    /**
     * Writes the upload beside its place and checks it.
     *
     * @throws InvalidInputException (field {@code receipt}) for an empty file, one over the limit or one that is
     *     neither a PDF nor an image; nothing is left on disk
     */
    Staged stage(WorkspaceId workspace, ExpenseReceiptUpload upload) {
        String name = cleanName(upload.fileName());
        if (name == null) {
            name = "receipt";
        }
        FileStore.Upload received = null;
        try (InputStream in = upload.content()) {
            received = files.receive(folder(workspace), in);
            Staged staged = new Staged(received, new Expense.Receipt(name, received.type(name, ACCEPTED::contains),
                    received.size()));
            received = null;
            return staged;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FileStore.Refused e) {
            throw switch (e.problem()) {
                case EMPTY -> InvalidInputException.of("receipt", "expenses.receipt.empty");
                case TOO_LARGE -> InvalidInputException.of("receipt", "expenses.receipt.tooLarge", files.maxMegabytes());
                case KIND -> InvalidInputException.of("receipt", "expenses.receipt.kind");
            };
        } finally {
            if (received != null) {
                received.close();
            }
        }
    }

    void discard(@Nullable Staged staged) {
        if (staged != null) {
            staged.upload().close();
        }
    }

    /**
     * Moves a staged upload into the expense's place, in the current transaction: a receipt already there is
     * kept aside, deleted on commit and put back on rollback.
     */
    void put(UUID expense, Staged staged) {
        staged.upload().keep(expense.toString());
    }

    /** Deletes the expense's receipt once the current transaction commits. */
    void removeAfterCommit(WorkspaceId workspace, UUID expense) {
        files.deleteAfterCommit(folder(workspace), expense.toString());
    }

    /** Where the expense's receipt is, if it is there. */
    Optional<Path> open(WorkspaceId workspace, UUID expense) {
        return files.open(folder(workspace), expense.toString());
    }

    private static String folder(WorkspaceId workspace) {
        return workspace.value().toString();
    }

    /** The name as shown and offered on download: no folders, no control characters, at most 255 characters. */
    static @Nullable String cleanName(@Nullable String fileName) {
        return Text.fileName(fileName, MAX_NAME);
    }
}
