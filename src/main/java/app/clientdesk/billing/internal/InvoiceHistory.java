package app.clientdesk.billing.internal;

import app.clientdesk.billing.InvoiceId;
import app.clientdesk.billing.InvoiceKind;
import app.clientdesk.billing.InvoiceStatus;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.money.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the invoice page shows besides the invoice: its history ({@code invoice_events}, oldest first) and the
 * deposit invoices taken on it. Callers have already read the invoice as its owner; every query is scoped by
 * the workspace all the same.
 */
@Repository
public class InvoiceHistory {

    /**
     * One thing that happened to an invoice: created, issued (detail: the number), payment, voided, sent or
     * reminded ({@code message}: the email it put in the outbox, if known).
     */
    public record Event(Instant at, String kind, @Nullable String detail, @Nullable String by,
            @Nullable UUID message) {
    }

    /** A deposit invoice asked on a final invoice. */
    public record Deposit(InvoiceId id, @Nullable String number, InvoiceStatus status, Money total) {
    }

    private final JdbcClient jdbc;

    InvoiceHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Event> events(WorkspaceId workspace, InvoiceId invoice) {
        return jdbc.sql("""
                select e.at, e.kind, e.detail, u.display_name, e.message_id
                from invoice_events e left join users u on u.id = e.user_id and u.workspace_id = e.workspace_id
                where e.workspace_id = :w and e.invoice_id = :i
                order by e.at, e.id""")
                .param("w", workspace.value()).param("i", invoice.value())
                .query((rs, n) -> new Event(rs.getObject("at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getString("kind"), rs.getString("detail"), rs.getString("display_name"),
                        rs.getObject("message_id", UUID.class)))
                .list();
    }

    List<Deposit> deposits(WorkspaceId workspace, InvoiceId invoice) {
        return jdbc.sql("""
                select id, number, status, currency, total from invoices
                where workspace_id = :w and deposit_for = :i and kind = :kind
                order by created_at, id""")
                .param("w", workspace.value()).param("i", invoice.value()).param("kind", InvoiceKind.DEPOSIT.name())
                .query((rs, n) -> new Deposit(new InvoiceId(rs.getObject("id", UUID.class)), rs.getString("number"),
                        InvoiceStatus.valueOf(rs.getString("status")),
                        new Money(rs.getBigDecimal("total"), Currency.getInstance(rs.getString("currency")))))
                .list();
    }

    /** For each of these time entries on a draft invoice, that draft's id. */
    java.util.Map<UUID, UUID> draftsOf(WorkspaceId workspace, java.util.Collection<UUID> entries) {
        java.util.Map<UUID, UUID> out = new java.util.HashMap<>();
        if (entries.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select e.entry_id, e.invoice_id from invoice_line_entries e join invoices i on i.id = e.invoice_id
                where e.workspace_id = :w and i.workspace_id = :w and i.status = 'DRAFT' and e.entry_id in (:entries)""")
                .param("w", workspace.value()).param("entries", entries)
                .query((rs, n) -> out.put(rs.getObject("entry_id", UUID.class), rs.getObject("invoice_id", UUID.class)))
                .list();
        return out;
    }
}
