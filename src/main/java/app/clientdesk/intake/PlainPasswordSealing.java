package app.clientdesk.intake;

import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.security.SecretBox;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seals, at start-up, every mailbox password saved before passwords were sealed (a value without the
 * {@link SecretBox#PREFIX}). A start-up step rather than a Flyway migration: the key is the application's
 * configuration (or its key file), which a migration run by Flyway alone does not have; and it runs before the
 * poller or any page reads a password. Each row changes only if it still holds the plain value, so two nodes
 * starting together seal it once.
 */
@Component
class PlainPasswordSealing implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(PlainPasswordSealing.class);

    private final JdbcClient jdbc;
    private final SecretBox secrets;

    PlainPasswordSealing(JdbcClient jdbc, SecretBox secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    @Override
    public void afterPropertiesSet() {
        int sealed = sealPlainPasswords();
        if (sealed > 0) {
            log.info("Sealed {} mailbox password(s) saved before passwords were kept encrypted", sealed);
        }
    }

    /** How many plain passwords were sealed. */
    int sealPlainPasswords() {
        record Plain(UUID workspace, String password) {
        }
        List<Plain> plain = jdbc.sql("""
                select workspace_id, password from intake_mailboxes
                where password <> '' and password not like 'v1:%'""")
                .query((rs, n) -> new Plain(rs.getObject(1, UUID.class), rs.getString(2))).list();
        int sealed = 0;
        for (Plain row : plain) {
            String value = secrets.seal(row.password(), Mailbox.passwordContext(new WorkspaceId(row.workspace())));
            sealed += jdbc.sql("""
                    update intake_mailboxes set password = :sealed
                    where workspace_id = :w and password = :plain""")
                    .param("sealed", value).param("w", row.workspace()).param("plain", row.password()).update();
        }
        return sealed;
    }
}
