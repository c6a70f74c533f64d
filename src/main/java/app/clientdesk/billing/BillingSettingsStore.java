package app.clientdesk.billing;

import app.clientdesk.billing.InvoiceMath.TaxMode;
import app.clientdesk.identity.WorkspaceId;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for a workspace's billing settings, its logo, and clients' payment terms. */
@Repository
class BillingSettingsStore {

    private final JdbcClient jdbc;

    BillingSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    BillingSettings get(WorkspaceId workspace) {
        return jdbc.sql("""
                select invoice_pattern, credit_note_pattern, net_days, tax_mode, tax_name, tax_percent,
                    business_details, payment_instructions, default_notes, default_terms, show_base_total,
                    closed_through, reminder_days, logo_type
                from billing_settings where workspace_id = :w""")
                .param("w", workspace.value())
                .query((rs, n) -> {
                    String taxName = rs.getString("tax_name");
                    BigDecimal taxPercent = rs.getBigDecimal("tax_percent");
                    Date closed = rs.getDate("closed_through");
                    return new BillingSettings(new InvoiceNumberPattern(rs.getString("invoice_pattern")),
                            new InvoiceNumberPattern(rs.getString("credit_note_pattern")), rs.getInt("net_days"),
                            TaxMode.valueOf(rs.getString("tax_mode")),
                            taxName == null || taxPercent == null ? TaxRate.NONE : new TaxRate(taxName, taxPercent),
                            rs.getString("business_details"), rs.getString("payment_instructions"),
                            rs.getString("default_notes"), rs.getString("default_terms"),
                            rs.getBoolean("show_base_total"), closed == null ? null : closed.toLocalDate(),
                            days(rs.getString("reminder_days")), rs.getString("logo_type") != null);
                })
                .optional().orElseGet(BillingSettings::defaults);
    }

    void save(WorkspaceId workspace, BillingSettings s, Instant now) {
        int updated = jdbc.sql("""
                update billing_settings set invoice_pattern = :ip, credit_note_pattern = :cp, net_days = :net,
                    tax_mode = :mode, tax_name = :taxName, tax_percent = :taxPercent, business_details = :details,
                    payment_instructions = :payment, default_notes = :notes, default_terms = :terms,
                    show_base_total = :base, closed_through = :closed, reminder_days = :days, updated_at = :now
                where workspace_id = :w""")
                .params(params(workspace, s, now)).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into billing_settings (workspace_id, invoice_pattern, credit_note_pattern, net_days, tax_mode,
                        tax_name, tax_percent, business_details, payment_instructions, default_notes, default_terms,
                        show_base_total, closed_through, reminder_days, updated_at)
                    values (:w, :ip, :cp, :net, :mode, :taxName, :taxPercent, :details, :payment, :notes, :terms,
                        :base, :closed, :days, :now)""")
                    .params(params(workspace, s, now)).update();
        }
    }

    private static java.util.Map<String, Object> params(WorkspaceId workspace, BillingSettings s, Instant now) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("w", workspace.value());
        p.put("ip", s.invoicePattern().pattern());
        p.put("cp", s.creditNotePattern().pattern());
        p.put("net", s.netDays());
        p.put("mode", s.taxMode().name());
        p.put("taxName", s.defaultTax().isNone() ? null : s.defaultTax().name());
        p.put("taxPercent", s.defaultTax().isNone() ? null : s.defaultTax().percent());
        p.put("details", s.businessDetails());
        p.put("payment", s.paymentInstructions());
        p.put("notes", s.defaultNotes());
        p.put("terms", s.defaultTerms());
        p.put("base", s.showBaseTotal());
        p.put("closed", s.closedThrough() == null ? null : Date.valueOf(s.closedThrough()));
        p.put("days", s.reminderDays().stream().map(String::valueOf).collect(Collectors.joining(",")));
        p.put("now", now.atOffset(ZoneOffset.UTC));
        return p;
    }

    /** The logo and its media type, if one was uploaded. */
    Optional<Logo> logo(WorkspaceId workspace) {
        return jdbc.sql("select logo, logo_type from billing_settings where workspace_id = :w and logo is not null")
                .param("w", workspace.value())
                .query((rs, n) -> new Logo(rs.getBytes("logo"), rs.getString("logo_type"))).optional();
    }

    record Logo(byte[] bytes, String type) {
    }

    /** Sets (or with null, removes) the logo; the settings row must exist (save first). */
    void logo(WorkspaceId workspace, byte @Nullable [] bytes, @Nullable String type, Instant now) {
        if (jdbc.sql("select count(*) from billing_settings where workspace_id = :w").param("w", workspace.value())
                .query(Long.class).single() == 0) {
            save(workspace, get(workspace), now);
        }
        jdbc.sql("update billing_settings set logo = :logo, logo_type = :type, updated_at = :now where workspace_id = :w")
                .param("logo", bytes).param("type", type).param("now", now.atOffset(ZoneOffset.UTC))
                .param("w", workspace.value()).update();
    }

    ClientTerms terms(WorkspaceId workspace, UUID client) {
        return jdbc.sql("""
                select net_days, deposit_percent from client_billing_terms where workspace_id = :w and client_id = :c""")
                .param("w", workspace.value()).param("c", client)
                .query((rs, n) -> new ClientTerms(rs.getObject("net_days", Integer.class),
                        rs.getBigDecimal("deposit_percent")))
                .optional().orElse(ClientTerms.NONE);
    }

    void terms(WorkspaceId workspace, UUID client, ClientTerms terms, Instant now) {
        jdbc.sql("delete from client_billing_terms where workspace_id = :w and client_id = :c")
                .param("w", workspace.value()).param("c", client).update();
        if (terms.netDays() != null || terms.depositPercent() != null) {
            jdbc.sql("""
                    insert into client_billing_terms (client_id, workspace_id, net_days, deposit_percent, updated_at)
                    values (:c, :w, :net, :deposit, :now)""")
                    .param("c", client).param("w", workspace.value()).param("net", terms.netDays())
                    .param("deposit", terms.depositPercent()).param("now", now.atOffset(ZoneOffset.UTC)).update();
        }
    }

    static List<Integer> days(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Integer::valueOf)
                .sorted().toList();
    }
}
