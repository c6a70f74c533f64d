package app.clientdesk.billing;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.money.Money;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for expenses. Every statement names the workspace. */
@Repository
class ExpenseStore {

    private static final String SELECT = """
            select e.*, c.name as client_name, p.name as project_name
            from expenses e
            join clients c on c.id = e.client_id
            left join projects p on p.id = e.project_id
            """;

    private final JdbcClient jdbc;

    ExpenseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Expense> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql(SELECT + " where e.workspace_id = :w and e.id = :id")
                .param("w", workspace.value()).param("id", id).query(ExpenseStore::row).optional();
    }

    /** The expense's row locked until the transaction ends, so a change and an invoice's claim go one by one. */
    Optional<Expense> lock(WorkspaceId workspace, UUID id) {
        jdbc.sql("select id from expenses where workspace_id = :w and id = :id for update")
                .param("w", workspace.value()).param("id", id).query(UUID.class).optional();
        return find(workspace, id);
    }

    List<Expense> search(WorkspaceId workspace, ExpenseQuery q) {
        Map<String, Object> params = new HashMap<>();
        String where = where(workspace, q, params);
        params.put("limit", q.limit());
        params.put("offset", q.offset());
        return jdbc.sql(SELECT + where + " order by e.spent_on desc, e.created_at desc, e.id limit :limit offset :offset")
                .params(params).query(ExpenseStore::row).list();
    }

    /** How many expenses match, and their sum per currency, in currency order. */
    record Totals(long count, List<Money> sums) {
    }

    /**
     * The matches' count and exact sums per currency in one pass (the list used to scan twice, once to count and
     * once to sum); an index of the workspace's dates that holds the currency and amount answers it.
     */
    Totals totals(WorkspaceId workspace, ExpenseQuery q) {
        Map<String, Object> params = new HashMap<>();
        String where = where(workspace, q, params);
        long[] count = {0};
        List<Money> sums = jdbc.sql("select e.currency, count(*) as n, sum(e.amount) as total from expenses e" + where
                        + " group by e.currency order by e.currency")
                .params(params)
                .query((rs, n) -> {
                    count[0] += rs.getLong("n");
                    return new Money(rs.getBigDecimal("total"), Currency.getInstance(rs.getString("currency").strip()));
                })
                .list();
        return new Totals(count[0], sums);
    }

    private static String where(WorkspaceId workspace, ExpenseQuery q, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where e.workspace_id = :w");
        params.put("w", workspace.value());
        if (q.clientId() != null) {
            where.append(" and e.client_id = :client");
            params.put("client", q.clientId());
        }
        if (q.from() != null) {
            where.append(" and e.spent_on >= :from");
            params.put("from", Date.valueOf(q.from()));
        }
        if (q.to() != null) {
            where.append(" and e.spent_on <= :to");
            params.put("to", Date.valueOf(q.to()));
        }
        if (q.billable() != null) {
            where.append(" and e.billable = :billable");
            params.put("billable", q.billable());
        }
        if (q.unbilledOnly()) {
            where.append(" and e.invoice_id is null");
        }
        return where.toString();
    }

    /** Billable expenses of the client on no invoice, in the client's currency, oldest first. */
    List<Expense> unbilled(WorkspaceId workspace, ClientId client) {
        return jdbc.sql(SELECT + """
                 where e.workspace_id = :w and e.client_id = :c and e.billable = true and e.invoice_id is null
                   and e.currency = c.currency
                 order by e.spent_on, e.created_at, e.id""")
                .param("w", workspace.value()).param("c", client.value()).query(ExpenseStore::row).list();
    }

    int markInvoiced(WorkspaceId workspace, Collection<UUID> ids, UUID invoice, @Nullable String number, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                update expenses set invoice_id = :inv, invoice_number = :num, updated_at = :at
                where workspace_id = :w and id in (:ids) and (invoice_id is null or invoice_id = :inv)""")
                .param("inv", invoice).param("num", number).param("at", utc(at)).param("w", workspace.value())
                .param("ids", List.copyOf(ids)).update();
    }

    int release(WorkspaceId workspace, UUID invoice, Instant at) {
        return jdbc.sql("""
                update expenses set invoice_id = null, invoice_number = null, updated_at = :at
                where workspace_id = :w and invoice_id = :inv""")
                .param("at", utc(at)).param("w", workspace.value()).param("inv", invoice).update();
    }

    void insert(WorkspaceId workspace, UUID id, ExpenseRules.Valid e, Expense.@Nullable Receipt receipt, UserId by,
            Instant at) {
        jdbc.sql("""
                insert into expenses (id, workspace_id, client_id, project_id, spent_on, description, category, amount,
                    currency, billable, receipt_name, receipt_type, receipt_size, created_by, created_at, updated_at)
                values (:id, :w, :client, :project, :spent, :description, :category, :amount, :currency, :billable,
                    :rname, :rtype, :rsize, :by, :at, :at)""")
                .params(fields(e, receipt)).param("id", id).param("w", workspace.value()).param("by", by.value())
                .param("at", utc(at)).update();
    }

    /** Changes a row not on an invoice; false when it is gone or was claimed by an invoice meanwhile. */
    boolean update(WorkspaceId workspace, UUID id, ExpenseRules.Valid e, Expense.@Nullable Receipt receipt,
            Instant at) {
        return jdbc.sql("""
                update expenses set client_id = :client, project_id = :project, spent_on = :spent,
                    description = :description, category = :category, amount = :amount, currency = :currency,
                    billable = :billable, receipt_name = :rname, receipt_type = :rtype, receipt_size = :rsize,
                    updated_at = :at
                where workspace_id = :w and id = :id and invoice_id is null""")
                .params(fields(e, receipt)).param("id", id).param("w", workspace.value()).param("at", utc(at))
                .update() == 1;
    }

    boolean delete(WorkspaceId workspace, UUID id) {
        return jdbc.sql("delete from expenses where workspace_id = :w and id = :id and invoice_id is null")
                .param("w", workspace.value()).param("id", id).update() == 1;
    }

    private static Map<String, Object> fields(ExpenseRules.Valid e, Expense.@Nullable Receipt receipt) {
        Map<String, Object> p = new HashMap<>();
        p.put("client", e.client().id().value());
        p.put("project", e.projectId());
        p.put("spent", Date.valueOf(e.spentOn()));
        p.put("description", e.description());
        p.put("category", e.category());
        p.put("amount", e.amount().amount());
        p.put("currency", e.amount().currency().getCurrencyCode());
        p.put("billable", e.billable());
        p.put("rname", receipt == null ? null : receipt.name());
        p.put("rtype", receipt == null ? null : receipt.contentType());
        p.put("rsize", receipt == null ? null : receipt.size());
        return p;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Expense row(ResultSet rs, int n) throws SQLException {
        String receiptName = rs.getString("receipt_name");
        Expense.Receipt receipt = receiptName == null ? null
                : new Expense.Receipt(receiptName, rs.getString("receipt_type"), rs.getLong("receipt_size"));
        return new Expense(rs.getObject("id", UUID.class), new ClientId(rs.getObject("client_id", UUID.class)),
                rs.getString("client_name"), rs.getObject("project_id", UUID.class), rs.getString("project_name"),
                rs.getObject("spent_on", java.time.LocalDate.class), rs.getString("description"),
                rs.getString("category"),
                new Money(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency").strip())),
                rs.getBoolean("billable"), receipt, rs.getObject("invoice_id", UUID.class),
                rs.getString("invoice_number"), new UserId(rs.getObject("created_by", UUID.class)),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
