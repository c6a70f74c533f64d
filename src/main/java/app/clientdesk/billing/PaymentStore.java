package app.clientdesk.billing;

import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.money.Money;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for payments. Every statement names the workspace. */
@Repository
class PaymentStore {

    private final JdbcClient jdbc;

    /** The money reports' monthly sums: a payment's month of cash is summed again when it is recorded. */
    private final MonthSums monthSums;

    PaymentStore(JdbcClient jdbc, MonthSums monthSums) {
        this.jdbc = jdbc;
        this.monthSums = monthSums;
    }

    void insert(WorkspaceId workspace, Payment p, UUID client, @Nullable String requestKey, @Nullable UUID by) {
        jdbc.sql("""
                insert into payments (id, workspace_id, invoice_id, client_id, paid_on, amount, credit, method, fee,
                    received_currency, received_amount, received_rate, base_rate, note, request_key, created_by,
                    created_at)
                values (:id, :w, :invoice, :client, :on, :amount, :credit, :method, :fee, :rc, :ra, :rr, :base, :note,
                    :key, :by, :at)""")
                .param("id", p.id()).param("w", workspace.value()).param("invoice", p.invoiceId().value())
                .param("client", client).param("on", Date.valueOf(p.paidOn())).param("amount", p.amount().amount())
                .param("credit", p.credit().amount()).param("method", p.method()).param("fee", p.fee().amount())
                .param("rc", p.received() == null ? null : p.received().currency().getCurrencyCode())
                .param("ra", p.received() == null ? null : p.received().amount()).param("rr", p.receivedRate())
                .param("base", p.baseRate()).param("note", p.note()).param("key", requestKey).param("by", by)
                .param("at", InvoiceStore.utc(p.createdAt())).update();

        monthSums.paymentChanged(workspace, client, p.paidOn());
    }

    /** Keeps the hash of what the payment recorded under a request key asked for. */
    void rememberRequest(WorkspaceId workspace, UUID payment, String requestHash) {
        jdbc.sql("update payments set request_hash = :h where workspace_id = :w and id = :id")
                .param("h", requestHash).param("w", workspace.value()).param("id", payment).update();
    }

    /** The request hash kept with the payment of {@code key}; empty for payments recorded before hashes were kept. */
    Optional<String> requestHash(WorkspaceId workspace, String key) {
        return jdbc.sql("select request_hash from payments where workspace_id = :w and request_key = :key")
                .param("w", workspace.value()).param("key", key).query(String.class).optional();
    }

    Optional<Payment> byRequestKey(WorkspaceId workspace, String key) {
        return jdbc.sql("""
                select p.*, i.currency from payments p join invoices i on i.id = p.invoice_id
                where p.workspace_id = :w and p.request_key = :key""")
                .param("w", workspace.value()).param("key", key).query(PaymentStore::payment).optional();
    }

    List<Payment> ofInvoice(WorkspaceId workspace, UUID invoice) {
        return jdbc.sql("""
                select p.*, i.currency from payments p join invoices i on i.id = p.invoice_id
                where p.workspace_id = :w and p.invoice_id = :i order by p.paid_on, p.created_at""")
                .param("w", workspace.value()).param("i", invoice).query(PaymentStore::payment).list();
    }

    static Payment payment(ResultSet rs, int n) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        String rc = rs.getString("received_currency");
        BigDecimal ra = rs.getBigDecimal("received_amount");
        return new Payment(rs.getObject("id", UUID.class), new InvoiceId(rs.getObject("invoice_id", UUID.class)),
                rs.getDate("paid_on").toLocalDate(), new Money(rs.getBigDecimal("amount"), currency),
                new Money(rs.getBigDecimal("credit"), currency), rs.getString("method"),
                new Money(rs.getBigDecimal("fee"), currency),
                rc == null || ra == null ? null : new Money(ra, Currency.getInstance(rc)),
                rs.getBigDecimal("received_rate"), rs.getBigDecimal("base_rate"), rs.getString("note"),
                InvoiceStore.instant(rs, "created_at"));
    }
}
