package app.clientdesk.billing;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.identity.Workspaces;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An invoice that is overdue on the day it is issued (back-dated, or due the day before) gets no payment reminder
 * until the owner says so on its page: a client must not be chased the moment an invoice exists. The hold is set
 * in the issuing transaction ({@link Invoices.IssueStep}); {@link Reminders} passes held invoices by.
 */
@Component
public class ReminderConsent implements Invoices.IssueStep {

    private final JdbcClient jdbc;
    private final Workspaces workspaces;
    private final Clock clock;

    ReminderConsent(JdbcClient jdbc, Workspaces workspaces, Clock clock) {
        this.jdbc = jdbc;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    @Override
    public void issued(WorkspaceId workspace, Invoice invoice) {
        if (invoice.kind() == InvoiceKind.CREDIT_NOTE || invoice.dueDate() == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(workspaces.settings(workspace).timeZone())));
        if (invoice.dueDate().isBefore(today)) {
            jdbc.sql("update invoices set reminders_held = true where workspace_id = :w and id = :id")
                    .param("w", workspace.value()).param("id", invoice.id().value()).update();
        }
    }

    /** Whether the invoice's reminders wait for the owner's word. */
    @Transactional(readOnly = true)
    public boolean held(CurrentUser viewer, InvoiceId id) {
        viewer.requireOwner();
        return jdbc.sql("select reminders_held from invoices where workspace_id = :w and id = :id")
                .param("w", viewer.workspaceId().value()).param("id", id.value()).query(Boolean.class).optional()
                .orElse(false);
    }

    /** The owner's word: reminders may go for this invoice, from the next step due (earlier ones are skipped). */
    @Transactional
    public void allow(CurrentUser viewer, InvoiceId id) {
        viewer.requireOwner();
        int changed = jdbc.sql("update invoices set reminders_held = false where workspace_id = :w and id = :id")
                .param("w", viewer.workspaceId().value()).param("id", id.value()).update();
        if (changed == 0) {
            throw new app.clientdesk.shared.web.NotFoundException("invoice");
        }
    }
}
