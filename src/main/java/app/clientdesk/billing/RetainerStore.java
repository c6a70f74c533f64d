package app.clientdesk.billing;

import static app.clientdesk.billing.InvoiceStore.instant;
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
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for retainers and their periods. Every statement names the workspace, but the schedule's scan. */
@Repository
class RetainerStore {

    private static final String SELECT = """
            select r.*, c.name as client_name, c.time_zone as client_zone, c.locale as client_locale
            from retainers r join clients c on c.id = r.client_id
            """;

    private final JdbcClient jdbc;

    RetainerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A retainer of some workspace that is not paused, for the schedule to look at. */
    record Active(WorkspaceId workspace, UUID id) {
    }

    /** Every retainer not paused, of every workspace (the schedule then works workspace by workspace). */
    List<Active> active() {
        return jdbc.sql("select workspace_id, id from retainers where paused = false order by workspace_id, id")
                .query((rs, n) -> new Active(new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        rs.getObject("id", UUID.class)))
                .list();
    }

    List<Retainer> list(WorkspaceId ws, @Nullable UUID client) {
        return jdbc.sql(SELECT + " where r.workspace_id = :w" + (client == null ? "" : " and r.client_id = :client")
                        + " order by c.name, r.name, r.id")
                .param("w", ws.value()).params(client == null ? java.util.Map.of() : java.util.Map.of("client", client))
                .query(RetainerStore::retainer).list();
    }

    Optional<Retainer> find(WorkspaceId ws, UUID id) {
        return jdbc.sql(SELECT + " where r.workspace_id = :w and r.id = :id").param("w", ws.value()).param("id", id)
                .query(RetainerStore::retainer).optional();
    }

    /** Holds the retainer's row until the transaction ends, so two nodes make its periods one at a time. */
    boolean lock(WorkspaceId ws, UUID id) {
        return jdbc.sql("select id from retainers where workspace_id = :w and id = :id for update")
                .param("w", ws.value()).param("id", id).query(UUID.class).optional().isPresent();
    }

    void insert(WorkspaceId ws, UUID id, RetainerRules.Valid r, Currency currency, Instant now) {
        jdbc.sql("""
                insert into retainers (id, workspace_id, client_id, name, currency, monthly_fee, included_minutes,
                    overage_rate, rollover, rollover_months, issue_day, tax_name, tax_percent, starts_on, ends_on,
                    bill_from, paused, created_at, updated_at)
                values (:id, :w, :client, :name, :currency, :fee, :minutes, :overage, :rollover, :months, :day,
                    :taxName, :taxPercent, :starts, :ends, :starts, false, :now, :now)""")
                .param("id", id).param("w", ws.value()).param("client", r.clientId()).param("name", r.name())
                .param("currency", currency.getCurrencyCode()).params(values(r)).param("now", utc(now)).update();
    }

    void update(WorkspaceId ws, UUID id, RetainerRules.Valid r, Currency currency, Instant now) {
        jdbc.sql("""
                update retainers set client_id = :client, name = :name, currency = :currency, monthly_fee = :fee,
                    included_minutes = :minutes, overage_rate = :overage, rollover = :rollover,
                    rollover_months = :months, issue_day = :day, tax_name = :taxName, tax_percent = :taxPercent,
                    starts_on = :starts, ends_on = :ends, updated_at = :now
                where workspace_id = :w and id = :id""")
                .param("id", id).param("w", ws.value()).param("client", r.clientId()).param("name", r.name())
                .param("currency", currency.getCurrencyCode()).params(values(r)).param("now", utc(now)).update();
    }

    private static java.util.Map<String, Object> values(RetainerRules.Valid r) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("fee", r.monthlyFee());
        p.put("minutes", r.includedMinutes());
        p.put("overage", r.overageRate());
        p.put("rollover", r.rollover());
        p.put("months", r.rolloverMonths());
        p.put("day", r.issueDay());
        p.put("taxName", r.tax().isNone() ? null : r.tax().name());
        p.put("taxPercent", r.tax().percent());
        p.put("starts", Date.valueOf(r.startsOn()));
        p.put("ends", r.endsOn() == null ? null : Date.valueOf(r.endsOn()));
        return p;
    }

    void paused(WorkspaceId ws, UUID id, boolean paused, @Nullable LocalDate billFrom, Instant now) {
        jdbc.sql("""
                update retainers set paused = :paused, bill_from = coalesce(:from, bill_from), updated_at = :now
                where workspace_id = :w and id = :id""")
                .param("paused", paused).param("from", billFrom == null ? null : Date.valueOf(billFrom))
                .param("now", utc(now)).param("w", ws.value()).param("id", id).update();
    }

    /** The owner's answer for periods that began before {@code today}: skip them (billing from today on). */
    void skipBefore(WorkspaceId ws, UUID id, LocalDate today, Instant now) {
        jdbc.sql("update retainers set bill_from = :today, billed_late_before = null, updated_at = :now "
                + "where workspace_id = :w and id = :id")
                .param("today", Date.valueOf(today)).param("now", utc(now)).param("w", ws.value()).param("id", id)
                .update();
    }

    /** The owner's answer for periods that began before {@code today}: bill them, dated the day they are made. */
    void billLateBefore(WorkspaceId ws, UUID id, LocalDate today, Instant now) {
        jdbc.sql("update retainers set billed_late_before = :today, updated_at = :now "
                + "where workspace_id = :w and id = :id")
                .param("today", Date.valueOf(today)).param("now", utc(now)).param("w", ws.value()).param("id", id)
                .update();
    }

    // --- periods ---------------------------------------------------------------------------------

    private static final String PERIODS = """
            select p.*, i.number as invoice_number from retainer_periods p
            left join invoices i on i.id = p.invoice_id
            """;

    List<RetainerPeriod> periods(WorkspaceId ws, UUID retainer) {
        return jdbc.sql(PERIODS + " where p.workspace_id = :w and p.retainer_id = :r order by p.period_start")
                .param("w", ws.value()).param("r", retainer).query(RetainerStore::period).list();
    }

    /** The latest period of each of these retainers. */
    Optional<RetainerPeriod> latest(WorkspaceId ws, UUID retainer) {
        return jdbc.sql(PERIODS + " where p.workspace_id = :w and p.retainer_id = :r order by p.period_start desc"
                        + " limit 1")
                .param("w", ws.value()).param("r", retainer).query(RetainerStore::period).optional();
    }

    void insertPeriod(WorkspaceId ws, UUID retainer, RetainerSchedule.Period period, int included, int rolled,
            @Nullable LocalDate rolledExpires, UUID invoice, Instant now) {
        jdbc.sql("""
                insert into retainer_periods (id, workspace_id, retainer_id, period_start, period_end, included_minutes,
                    rolled_minutes, rolled_expires_on, invoice_id, created_at)
                values (:id, :w, :r, :start, :end, :included, :rolled, :expires, :invoice, :now)""")
                .param("id", UUID.randomUUID()).param("w", ws.value()).param("r", retainer)
                .param("start", Date.valueOf(period.start())).param("end", Date.valueOf(period.end()))
                .param("included", included).param("rolled", rolled)
                .param("expires", rolledExpires == null ? null : Date.valueOf(rolledExpires))
                .param("invoice", invoice).param("now", utc(now)).update();
    }

    void closePeriod(WorkspaceId ws, UUID period, int used, int overage, @Nullable LocalDate unusedExpires,
            UUID invoice, Instant now) {
        jdbc.sql("""
                update retainer_periods set used_minutes = :used, overage_minutes = :overage,
                    unused_expires_on = :expires, settled_invoice_id = :invoice, closed_at = :now
                where workspace_id = :w and id = :id and used_minutes is null""")
                .param("used", used).param("overage", overage)
                .param("expires", unusedExpires == null ? null : Date.valueOf(unusedExpires))
                .param("invoice", invoice).param("now", utc(now)).param("w", ws.value()).param("id", period).update();
    }

    // --- mapping ---------------------------------------------------------------------------------

    private static Retainer retainer(ResultSet rs, int n) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        BigDecimal overage = rs.getBigDecimal("overage_rate");
        String taxName = rs.getString("tax_name");
        BigDecimal taxPercent = rs.getBigDecimal("tax_percent");
        TaxRate tax = taxName == null || taxPercent.signum() == 0 ? TaxRate.NONE : new TaxRate(taxName, taxPercent);
        return new Retainer(rs.getObject("id", UUID.class), new ClientId(rs.getObject("client_id", UUID.class)),
                rs.getString("client_name"), ZoneId.of(rs.getString("client_zone")), rs.getString("client_locale"),
                rs.getString("name"), money(rs.getBigDecimal("monthly_fee"), currency),
                rs.getInt("included_minutes"), overage == null ? null : money(overage, currency),
                rs.getBoolean("rollover"), rs.getInt("rollover_months"), rs.getInt("issue_day"), tax,
                localDate(rs, "starts_on"), localDate(rs, "ends_on"), localDate(rs, "bill_from"),
                rs.getBoolean("paused"), instant(rs, "created_at"), instant(rs, "updated_at"),
                localDate(rs, "billed_late_before"));
    }

    static Money money(BigDecimal stored, Currency currency) {
        return new Money(stored, currency);
    }

    private static RetainerPeriod period(ResultSet rs, int n) throws SQLException {
        return new RetainerPeriod(rs.getObject("id", UUID.class), rs.getObject("retainer_id", UUID.class),
                localDate(rs, "period_start"), localDate(rs, "period_end"), rs.getInt("included_minutes"),
                rs.getInt("rolled_minutes"), localDate(rs, "rolled_expires_on"),
                rs.getObject("used_minutes", Integer.class), rs.getObject("overage_minutes", Integer.class),
                localDate(rs, "unused_expires_on"), rs.getObject("invoice_id", UUID.class),
                rs.getString("invoice_number"), rs.getObject("settled_invoice_id", UUID.class));
    }
}
