package app.clientdesk.identity.internal;

import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for owners' email confirmations and for the sign-up notice sent to an existing account. */
@Repository
public class ConfirmationStore {

    private final JdbcClient jdbc;

    ConfirmationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One owner of a workspace: the address and whether it is confirmed. */
    public record Owner(String email, boolean confirmed) {
    }

    public List<Owner> owners(WorkspaceId workspace) {
        return jdbc.sql("""
                select email, email_confirmed_at from users
                where workspace_id = :w and role = 'OWNER' and disabled_at is null""")
                .param("w", workspace.value())
                .query((rs, n) -> new Owner(rs.getString("email"),
                        rs.getObject("email_confirmed_at", OffsetDateTime.class) != null))
                .list();
    }

    public boolean confirmed(UserId user) {
        return jdbc.sql("select count(*) from users where id = :id and email_confirmed_at is not null")
                .param("id", user.value()).query(Long.class).single() > 0;
    }

    public void markConfirmed(UserId user, Instant now) {
        jdbc.sql("update users set email_confirmed_at = :now where id = :id and email_confirmed_at is null")
                .param("now", IdentityStore.utc(now)).param("id", user.value()).update();
    }

    public void insert(String hash, UserId user, String email, Instant now, Instant expires) {
        jdbc.sql("""
                insert into email_confirmations (token_hash, user_id, email, created_at, expires_at)
                values (:hash, :user, :email, :now, :expires)""")
                .param("hash", hash).param("user", user.value()).param("email", email)
                .param("now", IdentityStore.utc(now)).param("expires", IdentityStore.utc(expires)).update();
    }

    public Optional<Instant> lastIssued(UserId user) {
        return jdbc.sql("select max(created_at) from email_confirmations where user_id = :user")
                .param("user", user.value()).query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional()
                .flatMap(Optional::ofNullable).map(OffsetDateTime::toInstant);
    }

    /**
     * Uses the link once: true when it was unused and unexpired and the account still has the address it was
     * sent to; the account is then confirmed. Both updates test their condition, so two clicks confirm once.
     */
    public Optional<UserId> use(String hash, Instant now) {
        Optional<Row> row = jdbc.sql("""
                select c.user_id, c.email from email_confirmations c join users u on u.id = c.user_id
                where c.token_hash = :hash and c.used_at is null and c.expires_at > :now and u.email = c.email""")
                .param("hash", hash).param("now", IdentityStore.utc(now))
                .query((rs, n) -> new Row(new UserId(rs.getObject("user_id", UUID.class)), rs.getString("email")))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        int used = jdbc.sql("update email_confirmations set used_at = :now where token_hash = :hash and used_at is null")
                .param("now", IdentityStore.utc(now)).param("hash", hash).update();
        if (used != 1) {
            return Optional.empty();
        }
        markConfirmed(row.get().user(), now);
        return Optional.of(row.get().user());
    }

    /**
     * Claims the right to send "you already have an account" to this address: true at most once per
     * {@code since}..now window, so repeated sign-ups cannot flood a stranger's inbox.
     */
    public boolean claimSignUpNotice(UserId user, Instant now, Instant since) {
        return jdbc.sql("""
                update users set signup_notice_at = :now
                where id = :id and (signup_notice_at is null or signup_notice_at < :since)""")
                .param("now", IdentityStore.utc(now)).param("since", IdentityStore.utc(since))
                .param("id", user.value()).update() == 1;
    }

    private record Row(UserId user, @Nullable String email) {
    }
}
