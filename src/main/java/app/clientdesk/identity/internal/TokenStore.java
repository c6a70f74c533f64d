package app.clientdesk.identity.internal;

import app.clientdesk.identity.ApiTokens;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for API tokens; tokens are looked up by the hash of what the caller sent. */
@Repository
public class TokenStore {

    private final JdbcClient jdbc;

    TokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public void insert(UUID id, WorkspaceId workspace, UserId user, String name, String hash, String hint, Instant now,
            @Nullable Instant expiresAt) {
        jdbc.sql("""
                insert into api_tokens (id, workspace_id, user_id, name, token_hash, hint, created_at, expires_at)
                values (:id, :workspace, :user, :name, :hash, :hint, :now, :expires)
                """)
                .param("id", id).param("workspace", workspace.value()).param("user", user.value())
                .param("name", name).param("hash", hash).param("hint", hint).param("now", IdentityStore.utc(now))
                .param("expires", expiresAt == null ? null : IdentityStore.utc(expiresAt))
                .update();
    }

    public List<ApiTokens.Listed> active(UserId user) {
        return jdbc.sql("""
                select id, name, hint, created_at, last_used_at, expires_at from api_tokens
                where user_id = :user and revoked_at is null order by created_at desc
                """).param("user", user.value())
                .query((rs, n) -> new ApiTokens.Listed(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("hint"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        instant(rs, "last_used_at"), instant(rs, "expires_at")))
                .list();
    }

    public boolean revoke(UserId user, UUID id, Instant now) {
        return jdbc.sql("update api_tokens set revoked_at = :now where id = :id and user_id = :user and revoked_at is null")
                .param("now", IdentityStore.utc(now)).param("id", id).param("user", user.value()).update() == 1;
    }

    /** The token's owner, if the token is known and not revoked (expired or not: the caller decides). */
    public Optional<TokenOwner> ownerOf(String token) {
        return jdbc.sql("""
                select t.id, t.user_id, t.last_used_at, t.expires_at from api_tokens t
                where t.token_hash = :hash and t.revoked_at is null
                """).param("hash", hash(token))
                .query((rs, n) -> new TokenOwner(rs.getObject("id", UUID.class),
                        new UserId(rs.getObject("user_id", UUID.class)), instant(rs, "last_used_at"),
                        instant(rs, "expires_at")))
                .optional();
    }

    private static @Nullable Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                .orElse(null);
    }

    public void touch(UUID id, Instant now) {
        jdbc.sql("update api_tokens set last_used_at = :now where id = :id").param("now", IdentityStore.utc(now))
                .param("id", id).update();
    }

    public record TokenOwner(UUID tokenId, UserId userId, @Nullable Instant lastUsedAt, @Nullable Instant expiresAt) {

        public boolean expired(Instant now) {
            return expiresAt != null && !expiresAt.isAfter(now);
        }
    }
}
