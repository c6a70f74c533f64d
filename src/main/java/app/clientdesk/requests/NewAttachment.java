package app.clientdesk.requests;

import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/** A file to attach, as uploaded or taken from an email: its name and its bytes (type judged by the bytes). */
public record NewAttachment(@Nullable String fileName, InputStream content) {
}
