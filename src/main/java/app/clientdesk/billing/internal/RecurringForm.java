package app.clientdesk.billing.internal;

import app.clientdesk.billing.DraftInput;
import app.clientdesk.billing.RecurringInput;
import app.clientdesk.billing.RecurringInvoice;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The recurring invoice form as typed; lines bind as {@code lines[i].description} and so on. */
public class RecurringForm {

    /** A line as typed. */
    public static class Line {
        private @Nullable String description;
        private @Nullable String quantity;
        private @Nullable String unitPrice;
        private @Nullable String taxName;
        private @Nullable String taxPercent;

        public @Nullable String getDescription() { return description; }
        public void setDescription(@Nullable String v) { description = v; }
        public @Nullable String getQuantity() { return quantity; }
        public void setQuantity(@Nullable String v) { quantity = v; }
        public @Nullable String getUnitPrice() { return unitPrice; }
        public void setUnitPrice(@Nullable String v) { unitPrice = v; }
        public @Nullable String getTaxName() { return taxName; }
        public void setTaxName(@Nullable String v) { taxName = v; }
        public @Nullable String getTaxPercent() { return taxPercent; }
        public void setTaxPercent(@Nullable String v) { taxPercent = v; }
    }

    static final int BLANK_LINES = 2;

    private @Nullable String clientId;
    private @Nullable String name;
    private @Nullable String every = "1";
    private @Nullable String unit = "MONTH";
    private @Nullable String startsOn;
    private @Nullable String endsOn;
    private @Nullable String autoIssue;
    private @Nullable String notes;
    private List<Line> lines = new ArrayList<>();

    public @Nullable String getClientId() { return clientId; }
    public void setClientId(@Nullable String v) { clientId = v; }
    public @Nullable String getName() { return name; }
    public void setName(@Nullable String v) { name = v; }
    public @Nullable String getEvery() { return every; }
    public void setEvery(@Nullable String v) { every = v; }
    public @Nullable String getUnit() { return unit; }
    public void setUnit(@Nullable String v) { unit = v; }
    public @Nullable String getStartsOn() { return startsOn; }
    public void setStartsOn(@Nullable String v) { startsOn = v; }
    public @Nullable String getEndsOn() { return endsOn; }
    public void setEndsOn(@Nullable String v) { endsOn = v; }
    public @Nullable String getAutoIssue() { return autoIssue; }
    public void setAutoIssue(@Nullable String v) { autoIssue = v; }
    public @Nullable String getNotes() { return notes; }
    public void setNotes(@Nullable String v) { notes = v; }
    public List<Line> getLines() { return lines; }
    public void setLines(List<Line> v) { lines = v; }

    RecurringInput input() {
        return new RecurringInput(clientId, name, every, unit, startsOn, endsOn, autoIssue, notes, lines.stream()
                .map(l -> new DraftInput.LineInput(null, l.description, l.quantity, null, l.unitPrice, null, l.taxName,
                        l.taxPercent))
                .toList());
    }

    /** The lines to show: those typed (or saved) and a few blank ones to add more. */
    public List<Line> shownLines() {
        List<Line> shown = new ArrayList<>(lines);
        for (int i = 0; i < BLANK_LINES; i++) {
            shown.add(new Line());
        }
        return shown;
    }

    static RecurringForm of(RecurringInvoice r) {
        RecurringForm f = new RecurringForm();
        f.clientId = r.clientId().value().toString();
        f.name = r.name();
        f.every = String.valueOf(r.every());
        f.unit = r.unit().name();
        f.startsOn = r.startsOn().toString();
        f.endsOn = r.endsOn() == null ? null : r.endsOn().toString();
        f.autoIssue = r.autoIssue() ? "true" : null;
        f.notes = r.notes();
        for (RecurringInvoice.Line l : r.lines()) {
            Line line = new Line();
            line.description = l.description();
            line.quantity = l.quantity().toPlainString();
            line.unitPrice = l.unitPrice().plain();
            line.taxName = l.tax().isNone() ? null : l.tax().name();
            line.taxPercent = l.tax().isNone() ? null : l.tax().percent().toPlainString();
            f.lines.add(line);
        }
        return f;
    }
}
