package app.clientdesk.billing;

import static app.clientdesk.billing.InvoiceStore.instant;
import static app.clientdesk.billing.InvoiceStore.instantOrNull;
import static app.clientdesk.billing.InvoiceStore.localDate;
import static app.clientdesk.billing.InvoiceStore.utc;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.money.Money;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for recurring invoices, their lines and the dates made. Every statement names the workspace, but the scan. */
@Repository
class RecurringStore {

    private static final String SELECT = """
            select r.*, c.name as client_name, c.time_zone as client_zone, c.locale as client_locale
            from recurring_invoices r join clients c on c.id = r.client_id
            """;

    private final JdbcClient jdbc;

    RecurringStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Active(WorkspaceId workspace, UUID id) {
    }

    /** Every recurring invoice with a next date, of every workspace (the schedule then works one by one). */
    List<Active> active() {
        return jdbc.sql("select workspace_id, id from recurring_invoices where next_date is not null"
                        + " order by workspace_id, id")
                .query((rs, n) -> new Active(new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        rs.getObject("id", UUID.class)))
                .list();
    }

    List<RecurringInvoice> list(WorkspaceId ws) {
        List<RecurringInvoice> heads = jdbc.sql(SELECT + " where r.workspace_id = :w order by c.name, r.name, r.id")
                .param("w", ws.value()).query((rs, n) -> recurring(rs, List.of())).list();
        Map<UUID, List<RecurringInvoice.Line>> lines = new HashMap<>();
        jdbc.sql("select * from recurring_invoice_lines where workspace_id = :w order by recurring_id, position")
                .param("w", ws.value()).query((rs, n) -> {
                    UUID id = rs.getObject("recurring_id", UUID.class);
                    return lines.computeIfAbsent(id, k -> new ArrayList<>()).add(line(rs, currencyOf(heads, id)));
                }).list();
        return heads.stream().map(h -> with(h, lines.getOrDefault(h.id(), List.of()))).toList();
    }

    private static Currency currencyOf(List<RecurringInvoice> heads, UUID id) {
        return heads.stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow().currency();
    }

    Optional<RecurringInvoice> find(WorkspaceId ws, UUID id) {
        Optional<RecurringInvoice> head = jdbc.sql(SELECT + " where r.workspace_id = :w and r.id = :id")
                .param("w", ws.value()).param("id", id).query((rs, n) -> recurring(rs, List.of())).optional();
        return head.map(h -> with(h, jdbc.sql("""
                        select * from recurring_invoice_lines where workspace_id = :w and recurring_id = :id
                        order by position""")
                .param("w", ws.value()).param("id", id).query((rs, n) -> line(rs, h.currency())).list()));
    }

    boolean lock(WorkspaceId ws, UUID id) {
        return jdbc.sql("select id from recurring_invoices where workspace_id = :w and id = :id for update")
                .param("w", ws.value()).param("id", id).query(UUID.class).optional().isPresent();
    }

    void save(WorkspaceId ws, UUID id, boolean isNew, RecurringInvoices.Valid v, Currency currency,
            @Nullable LocalDate next, Instant now) {
        String sql = isNew ? """
                insert into recurring_invoices (id, workspace_id, client_id, name, currency, interval_count,
                    interval_unit, starts_on, ends_on, next_date, auto_issue, notes, created_at, updated_at)
                values (:id, :w, :client, :name, :currency, :every, :unit, :starts, :ends, :next, :auto, :notes,
                    :now, :now)""" : """
                update recurring_invoices set client_id = :client, name = :name, currency = :currency,
                    interval_count = :every, interval_unit = :unit, starts_on = :starts, ends_on = :ends,
                    next_date = :next, auto_issue = :auto, notes = :notes, updated_at = :now
                where workspace_id = :w and id = :id""";
        jdbc.sql(sql).param("id", id).param("w", ws.value()).param("client", v.clientId()).param("name", v.name())
                .param("currency", currency.getCurrencyCode()).param("every", v.every()).param("unit", v.unit().name())
                .param("starts", Date.valueOf(v.startsOn()))
                .param("ends", v.endsOn() == null ? null : Date.valueOf(v.endsOn()))
                .param("next", next == null ? null : Date.valueOf(next)).param("auto", v.autoIssue())
                .param("notes", v.notes()).param("now", utc(now)).update();
        jdbc.sql("delete from recurring_invoice_lines where workspace_id = :w and recurring_id = :id")
                .param("w", ws.value()).param("id", id).update();
        int position = 0;
        for (RecurringInvoices.ValidLine l : v.lines()) {
            jdbc.sql("""
                    insert into recurring_invoice_lines (id, recurring_id, workspace_id, position, description, quantity,
                        unit_price, tax_name, tax_percent)
                    values (:lid, :id, :w, :pos, :description, :quantity, :price, :taxName, :taxPercent)""")
                    .param("lid", UUID.randomUUID()).param("id", id).param("w", ws.value()).param("pos", position++)
                    .param("description", l.description()).param("quantity", l.quantity()).param("price", l.unitPrice())
                    .param("taxName", l.tax().isNone() ? null : l.tax().name()).param("taxPercent", l.tax().percent())
                    .update();
        }
    }

    void next(WorkspaceId ws, UUID id, @Nullable LocalDate next, Instant now) {
        jdbc.sql("update recurring_invoices set next_date = :next, updated_at = :now where workspace_id = :w and id = :id")
                .param("next", next == null ? null : Date.valueOf(next)).param("now", utc(now))
                .param("w", ws.value()).param("id", id).update();
    }

    void stop(WorkspaceId ws, UUID id, Instant now) {
        jdbc.sql("""
                update recurring_invoices set next_date = null, stopped_at = coalesce(stopped_at, :now), updated_at = :now
                where workspace_id = :w and id = :id""")
                .param("now", utc(now)).param("w", ws.value()).param("id", id).update();
    }

    /** Records that {@code date} was made; fails with a duplicate key when it already was. */
    void run(WorkspaceId ws, UUID id, LocalDate date, UUID invoice, Instant now) {
        jdbc.sql("""
                insert into recurring_invoice_runs (recurring_id, workspace_id, run_date, invoice_id, created_at)
                values (:id, :w, :date, :invoice, :now)""")
                .param("id", id).param("w", ws.value()).param("date", Date.valueOf(date)).param("invoice", invoice)
                .param("now", utc(now)).update();
    }

    /** The last date made, if any. */
    Optional<LocalDate> lastRun(WorkspaceId ws, UUID id) {
        return jdbc.sql("select max(run_date) from recurring_invoice_runs where workspace_id = :w and recurring_id = :id")
                .param("w", ws.value()).param("id", id).query((rs, n) -> Optional.ofNullable(rs.getDate(1)).map(Date::toLocalDate)).single();
    }

    /** The dates made, newest first, with the invoice's number when it has one. */
    record Run(LocalDate date, @Nullable UUID invoiceId, @Nullable String number, @Nullable String status) {
    }

    List<Run> runs(WorkspaceId ws, UUID id, int limit) {
        return jdbc.sql("""
                select r.run_date, r.invoice_id, i.number, i.status from recurring_invoice_runs r
                left join invoices i on i.id = r.invoice_id
                where r.workspace_id = :w and r.recurring_id = :id order by r.run_date desc limit :limit""")
                .param("w", ws.value()).param("id", id).param("limit", limit)
                .query((rs, n) -> new Run(localDate(rs, "run_date"), rs.getObject("invoice_id", UUID.class),
                        rs.getString("number"), rs.getString("status")))
                .list();
    }

    private static RecurringInvoice with(RecurringInvoice h, List<RecurringInvoice.Line> lines) {
        return new RecurringInvoice(h.id(), h.clientId(), h.clientName(), h.zone(), h.language(), h.name(),
                h.currency(), h.every(), h.unit(), h.startsOn(), h.endsOn(), h.nextDate(), h.autoIssue(), h.notes(),
                h.stoppedAt(), List.copyOf(lines), h.createdAt(), h.updatedAt());
    }

    private static RecurringInvoice recurring(ResultSet rs, List<RecurringInvoice.Line> lines) throws SQLException {
        return new RecurringInvoice(rs.getObject("id", UUID.class), new ClientId(rs.getObject("client_id", UUID.class)),
                rs.getString("client_name"), ZoneId.of(rs.getString("client_zone")), rs.getString("client_locale"),
                rs.getString("name"), Currency.getInstance(rs.getString("currency")), rs.getInt("interval_count"),
                RecurringSchedule.Unit.valueOf(rs.getString("interval_unit")), localDate(rs, "starts_on"),
                localDate(rs, "ends_on"), localDate(rs, "next_date"), rs.getBoolean("auto_issue"),
                rs.getString("notes"), instantOrNull(rs, "stopped_at"), lines, instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static RecurringInvoice.Line line(ResultSet rs, Currency currency) throws SQLException {
        String taxName = rs.getString("tax_name");
        BigDecimal taxPercent = rs.getBigDecimal("tax_percent");
        TaxRate tax = taxName == null || taxPercent.signum() == 0 ? TaxRate.NONE : new TaxRate(taxName, taxPercent);
        return new RecurringInvoice.Line(rs.getString("description"), rs.getBigDecimal("quantity").stripTrailingZeros(),
                new Money(rs.getBigDecimal("unit_price"), currency), tax);
    }
}
