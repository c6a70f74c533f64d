package app.clientdesk.billing;

import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/** A receipt as uploaded: the file's name as the browser gave it, and its bytes (read once). */
public record ExpenseReceiptUpload(@Nullable String fileName, InputStream content) {
}
