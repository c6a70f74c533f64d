package app.clientdesk.billing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A draft invoice as typed (form or API): the client, optionally another currency than the client's, net days
 * (else the client's or the workspace's), an invoice discount in percent, whether prices include tax, notes,
 * terms and the lines. Blank values take the defaults; totals are never taken from input.
 */
public record DraftInput(@Nullable String clientId, @Nullable String currency, @Nullable String netDays,
        @Nullable String discountPercent, @Nullable String taxMode, @Nullable String notes, @Nullable String terms,
        List<LineInput> lines) {

    public DraftInput {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * A line as typed. With the id of an existing line, that line is kept: a derived line (time, expense,
     * retainer, deposit) takes only its description, discount and tax from here, since its quantity and price
     * come from what it bills. Without an id it is a new item line. A row left wholly blank is ignored.
     */
    public record LineInput(@Nullable String id, @Nullable String description, @Nullable String quantity,
            @Nullable String unit, @Nullable String unitPrice, @Nullable String discountPercent,
            @Nullable String taxName, @Nullable String taxPercent) {

        public boolean blank() {
            return isBlank(id) && isBlank(description) && isBlank(quantity) && isBlank(unitPrice)
                    && isBlank(discountPercent) && isBlank(taxName) && isBlank(taxPercent);
        }

        private static boolean isBlank(@Nullable String s) {
            return s == null || s.isBlank();
        }
    }
}
