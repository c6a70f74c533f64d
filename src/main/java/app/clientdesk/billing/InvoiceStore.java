package app.clientdesk.billing;

import app.clientdesk.billing.InvoiceMath.TaxMode;
import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.money.Money;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for invoices, their lines, events and payments. Every statement names the workspace. */
@Repository
class InvoiceStore {

    private static final String SELECT = """
            select i.*, c.name as client_name, cf.number as credit_for_number,
                   cb.id as credited_by, cb.number as credited_by_number
            from invoices i
            join clients c on c.id = i.client_id
            left join invoices cf on cf.id = i.credit_for
            left join invoices cb on cb.credit_for = i.id
            """;

    private final JdbcClient jdbc;

    /** The money reports' monthly sums, summed again after each change that counts for them. */
    private final MonthSums monthSums;

    InvoiceStore(JdbcClient jdbc, MonthSums monthSums) {
        this.jdbc = jdbc;
        this.monthSums = monthSums;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    // --- writing ---------------------------------------------------------------------------------

    /** The columns of a new invoice (a draft, or a credit note written issued). */
    record NewInvoice(UUID id, UUID client, InvoiceKind kind, InvoiceStatus status, Currency currency,
            String language, TaxMode taxMode, BigDecimal discountPercent, int netDays, @Nullable String notes,
            @Nullable String terms, @Nullable UUID creditFor, @Nullable UUID depositFor,
            @Nullable BigDecimal depositPercent, @Nullable String source, @Nullable UUID sourceId,
            @Nullable LocalDate sourcePeriod, @Nullable UUID createdBy) {
    }

    void insert(WorkspaceId workspace, NewInvoice n, Instant now) {
        jdbc.sql("""
                insert into invoices (id, workspace_id, client_id, kind, status, currency, language, tax_mode,
                    discount_percent, net_days, subtotal, tax_total, total, amount_paid, notes, terms, credit_for,
                    deposit_for, deposit_percent, source, source_id, source_period, created_by, created_at, updated_at)
                values (:id, :w, :client, :kind, :status, :currency, :language, :mode, :discount, :net, 0, 0, 0, 0,
                    :notes, :terms, :creditFor, :depositFor, :depositPercent, :source, :sourceId, :sourcePeriod,
                    :by, :now, :now)""")
                .param("id", n.id()).param("w", workspace.value()).param("client", n.client())
                .param("kind", n.kind().name()).param("status", n.status().name())
                .param("currency", n.currency().getCurrencyCode()).param("language", n.language())
                .param("mode", n.taxMode().name()).param("discount", n.discountPercent()).param("net", n.netDays())
                .param("notes", n.notes()).param("terms", n.terms()).param("creditFor", n.creditFor())
                .param("depositFor", n.depositFor()).param("depositPercent", n.depositPercent())
                .param("source", n.source()).param("sourceId", n.sourceId())
                .param("sourcePeriod", n.sourcePeriod() == null ? null : Date.valueOf(n.sourcePeriod()))
                .param("by", n.createdBy()).param("now", utc(now)).update();
    }

    void updateDraft(WorkspaceId workspace, UUID id, UUID client, Currency currency, String language,
            TaxMode mode, BigDecimal discount, int netDays, @Nullable String notes, @Nullable String terms,
            Instant now) {
        jdbc.sql("""
                update invoices set client_id = :client, currency = :currency, language = :language, tax_mode = :mode,
                    discount_percent = :discount, net_days = :net, notes = :notes, terms = :terms, updated_at = :now
                where workspace_id = :w and id = :id and status = 'DRAFT'""")
                .param("w", workspace.value()).param("id", id).param("client", client)
                .param("currency", currency.getCurrencyCode()).param("language", language).param("mode", mode.name())
                .param("discount", discount).param("net", netDays).param("notes", notes).param("terms", terms)
                .param("now", utc(now)).update();
    }

    /** A line's columns as written; entries are the time entries a time line bills. */
    record LineRow(UUID id, int position, LineKind kind, String description, @Nullable String detail,
            BigDecimal quantity, @Nullable Long seconds, String unit, BigDecimal unitPrice, BigDecimal discountPercent, TaxRate tax,
            InvoiceMath.LineAmounts amounts, @Nullable UUID serviceId, @Nullable UUID expenseId,
            @Nullable UUID depositInvoiceId, List<UUID> entries) {
    }

    /** Replaces all lines of an invoice, and writes its totals from them. */
    void replaceLines(WorkspaceId workspace, UUID invoice, List<LineRow> lines, InvoiceMath.Totals totals,
            Instant now) {
        jdbc.sql("delete from invoice_lines where workspace_id = :w and invoice_id = :i")
                .param("w", workspace.value()).param("i", invoice).update();
        for (LineRow l : lines) {
            jdbc.sql("""
                    insert into invoice_lines (id, invoice_id, workspace_id, position, kind, description, detail,
                        quantity, seconds, unit, unit_price, discount_percent, tax_name, tax_percent, net, tax, gross,
                        service_id, expense_id, deposit_invoice_id)
                    values (:id, :i, :w, :pos, :kind, :description, :detail, :quantity, :seconds, :unit, :price, :discount,
                        :taxName, :taxPercent, :net, :tax, :gross, :service, :expense, :deposit)""")
                    .param("id", l.id()).param("i", invoice).param("w", workspace.value()).param("pos", l.position())
                    .param("kind", l.kind().name()).param("description", l.description()).param("detail", l.detail())
                    .param("quantity", l.quantity()).param("seconds", l.seconds()).param("unit", l.unit()).param("price", l.unitPrice())
                    .param("discount", l.discountPercent())
                    .param("taxName", l.tax().isNone() ? null : l.tax().name()).param("taxPercent", l.tax().percent())
                    .param("net", l.amounts().net().amount()).param("tax", l.amounts().tax().amount())
                    .param("gross", l.amounts().gross().amount()).param("service", l.serviceId())
                    .param("expense", l.expenseId()).param("deposit", l.depositInvoiceId()).update();
            for (UUID entry : l.entries()) {
                jdbc.sql("""
                        insert into invoice_line_entries (line_id, entry_id, invoice_id, workspace_id)
                        values (:line, :entry, :i, :w)""")
                        .param("line", l.id()).param("entry", entry).param("i", invoice).param("w", workspace.value())
                        .update();
            }
        }
        jdbc.sql("""
                update invoices set subtotal = :subtotal, tax_total = :tax, total = :total, updated_at = :now
                where workspace_id = :w and id = :i""")
                .param("subtotal", totals.subtotal().amount()).param("tax", totals.taxTotal().amount())
                .param("total", totals.total().amount()).param("now", utc(now))
                .param("w", workspace.value()).param("i", invoice).update();

        // Lines are replaced on drafts, which no report counts; a numbered invoice's sums would follow its subtotal.
        monthSums.invoiceChanged(workspace, invoice);
    }

    void delete(WorkspaceId workspace, UUID invoice) {
        jdbc.sql("delete from invoice_events where workspace_id = :w and invoice_id = :i")
                .param("w", workspace.value()).param("i", invoice).update();
        jdbc.sql("update invoices set deposit_for = null where workspace_id = :w and deposit_for = :i")
                .param("w", workspace.value()).param("i", invoice).update();
        jdbc.sql("delete from invoices where workspace_id = :w and id = :i and status = 'DRAFT'")
                .param("w", workspace.value()).param("i", invoice).update();
    }

    /** Holds the invoice's row until the transaction ends; empty when it is not the workspace's. */
    Optional<InvoiceStatus> lock(WorkspaceId workspace, UUID invoice) {
        return jdbc.sql("select status from invoices where workspace_id = :w and id = :i for update")
                .param("w", workspace.value()).param("i", invoice).query(String.class).optional()
                .map(InvoiceStatus::valueOf);
    }

    void issued(WorkspaceId workspace, UUID invoice, String series, String number, LocalDate issueDate,
            LocalDate dueDate, @Nullable Currency base, @Nullable BigDecimal baseRate, @Nullable LocalDate rateDay,
            InvoiceStatus status, Instant now) {
        jdbc.sql("""
                update invoices set status = :status, series = :series, number = :number, issue_date = :issue,
                    due_date = :due, base_currency = :base, base_rate = :rate, base_rate_day = :rateDay,
                    paid_at = :paidAt, updated_at = :now
                where workspace_id = :w and id = :i and status = 'DRAFT'""")
                .param("status", status.name()).param("series", series).param("number", number)
                .param("issue", Date.valueOf(issueDate)).param("due", Date.valueOf(dueDate))
                .param("base", base == null ? null : base.getCurrencyCode()).param("rate", baseRate)
                .param("rateDay", rateDay == null ? null : Date.valueOf(rateDay))
                .param("paidAt", status == InvoiceStatus.PAID ? utc(now) : null)
                .param("now", utc(now)).param("w", workspace.value()).param("i", invoice).update();

        monthSums.invoiceChanged(workspace, invoice);
    }

    void status(WorkspaceId workspace, UUID invoice, InvoiceStatus status, Instant now) {
        String extra = switch (status) {
            case SENT -> ", sent_at = coalesce(sent_at, :now)";
            case PAID -> ", paid_at = :now";
            case VOID -> ", voided_at = :now";
            default -> "";
        };
        jdbc.sql("update invoices set status = :status, updated_at = :now" + extra
                        + " where workspace_id = :w and id = :i")
                .param("status", status.name()).param("now", utc(now)).param("w", workspace.value())
                .param("i", invoice).update();

        monthSums.invoiceChanged(workspace, invoice);
    }

    void sent(WorkspaceId workspace, UUID invoice, Instant now) {
        jdbc.sql("""
                update invoices set sent_at = coalesce(sent_at, :now),
                    status = case when status = 'ISSUED' then 'SENT' else status end, updated_at = :now
                where workspace_id = :w and id = :i""")
                .param("now", utc(now)).param("w", workspace.value()).param("i", invoice).update();
    }

    void paid(WorkspaceId workspace, UUID invoice, BigDecimal amountPaid, InvoiceStatus status, Instant now) {
        jdbc.sql("""
                update invoices set amount_paid = :paid, status = :status, updated_at = :now,
                    paid_at = case when :status = 'PAID' then :now else null end
                where workspace_id = :w and id = :i""")
                .param("paid", amountPaid).param("status", status.name()).param("now", utc(now))
                .param("w", workspace.value()).param("i", invoice).update();
    }

    void baseRate(WorkspaceId workspace, UUID invoice, Currency base, BigDecimal rate, LocalDate day) {
        jdbc.sql("""
                update invoices set base_currency = :base, base_rate = :rate, base_rate_day = :day
                where workspace_id = :w and id = :i""")
                .param("base", base.getCurrencyCode()).param("rate", rate).param("day", Date.valueOf(day))
                .param("w", workspace.value()).param("i", invoice).update();

        monthSums.invoiceChanged(workspace, invoice);
    }

    /** Deposits deducted by a voided invoice wait for the next invoice again. */
    void detachDeposits(WorkspaceId workspace, UUID invoice) {
        jdbc.sql("update invoices set deposit_for = null where workspace_id = :w and deposit_for = :i")
                .param("w", workspace.value()).param("i", invoice).update();
    }

    /** A line of the client's credit ledger: positive adds credit, negative uses it. */
    void credit(WorkspaceId workspace, UUID client, Money amount, @Nullable UUID payment, @Nullable UUID invoice,
            @Nullable String note, Instant now) {
        jdbc.sql("""
                insert into client_credits (id, workspace_id, client_id, currency, amount, payment_id, invoice_id, note,
                    created_at)
                values (:id, :w, :client, :currency, :amount, :payment, :invoice, :note, :now)""")
                .param("id", UUID.randomUUID()).param("w", workspace.value()).param("client", client)
                .param("currency", amount.currency().getCurrencyCode()).param("amount", amount.amount())
                .param("payment", payment).param("invoice", invoice).param("note", note).param("now", utc(now))
                .update();
    }

    /** The client's credit balance in each currency it has any. */
    List<Money> creditBalance(WorkspaceId workspace, UUID client) {
        return jdbc.sql("""
                select currency, sum(amount) as balance from client_credits where workspace_id = :w and client_id = :c
                group by currency having sum(amount) <> 0 order by currency""")
                .param("w", workspace.value()).param("c", client)
                .query((rs, n) -> new Money(rs.getBigDecimal("balance"), Currency.getInstance(rs.getString("currency"))))
                .list();
    }

    static final int EVENT_DETAIL = 1000;

    /** The detail is cut to its column's 1,000 characters (ending in "…"), so a long recipient list still logs. */
    void event(WorkspaceId workspace, UUID invoice, String kind, @Nullable String detail, @Nullable UUID user,
            Instant at) {
        event(workspace, invoice, kind, detail, user, at, null);
    }

    /** An event that put a message in the outbox: the history shows what became of it. */
    void event(WorkspaceId workspace, UUID invoice, String kind, @Nullable String detail, @Nullable UUID user,
            Instant at, @Nullable UUID message) {
        if (detail != null && detail.length() > EVENT_DETAIL) {
            int end = EVENT_DETAIL - 1;
            if (Character.isHighSurrogate(detail.charAt(end - 1))) {
                end--;
            }
            detail = detail.substring(0, end) + "…";
        }
        jdbc.sql("""
                insert into invoice_events (id, invoice_id, workspace_id, at, kind, detail, user_id, message_id)
                values (:id, :i, :w, :at, :kind, :detail, :user, :message)""")
                .param("id", UUID.randomUUID()).param("i", invoice).param("w", workspace.value())
                .param("at", utc(at)).param("kind", kind).param("detail", detail).param("user", user)
                .param("message", message).update();
    }

    // --- reading ---------------------------------------------------------------------------------

    Optional<Invoice> find(WorkspaceId workspace, UUID id, LocalDate today) {
        Optional<Invoice> head = jdbc.sql(SELECT + " where i.workspace_id = :w and i.id = :id")
                .param("w", workspace.value()).param("id", id)
                .query((rs, n) -> invoice(rs, today, List.of())).optional();
        return head.map(i -> withLines(workspace, i));
    }

    private Invoice withLines(WorkspaceId workspace, Invoice i) {
        Map<UUID, Integer> counts = new HashMap<>();
        jdbc.sql("""
                select line_id, count(*) as n from invoice_line_entries where workspace_id = :w and invoice_id = :i
                group by line_id""")
                .param("w", workspace.value()).param("i", i.id().value())
                .query((rs, n) -> counts.put(rs.getObject("line_id", UUID.class), rs.getInt("n"))).list();
        List<InvoiceLine> lines = jdbc.sql("""
                select * from invoice_lines where workspace_id = :w and invoice_id = :i order by position, id""")
                .param("w", workspace.value()).param("i", i.id().value())
                .query((rs, n) -> line(rs, i.currency(), counts)).list();
        Map<TaxRate, Money> taxes = new LinkedHashMap<>();
        for (InvoiceLine l : lines) {
            if (!l.taxRate().isNone()) {
                taxes.merge(l.taxRate(), l.tax(), Money::plus);
            }
        }
        return new Invoice(i.id(), i.clientId(), i.clientName(), i.kind(), i.status(), i.number(), i.currency(),
                i.language(), i.taxMode(), i.discountPercent(), i.netDays(), i.issueDate(), i.dueDate(), i.subtotal(),
                taxes, i.taxTotal(), i.total(), i.amountPaid(), i.notes(), i.terms(), i.creditFor(),
                i.creditForNumber(), i.creditedBy(), i.creditedByNumber(), i.depositFor(), i.depositPercent(),
                i.baseCurrency(), i.baseRate(), i.baseRateDay(), i.sentAt(), i.paidAt(), i.voidedAt(), i.createdAt(),
                i.updatedAt(), i.overdue(), i.daysOverdue(), lines);
    }

    /** The time entries each line of an invoice bills. */
    Map<UUID, List<UUID>> lineEntries(WorkspaceId workspace, UUID invoice) {
        Map<UUID, List<UUID>> out = new LinkedHashMap<>();
        jdbc.sql("""
                select line_id, entry_id from invoice_line_entries where workspace_id = :w and invoice_id = :i
                order by line_id, entry_id""")
                .param("w", workspace.value()).param("i", invoice)
                .query((rs, n) -> out.computeIfAbsent(rs.getObject("line_id", UUID.class), k -> new ArrayList<>())
                        .add(rs.getObject("entry_id", UUID.class)))
                .list();
        return out;
    }

    /** Entries already on another draft of the workspace, so a draft does not pick them twice. */
    List<UUID> entriesOnOtherDrafts(WorkspaceId workspace, UUID invoice, Collection<UUID> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select le.entry_id from invoice_line_entries le join invoices i on i.id = le.invoice_id
                where le.workspace_id = :w and le.invoice_id <> :i and i.status = 'DRAFT' and le.entry_id in (:ids)""")
                .param("w", workspace.value()).param("i", invoice).param("ids", entries).query(UUID.class).list();
    }

    /**
     * A page of invoices and what is outstanding among the matches; with {@code count}, how many match in all
     * (a count walks every matching invoice, so the screens do without it and read one row more instead).
     */
    InvoiceList list(WorkspaceId workspace, InvoiceQuery q, LocalDate today, boolean count) {
        return list(workspace, q, today, count, false);
    }

    /** As {@link #list(WorkspaceId, InvoiceQuery, LocalDate, boolean)}; {@code issuedOnly} leaves drafts out whatever the filter. */
    InvoiceList list(WorkspaceId workspace, InvoiceQuery q, LocalDate today, boolean count, boolean issuedOnly) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where i.workspace_id = :w");
        if (issuedOnly) {
            where.append(" and i.status <> 'DRAFT'");
        }
        params.put("w", workspace.value());
        params.put("today", Date.valueOf(today));
        switch (q.filter()) {
            case DRAFT -> where.append(" and i.status = 'DRAFT'");
            case OPEN -> where.append(" and i.status in ('ISSUED', 'SENT', 'PARTIALLY_PAID') and i.kind <> 'CREDIT_NOTE'");
            case OVERDUE -> where.append(" and i.status in ('ISSUED', 'SENT', 'PARTIALLY_PAID') and i.kind <> 'CREDIT_NOTE'"
                    + " and i.due_date < :today");
            case PAID -> where.append(" and i.status = 'PAID'");
            case VOID -> where.append(" and i.status = 'VOID'");
            case ALL -> { }
        }
        if (q.clientId() != null) {
            where.append(" and i.client_id = :client");
            params.put("client", q.clientId());
        }
        if (q.search() != null) {
            // Numbers are matched as typed and in capitals (patterns write capitals; "inv-2026" finds INV-2026-…),
            // without a function over every row; the client's name is matched once per client, not per invoice.
            String text = q.search().replace("%", "").replace("_", "");
            where.append(" and (i.number like :typed or i.number like :upper or i.client_id in (select sc.id"
                    + " from clients sc where sc.workspace_id = :w and lower(sc.name) like :lower))");
            params.put("typed", "%" + text + "%");
            params.put("upper", "%" + text.toUpperCase(java.util.Locale.ROOT) + "%");
            params.put("lower", "%" + text.toLowerCase(java.util.Locale.ROOT) + "%");
        }
        params.put("limit", q.limit() + 1);
        params.put("offset", q.offset());
        String select = """
                select i.id, i.client_id, c.name as client_name, i.kind, i.status, i.number, i.issue_date, i.due_date,
                    i.currency, i.total, i.amount_paid, i.created_at
                from invoices i join clients c on c.id = i.client_id""" + where;
        // A search matches few invoices, but the planner cannot know it from a LIKE and would walk the whole list
        // index newest first; "offset 0" keeps the search a subquery, so it filters first and sorts what it found.
        String sql = q.search() == null
                ? select + " order by i.created_at desc, i.id desc limit :limit offset :offset"
                : "select * from (" + select + " offset 0) found order by created_at desc, id desc limit :limit offset :offset";
        List<InvoiceSummary> rows = jdbc.sql(sql).params(params).query((rs, n) -> summary(rs, today)).list();
        boolean more = rows.size() > q.limit();
        if (more) {
            rows = rows.subList(0, q.limit());
        }
        // Every condition is on the invoice (the client's name is a subquery), so neither sum nor count needs the
        // join: an index alone answers them.
        long total = !count ? InvoiceList.NOT_COUNTED : !more && (q.offset() == 0 || !rows.isEmpty())
                ? q.offset() + rows.size()
                : jdbc.sql("select count(*) from invoices i" + where).params(params).query(Long.class).single();
        List<Money> outstanding = jdbc.sql("""
                select i.currency, sum(i.total - i.amount_paid) as due
                from invoices i""" + where
                        + " and i.status in ('ISSUED', 'SENT', 'PARTIALLY_PAID') and i.kind <> 'CREDIT_NOTE'"
                        + " group by i.currency order by i.currency")
                .params(params)
                .query((rs, n) -> new Money(rs.getBigDecimal("due"), Currency.getInstance(rs.getString("currency"))))
                .list();
        return new InvoiceList(rows, total, more, outstanding);
    }

    /**
     * What {@code client} owes, per currency: every open invoice's amount due, and the part of it past its due
     * date on {@code today}. One grouped statement over the client's open invoices (credit notes owe nothing).
     */
    ClientInvoices.Balance balance(WorkspaceId workspace, UUID client, LocalDate today) {
        List<Money> due = new ArrayList<>();
        List<Money> overdue = new ArrayList<>();
        jdbc.sql("""
                select currency, sum(total - amount_paid) as due,
                    sum(case when due_date < :today then total - amount_paid else 0 end) as overdue
                from invoices where workspace_id = :w and client_id = :c
                    and status in ('ISSUED', 'SENT', 'PARTIALLY_PAID') and kind <> 'CREDIT_NOTE'
                group by currency order by currency""")
                .param("w", workspace.value()).param("c", client).param("today", today)
                .query((RowCallbackHandler) rs -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    due.add(new Money(rs.getBigDecimal("due"), currency));
                    BigDecimal late = rs.getBigDecimal("overdue");
                    if (late.signum() != 0) {
                        overdue.add(new Money(late, currency));
                    }
                });
        return new ClientInvoices.Balance(due, overdue);
    }

    /** Issued, unvoided deposit invoices waiting to be deducted by {@code invoice}. */
    List<UUID> depositsFor(WorkspaceId workspace, UUID invoice) {
        return jdbc.sql("""
                select id from invoices where workspace_id = :w and deposit_for = :i and kind = 'DEPOSIT'
                order by created_at""")
                .param("w", workspace.value()).param("i", invoice).query(UUID.class).list();
    }

    /**
     * Issued deposits of a client that wait for an invoice to deduct them (the invoice that was to deduct them was
     * voided): same currency, not void, deducted by nothing.
     */
    List<UUID> freeDeposits(WorkspaceId workspace, UUID client, Currency currency) {
        return jdbc.sql("""
                select id from invoices where workspace_id = :w and client_id = :c and currency = :currency
                    and kind = 'DEPOSIT' and deposit_for is null and status not in ('DRAFT', 'VOID')
                order by created_at""")
                .param("w", workspace.value()).param("c", client).param("currency", currency.getCurrencyCode())
                .query(UUID.class).list();
    }

    void attachDeposit(WorkspaceId workspace, UUID deposit, UUID invoice) {
        jdbc.sql("update invoices set deposit_for = :i where workspace_id = :w and id = :d and deposit_for is null")
                .param("i", invoice).param("w", workspace.value()).param("d", deposit).update();
    }

    /** Whether the invoice that deducts this deposit is issued and not void (the deposit may then not be voided). */
    boolean deducted(WorkspaceId workspace, UUID deposit) {
        return jdbc.sql("""
                select count(*) from invoices d join invoices f on f.id = d.deposit_for
                where d.workspace_id = :w and d.id = :d and f.status not in ('DRAFT', 'VOID')""")
                .param("w", workspace.value()).param("d", deposit).query(Long.class).single() > 0;
    }

    // --- mapping ---------------------------------------------------------------------------------

    private static InvoiceSummary summary(ResultSet rs, LocalDate today) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        InvoiceStatus status = InvoiceStatus.valueOf(rs.getString("status"));
        LocalDate due = localDate(rs, "due_date");
        boolean owed = status.open() && !"CREDIT_NOTE".equals(rs.getString("kind"));
        return new InvoiceSummary(new InvoiceId(rs.getObject("id", UUID.class)),
                new ClientId(rs.getObject("client_id", UUID.class)), rs.getString("client_name"),
                InvoiceKind.valueOf(rs.getString("kind")), status, rs.getString("number"),
                localDate(rs, "issue_date"), due, new Money(rs.getBigDecimal("total"), currency),
                new Money(rs.getBigDecimal("amount_paid"), currency),
                owed && due != null && due.isBefore(today), instant(rs, "created_at"));
    }

    private static Invoice invoice(ResultSet rs, LocalDate today, List<InvoiceLine> lines) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        InvoiceStatus status = InvoiceStatus.valueOf(rs.getString("status"));
        LocalDate due = localDate(rs, "due_date");
        boolean overdue = status.open() && !"CREDIT_NOTE".equals(rs.getString("kind")) && due != null
                && due.isBefore(today);
        String base = rs.getString("base_currency");
        UUID creditFor = rs.getObject("credit_for", UUID.class);
        UUID creditedBy = rs.getObject("credited_by", UUID.class);
        UUID depositFor = rs.getObject("deposit_for", UUID.class);
        return new Invoice(new InvoiceId(rs.getObject("id", UUID.class)),
                new ClientId(rs.getObject("client_id", UUID.class)), rs.getString("client_name"),
                InvoiceKind.valueOf(rs.getString("kind")), status, rs.getString("number"), currency,
                rs.getString("language"), TaxMode.valueOf(rs.getString("tax_mode")),
                rs.getBigDecimal("discount_percent").stripTrailingZeros(), rs.getInt("net_days"),
                localDate(rs, "issue_date"), due, new Money(rs.getBigDecimal("subtotal"), currency), Map.of(),
                new Money(rs.getBigDecimal("tax_total"), currency), new Money(rs.getBigDecimal("total"), currency),
                new Money(rs.getBigDecimal("amount_paid"), currency), rs.getString("notes"), rs.getString("terms"),
                creditFor == null ? null : new InvoiceId(creditFor), rs.getString("credit_for_number"),
                creditedBy == null ? null : new InvoiceId(creditedBy), rs.getString("credited_by_number"),
                depositFor == null ? null : new InvoiceId(depositFor), rs.getBigDecimal("deposit_percent"),
                base == null ? null : Currency.getInstance(base), rs.getBigDecimal("base_rate"),
                localDate(rs, "base_rate_day"), instantOrNull(rs, "sent_at"), instantOrNull(rs, "paid_at"),
                instantOrNull(rs, "voided_at"), instant(rs, "created_at"), instant(rs, "updated_at"), overdue,
                overdue ? ChronoUnit.DAYS.between(due, today) : 0, lines);
    }

    private static InvoiceLine line(ResultSet rs, Currency currency, Map<UUID, Integer> counts) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String taxName = rs.getString("tax_name");
        BigDecimal taxPercent = rs.getBigDecimal("tax_percent");
        TaxRate tax = taxName == null || taxPercent.signum() == 0 ? TaxRate.NONE : new TaxRate(taxName, taxPercent);
        return new InvoiceLine(id, rs.getInt("position"), LineKind.valueOf(rs.getString("kind")),
                rs.getString("description"), rs.getString("detail"), rs.getBigDecimal("quantity").stripTrailingZeros(),
                rs.getObject("seconds", Long.class), rs.getString("unit"), new Money(rs.getBigDecimal("unit_price"), currency),
                rs.getBigDecimal("discount_percent").stripTrailingZeros(), tax,
                new Money(rs.getBigDecimal("net"), currency), new Money(rs.getBigDecimal("tax"), currency),
                new Money(rs.getBigDecimal("gross"), currency), rs.getObject("service_id", UUID.class),
                rs.getObject("expense_id", UUID.class), rs.getObject("deposit_invoice_id", UUID.class),
                counts.getOrDefault(id, 0));
    }

    static @Nullable LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    // --- retainers and recurring invoices ---

    boolean sourceExists(WorkspaceId workspace, String source, UUID sourceId, LocalDate period) {
        return jdbc.sql("""
                select count(*) from invoices where workspace_id = :w and source = :source and source_id = :id
                and source_period = :period""")
                .param("w", workspace.value()).param("source", source).param("id", sourceId)
                .param("period", Date.valueOf(period)).query(Long.class).single() > 0;
    }

    void attachEntries(WorkspaceId workspace, UUID invoice, UUID line, List<UUID> entries) {
        for (UUID entry : entries) {
            jdbc.sql("""
                    insert into invoice_line_entries (line_id, entry_id, invoice_id, workspace_id)
                    values (:line, :entry, :i, :w)""")
                    .param("line", line).param("entry", entry).param("i", invoice).param("w", workspace.value())
                    .update();
        }
    }
}
