package app.clientdesk.shared.api;

import app.clientdesk.shared.validation.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The API's {@code Idempotency-Key}: an operation sent again with the same key returns what the first one made
 * and does nothing new. The key is written first, in the operation's own transaction, so a retry arriving
 * while the first is still running waits for it and then finds its result; a key reused for a different
 * request is refused. Used by every module's API (billing, requests); the workspace is its plain id because
 * {@code shared} may not depend on {@code identity}. It does not check that the caller belongs to the workspace:
 * the caller's module did.
 */
@Service
public class Idempotency {

    private static final UUID PENDING = new UUID(0, 0);

    private final JdbcClient jdbc;
    private final Clock clock;

    Idempotency(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The outcome: the resource's id, and whether this call made it (false: a retry answered from the key). */
    public record Outcome(UUID resourceId, boolean created) {
    }

    /**
     * Runs {@code action} (in the caller's transaction, which this requires) unless {@code key} was seen for
     * {@code operation}: then answers the first result. {@code request} is what the call asked (body and path);
     * the same key with another request is a 422.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome once(UUID workspace, String operation, @Nullable String key, String request,
            Supplier<UUID> action) {
        if (key == null || key.isBlank()) {
            return new Outcome(action.get(), true);
        }
        String k = key.strip();
        if (k.length() > 200) {
            throw InvalidInputException.of("Idempotency-Key", "api.idempotency.tooLong");
        }
        String hash = sha256(request);
        Optional<Seen> seen = seen(workspace, operation, k);
        if (seen.isEmpty()) {
            try {
                jdbc.sql("""
                        insert into idempotency_keys (workspace_id, operation, idem_key, request_hash, resource_id,
                            created_at)
                        values (:w, :op, :key, :hash, :pending, :now)""")
                        .param("w", workspace).param("op", operation).param("key", k).param("hash", hash)
                        .param("pending", PENDING).param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
            } catch (DuplicateKeyException e) {
                // A call with the same key committed while this one started: this transaction must be retried.
                throw new Retry();
            }
            UUID made = action.get();
            jdbc.sql("""
                    update idempotency_keys set resource_id = :id
                    where workspace_id = :w and operation = :op and idem_key = :key""")
                    .param("id", made).param("w", workspace).param("op", operation).param("key", k).update();
            return new Outcome(made, true);
        }
        if (!seen.get().hash().equals(hash)) {
            throw InvalidInputException.of("Idempotency-Key", "api.idempotency.reused");
        }
        return new Outcome(seen.get().resource(), false);
    }

    /**
     * The result of a call already finished with {@code key} (outside any transaction, without waiting): lets a
     * retry answer before doing slow work such as rendering a PDF. Empty without a key, for a new key, or while the
     * first call is still running. The same key with another request is a 422.
     */
    public Optional<UUID> answered(UUID workspace, String operation, @Nullable String key, String request) {
        if (key == null || key.isBlank() || key.strip().length() > 200) {
            return Optional.empty();
        }
        Optional<Seen> seen = seen(workspace, operation, key.strip());
        if (seen.isEmpty() || seen.get().resource().equals(PENDING)) {
            return Optional.empty();
        }
        if (!seen.get().hash().equals(sha256(request))) {
            throw InvalidInputException.of("Idempotency-Key", "api.idempotency.reused");
        }
        return Optional.of(seen.get().resource());
    }

    private record Seen(String hash, UUID resource) {
    }

    private Optional<Seen> seen(UUID workspace, String operation, String key) {
        return jdbc.sql("""
                select request_hash, resource_id from idempotency_keys
                where workspace_id = :w and operation = :op and idem_key = :key""")
                .param("w", workspace).param("op", operation).param("key", key)
                .query((rs, n) -> new Seen(rs.getString("request_hash").strip(), rs.getObject("resource_id", UUID.class)))
                .optional();
    }

    /** Another call with the same key won the race; running the whole call again answers from its result. */
    public static final class Retry extends RuntimeException {
        Retry() {
            super("idempotency key taken concurrently; retry");
        }
    }

    /** The SHA-256 of {@code text} in hex: what a key remembers of the request it came with. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
