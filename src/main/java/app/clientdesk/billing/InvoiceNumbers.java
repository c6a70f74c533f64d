package app.clientdesk.billing;

import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.identity.WorkspaceLocks;
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
    private final WorkspaceLocks locks;

    InvoiceNumbers(JdbcClient jdbc, WorkspaceLocks locks) {
        this.jdbc = jdbc;
        this.locks = locks;
    }

    /** The next number of {@code series} for an invoice issued on {@code issueDate}, written with {@code pattern}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String next(WorkspaceId workspace, String series, InvoiceNumberPattern pattern, LocalDate issueDate) {
        String period = pattern.period(issueDate);
        locks.lock(workspace);
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
