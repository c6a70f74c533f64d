package app.clientdesk.time;

import app.clientdesk.time.imports.ImportSource;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A file uploaded to import time from: kept as uploaded until it is committed (status {@code PREVIEW}),
 * then {@code COMMITTED} with how many entries it added and how many of its rows it skipped (already
 * imported, or lasting no time at all). {@code zone} is the zone its local times are read in.
 */
public record TimeImport(UUID id, UUID userId, ImportSource source, String fileName, String sha256, ZoneId zone,
        int rowCount, Status status, @Nullable Integer importedCount, @Nullable Integer skippedCount,
        Instant createdAt, @Nullable Instant committedAt) {

    public enum Status {
        PREVIEW, COMMITTED
    }

    public boolean committed() {
        return status == Status.COMMITTED;
    }
}
