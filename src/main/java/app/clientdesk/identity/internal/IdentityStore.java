package app.clientdesk.identity.internal;

import app.clientdesk.identity.Account;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for workspaces and users. Every read of a workspace's people filters by workspace. */
@Repository
public class IdentityStore {

    private static final String USER_COLUMNS = """
            u.id, u.workspace_id, w.name as workspace_name, u.email, u.display_name, u.password_hash, u.role,
            u.locale, u.time_zone, u.client_id, u.disabled_at
            """;

    private final JdbcClient jdbc;

    public IdentityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public void insertWorkspace(WorkspaceId id, String name, String currency, String zone, String locale, Instant now) {
        jdbc.sql("""
                insert into workspaces (id, name, base_currency, time_zone, locale, created_at)
                values (:id, :name, :currency, :zone, :locale, :now)
                """)
                .param("id", id.value()).param("name", name).param("currency", currency).param("zone", zone)
                .param("locale", locale).param("now", utc(now)).update();
    }

    public Optional<app.clientdesk.identity.WorkspaceSettings> workspace(WorkspaceId id) {
        return jdbc.sql("select id, name, base_currency, time_zone, locale from workspaces where id = :id")
                .param("id", id.value())
                .query((rs, n) -> new app.clientdesk.identity.WorkspaceSettings(id, rs.getString("name"),
                        rs.getString("base_currency"), rs.getString("time_zone"), rs.getString("locale")))
                .optional();
    }

    public void updateWorkspace(WorkspaceId id, String name, String currency, String zone, String locale) {
        jdbc.sql("update workspaces set name = :name, base_currency = :currency, time_zone = :zone, locale = :locale where id = :id")
                .param("name", name).param("currency", currency).param("zone", zone).param("locale", locale)
                .param("id", id.value()).update();
    }

    public void insertUser(UserId id, WorkspaceId workspace, String email, String displayName, String passwordHash,
            Role role, String locale, String zone, @Nullable UUID clientId, Instant now) {
        jdbc.sql("""
                insert into users (id, workspace_id, email, display_name, password_hash, role, locale, time_zone,
                                   client_id, created_at)
                values (:id, :workspace, :email, :name, :hash, :role, :locale, :zone, :client, :now)
                """)
                .param("id", id.value()).param("workspace", workspace.value()).param("email", email)
                .param("name", displayName).param("hash", passwordHash).param("role", role.name())
                .param("locale", locale).param("zone", zone).param("client", clientId).param("now", utc(now))
                .update();
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("select count(*) from users where email = :email").param("email", email)
                .query(Long.class).single() > 0;
    }

    public Optional<CurrentUser> principalByEmail(String email) {
        return jdbc.sql("select " + USER_COLUMNS + " from users u join workspaces w on w.id = u.workspace_id where u.email = :email")
                .param("email", email).query(IdentityStore::principal).optional();
    }

    public Optional<CurrentUser> principalById(UserId id) {
        return jdbc.sql("select " + USER_COLUMNS + " from users u join workspaces w on w.id = u.workspace_id where u.id = :id")
                .param("id", id.value()).query(IdentityStore::principal).optional();
    }

    public Optional<String> passwordHash(UserId id) {
        return jdbc.sql("select password_hash from users where id = :id").param("id", id.value())
                .query(String.class).optional();
    }

    public void updatePassword(UserId id, String hash) {
        jdbc.sql("update users set password_hash = :hash where id = :id").param("hash", hash)
                .param("id", id.value()).update();
    }

    public void updateProfile(UserId id, String displayName, String locale, String zone) {
        jdbc.sql("update users set display_name = :name, locale = :locale, time_zone = :zone where id = :id")
                .param("name", displayName).param("locale", locale).param("zone", zone).param("id", id.value())
                .update();
    }

    /** A client contact's account follows the contact's name and email (the caller checked the email is free). */
    public void updateContact(UserId id, String email, String displayName) {
        jdbc.sql("update users set email = :email, display_name = :name where id = :id and role = 'CLIENT'")
                .param("email", email).param("name", displayName).param("id", id.value()).update();
    }

    public void updateLocale(UserId id, String locale) {
        jdbc.sql("update users set locale = :locale where id = :id").param("locale", locale)
                .param("id", id.value()).update();
    }

    public List<Account> accounts(WorkspaceId workspace) {
        return jdbc.sql("""
                select id, workspace_id, email, display_name, role, locale, client_id, disabled_at
                from users where workspace_id = :workspace order by role, lower(display_name)
                """).param("workspace", workspace.value()).query(IdentityStore::account).list();
    }

    public Optional<Account> account(WorkspaceId workspace, UserId id) {
        return jdbc.sql("""
                select id, workspace_id, email, display_name, role, locale, client_id, disabled_at
                from users where workspace_id = :workspace and id = :id
                """).param("workspace", workspace.value()).param("id", id.value())
                .query(IdentityStore::account).optional();
    }

    public Optional<Account> accountByEmail(String email) {
        return jdbc.sql("""
                select id, workspace_id, email, display_name, role, locale, client_id, disabled_at
                from users where email = :email
                """).param("email", email).query(IdentityStore::account).optional();
    }

    public void setDisabled(WorkspaceId workspace, UserId id, @Nullable Instant at) {
        jdbc.sql("update users set disabled_at = :at where workspace_id = :workspace and id = :id and role <> 'OWNER'")
                .param("at", at == null ? null : utc(at)).param("workspace", workspace.value())
                .param("id", id.value()).update();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(new UserId(rs.getObject("id", UUID.class)),
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getString("email"),
                rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                Locale.forLanguageTag(rs.getString("locale")), rs.getObject("client_id", UUID.class),
                rs.getObject("disabled_at", OffsetDateTime.class) != null);
    }

    private static CurrentUser principal(ResultSet rs, int row) throws SQLException {
        return new CurrentUser(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class),
                rs.getString("workspace_name"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
                Locale.forLanguageTag(rs.getString("locale")), ZoneId.of(rs.getString("time_zone")),
                rs.getObject("client_id", UUID.class), rs.getObject("disabled_at", OffsetDateTime.class) == null);
    }
}
