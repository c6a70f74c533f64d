package app.clientdesk.billing;

import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.files.FileTypes;
import app.clientdesk.shared.validation.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * Receipts on disk: {@code <receipts dir>/<workspace>/<expense id>}. An upload is first written to a temporary
 * file beside its place and judged there (size, and kind by its bytes: a PDF or an image); it is moved into
 * place only inside the transaction that writes the row. If that transaction rolls back, the new file goes and
 * a receipt it replaced comes back; a receipt replaced or removed is deleted only once the change is committed.
 */
@Component
class ExpenseReceiptFiles {

    static final int MAX_NAME = 255;
    static final Set<String> ACCEPTED = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif",
            "image/webp");

    private final Path root;
    private final long maxBytes;

    ExpenseReceiptFiles(@Value("${clientdesk.receipts.dir:${clientdesk.data-dir:./data}/receipts}") Path root,
            @Value("${clientdesk.receipts.max-size:10MB}") DataSize maxSize) {
        this.root = root.toAbsolutePath().normalize();
        this.maxBytes = maxSize.toBytes();
    }

    long maxBytes() {
        return maxBytes;
    }

    /** An upload written to a temporary file and found acceptable, not yet in place. */
    record Staged(Path temp, Expense.Receipt receipt) {
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
        Path temp = null;
        try {
            Path folder = folder(workspace);
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "upload-", ".part");
            long size;
            try (InputStream in = upload.content(); OutputStream out = Files.newOutputStream(temp)) {
                size = copyAtMost(in, out, maxBytes + 1);
            }
            if (size == 0) {
                throw InvalidInputException.of("receipt", "expenses.receipt.empty");
            }
            if (size > maxBytes) {
                throw InvalidInputException.of("receipt", "expenses.receipt.tooLarge", maxBytes / (1024 * 1024));
            }
            String type = FileTypes.detect(temp, name).filter(ACCEPTED::contains)
                    .orElseThrow(() -> InvalidInputException.of("receipt", "expenses.receipt.kind"));
            Staged staged = new Staged(temp, new Expense.Receipt(name, type, size));
            temp = null;
            return staged;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    void discard(@Nullable Staged staged) {
        if (staged != null) {
            deleteQuietly(staged.temp());
        }
    }

    /**
     * Moves a staged upload into the expense's place, in the current transaction: a receipt already there is
     * kept aside, deleted on commit and put back on rollback.
     */
    void put(WorkspaceId workspace, UUID expense, Staged staged) {
        Path target = file(workspace, expense);
        Path aside = null;
        try {
            if (Files.exists(target)) {
                aside = target.resolveSibling(expense + ".replaced-" + UUID.randomUUID());
                Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staged.temp(), target, StandardCopyOption.ATOMIC_MOVE);
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
    }

    /** Deletes the expense's receipt once the current transaction commits. */
    void removeAfterCommit(WorkspaceId workspace, UUID expense) {
        Path target = file(workspace, expense);
        afterCompletion(committed -> {
            if (committed) {
                deleteQuietly(target);
            }
        });
    }

    Path file(WorkspaceId workspace, UUID expense) {
        return folder(workspace).resolve(expense.toString());
    }

    private Path folder(WorkspaceId workspace) {
        return root.resolve(workspace.value().toString());
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
