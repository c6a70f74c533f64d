package app.clientdesk.billing;

import app.clientdesk.identity.WorkspaceId;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gapless invoice numbers. A number is drawn inside the transaction that issues the invoice (this refuses to
 * run outside one): the workspace's row is locked first, so two people issuing at once are served one after
 * the other and never get the same number; if the issuing transaction rolls back, its number is given back.
 */
@Service
public class InvoiceNumbers {

    private final JdbcClient jdbc;
    private final String lock;

    InvoiceNumbers(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.lock = lockClause(dataSource);
    }

    /**
     * How the workspace's row is locked. On PostgreSQL "for no key update": it serialises issuers as "for update"
     * would, but does not wait for the key-share locks that every insert referencing the workspace holds (an
     * issue writes lines and events before it draws its number; two issuers each holding such a lock and each
     * asking "for update" would deadlock). H2 takes no such locks and knows only "for update".
     */
    private static String lockClause(javax.sql.DataSource dataSource) {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres") ? "for no key update" : "for update";
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }

    /** The next number of {@code series} for an invoice issued on {@code issueDate}, written with {@code pattern}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String next(WorkspaceId workspace, String series, InvoiceNumberPattern pattern, LocalDate issueDate) {
        String period = pattern.period(issueDate);
        jdbc.sql("select id from workspaces where id = :w " + lock).param("w", workspace.value())
                .query(java.util.UUID.class).single();
        Optional<Long> last = jdbc.sql("""
                select last_value from invoice_counters where workspace_id = :w and series = :s and period = :p""")
                .param("w", workspace.value()).param("s", series).param("p", period).query(Long.class).optional();
        long value = last.map(v -> v + 1).orElse(1L);
        if (last.isPresent()) {
            jdbc.sql("""
                    update invoice_counters set last_value = :v where workspace_id = :w and series = :s and period = :p""")
                    .param("v", value).param("w", workspace.value()).param("s", series).param("p", period).update();
        } else {
            jdbc.sql("insert into invoice_counters (workspace_id, series, period, last_value) values (:w, :s, :p, :v)")
                    .param("v", value).param("w", workspace.value()).param("s", series).param("p", period).update();
        }
        return pattern.format(issueDate, value);
    }
}
