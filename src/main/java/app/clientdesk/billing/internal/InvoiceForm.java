package app.clientdesk.billing.internal;

import app.clientdesk.billing.BillingSettings;
import app.clientdesk.billing.DraftInput;
import app.clientdesk.billing.Invoice;
import app.clientdesk.billing.InvoiceLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The draft form as submitted. Field names are those of {@link DraftInput}, so the rules' field errors
 * ({@code lines[2].quantity}) land on the inputs. Rows keep their index: a row ticked "remove" or left blank
 * is sent to the rules as a blank line, which they skip without shifting the others.
 */
public record InvoiceForm(@Nullable String clientId, @Nullable String currency, @Nullable String netDays,
        @Nullable String discountPercent, @Nullable String taxMode, @Nullable String notes, @Nullable String terms,
        @Nullable List<LineForm> lines) {

    /** Empty rows offered below the lines, so a browser without JavaScript can add a few. */
    static final int SPARE_ROWS = 3;

    public InvoiceForm {
        List<LineForm> rows = new ArrayList<>();
        if (lines != null) {
            for (LineForm line : lines) {
                rows.add(line == null ? LineForm.empty() : line);
            }
        }
        lines = rows;
    }

    /** A new draft: the workspace's tax mode, notes and terms; empty rows to type the lines in. */
    static InvoiceForm blank(@Nullable String clientId, BillingSettings settings) {
        return new InvoiceForm(Objects.toString(clientId, ""), "", "", "", settings.taxMode().name(),
                Objects.toString(settings.defaultNotes(), ""), Objects.toString(settings.defaultTerms(), ""), List.of())
                .withSpareRows();
    }

    /** A draft as it is now, its lines in order, and empty rows after them. */
    static InvoiceForm of(Invoice invoice) {
        List<LineForm> rows = invoice.lines().stream().map(LineForm::of).toList();
        return new InvoiceForm(invoice.clientId().toString(), invoice.currency().getCurrencyCode(),
                String.valueOf(invoice.netDays()), plain(invoice.discountPercent()), invoice.taxMode().name(),
                Objects.toString(invoice.notes(), ""), Objects.toString(invoice.terms(), ""), rows).withSpareRows();
    }

    /** The same form with {@link #SPARE_ROWS} empty rows at the end (counting those already empty there). */
    InvoiceForm withSpareRows() {
        List<LineForm> rows = new ArrayList<>(lines());
        int trailing = 0;
        for (int i = rows.size() - 1; i >= 0 && rows.get(i).blank(); i--) {
            trailing++;
        }
        for (int i = trailing; i < SPARE_ROWS; i++) {
            rows.add(LineForm.empty());
        }
        return new InvoiceForm(clientId, currency, netDays, discountPercent, taxMode, notes, terms, rows);
    }

    DraftInput toInput() {
        return new DraftInput(clientId, currency, netDays, discountPercent, taxMode, notes, terms,
                lines().stream().map(LineForm::toInput).toList());
    }

    public boolean isTaxMode(String mode) {
        return mode.equals(taxMode);
    }

    static String plain(@Nullable BigDecimal number) {
        if (number == null || number.signum() == 0) {
            return "";
        }
        return number.stripTrailingZeros().toPlainString();
    }

    /** One row of lines as typed; {@code id} names a line the draft already has. */
    public record LineForm(@Nullable String id, @Nullable String description, @Nullable String quantity,
            @Nullable String unit, @Nullable String unitPrice, @Nullable String discountPercent,
            @Nullable String taxName, @Nullable String taxPercent, @Nullable String remove) {

        public static LineForm empty() {
            return new LineForm("", "", "", "ITEMS", "", "", "", "", null);
        }

        static LineForm of(InvoiceLine line) {
            return new LineForm(line.id().toString(), line.description(),
                    line.quantity().stripTrailingZeros().toPlainString(), line.unit(), line.unitPrice().plain(),
                    plain(line.discountPercent()), line.taxRate().isNone() ? "" : line.taxRate().name(),
                    line.taxRate().isNone() ? "" : plain(line.taxRate().percent()), null);
        }

        public boolean removed() {
            return remove != null && !remove.isBlank() && !"false".equals(remove);
        }

        public boolean blank() {
            return toInput().blank();
        }

        public boolean hours() {
            return "HOURS".equals(unit);
        }

        DraftInput.LineInput toInput() {
            if (removed()) {
                return new DraftInput.LineInput(null, null, null, null, null, null, null, null);
            }
            return new DraftInput.LineInput(id, description, quantity, unit, unitPrice, discountPercent, taxName,
                    taxPercent);
        }
    }
}
