package app.clientdesk.identity.internal;

import app.clientdesk.identity.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for forgot-password links (only their hashes are stored) and for the browsers a reset forgets. */
@Repository
public class PasswordResetStore {

    private final JdbcClient jdbc;

    PasswordResetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String tokenHash, UserId user, Instant now, Instant expires) {
        jdbc.sql("""
                insert into password_resets (token_hash, user_id, created_at, expires_at)
                values (:hash, :user, :now, :expires)
                """).param("hash", tokenHash).param("user", user.value()).param("now", IdentityStore.utc(now))
                .param("expires", IdentityStore.utc(expires)).update();
    }

    /** The person a link is for, while it is unused and unexpired. */
    public Optional<UserId> usable(String tokenHash, Instant now) {
        return jdbc.sql("""
                select r.user_id from password_resets r join users u on u.id = r.user_id
                where r.token_hash = :hash and r.used_at is null and r.expires_at > :now and u.disabled_at is null
                """).param("hash", tokenHash).param("now", IdentityStore.utc(now))
                .query((rs, n) -> new UserId(rs.getObject(1, UUID.class))).optional();
    }

    /** Marks a link used; false when another request used it first (or it expired meanwhile). */
    public boolean use(String tokenHash, Instant now) {
        return jdbc.sql("""
                update password_resets set used_at = :now
                where token_hash = :hash and used_at is null and expires_at > :now
                """).param("hash", tokenHash).param("now", IdentityStore.utc(now)).update() == 1;
    }

    /** Every link of the person stops working (the password was just set another way). */
    public void useAll(UserId user, Instant now) {
        jdbc.sql("update password_resets set used_at = :now where user_id = :user and used_at is null")
                .param("now", IdentityStore.utc(now)).param("user", user.value()).update();
    }

    /** Forgets every browser that signed in as the person: it may have been the one that knew the old password. */
    public void forgetDevices(UserId user) {
        jdbc.sql("delete from known_devices where user_id = :user").param("user", user.value()).update();
    }
}
