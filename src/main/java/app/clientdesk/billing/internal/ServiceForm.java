package app.clientdesk.billing.internal;

import app.clientdesk.billing.Service;
import app.clientdesk.billing.ServiceInput;
import app.clientdesk.billing.ServiceModel;
import app.clientdesk.billing.ServicePrice;
import app.clientdesk.shared.validation.Violation;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The service form as submitted. A mutable bean because Spring binds the indexed price rows into it; it becomes
 * a {@link ServiceInput}. A price row with neither amount nor overage rate is left out (the form always offers a
 * few empty rows, so that several currencies can be added without JavaScript).
 */
public class ServiceForm {

    /** Empty rows the form offers beyond the filled ones (at least {@link #MIN_ROWS} rows in all). */
    static final int EMPTY_ROWS = 2;
    static final int MIN_ROWS = 3;
    private static final Pattern PRICE_FIELD = Pattern.compile("prices\\[(\\d+)](.*)");

    public static class PriceRow {
        private String currency = "";
        private String amount = "";
        private String overageRate = "";

        public PriceRow() {
        }

        PriceRow(String currency, String amount, String overageRate) {
            this.currency = currency;
            this.amount = amount;
            this.overageRate = overageRate;
        }

        public String getCurrency() { return currency; }
        public void setCurrency(@Nullable String currency) { this.currency = currency == null ? "" : currency; }
        public String getAmount() { return amount; }
        public void setAmount(@Nullable String amount) { this.amount = amount == null ? "" : amount; }
        public String getOverageRate() { return overageRate; }
        public void setOverageRate(@Nullable String overageRate) { this.overageRate = overageRate == null ? "" : overageRate; }

        /** Nothing typed in it (a currency alone is what an empty row starts with). */
        public boolean isBlank() {
            return amount.isBlank() && overageRate.isBlank();
        }
    }

    private String name = "";
    private String description = "";
    private String deliverables = "";
    private String model = ServiceModel.HOURLY.name();
    private String includedHours = "";
    private String taxName = "";
    private String taxPercent = "";
    private List<PriceRow> prices = new ArrayList<>();

    /** A new service's form: hourly, the first row in the workspace's currency. */
    static ServiceForm blank(Currency base) {
        ServiceForm form = new ServiceForm();
        form.prices.add(new PriceRow(base.getCurrencyCode(), "", ""));
        return form.withEmptyRows();
    }

    static ServiceForm of(Service s) {
        ServiceForm form = new ServiceForm();
        form.name = s.name();
        form.description = s.description();
        form.deliverables = String.join("\n", s.deliverables());
        form.model = s.model().name();
        form.includedHours = s.includedMinutes() == null ? "" : ServiceInput.hours(s.includedMinutes());
        form.taxName = s.tax() == null ? "" : s.tax().name();
        form.taxPercent = s.tax() == null ? "" : s.tax().percent().toPlainString();
        for (ServicePrice p : s.prices()) {
            form.prices.add(new PriceRow(p.currency().getCurrencyCode(), p.amount().plain(),
                    p.overageRate() == null ? "" : p.overageRate().plain()));
        }
        return form.withEmptyRows();
    }

    /**
     * The rows as typed, in their places (a refused form's errors name rows by position), then empty ones to add
     * more currencies.
     */
    ServiceForm withEmptyRows() {
        List<PriceRow> rows = new ArrayList<>(prices.stream().map(r -> r == null ? new PriceRow() : r).toList());
        long blanks = rows.stream().filter(PriceRow::isBlank).count();
        while (blanks < EMPTY_ROWS || rows.size() < MIN_ROWS) {
            rows.add(new PriceRow());
            blanks++;
        }
        prices = rows;
        return this;
    }

    /** The input, and where each of its price rows was on the form. */
    record Converted(ServiceInput input, List<Integer> rowOfPrice) {

        /** The form's name of a violation's field: the API's {@code prices[0]} may be the form's third row. */
        Violation onForm(Violation v) {
            Matcher m = PRICE_FIELD.matcher(v.field());
            if (m.matches()) {
                int index = Integer.parseInt(m.group(1));
                if (index < rowOfPrice.size()) {
                    return new Violation("prices[" + rowOfPrice.get(index) + "]" + m.group(2), v.messageKey(), v.args());
                }
            }
            return v;
        }
    }

    Converted toInput() {
        List<ServiceInput.Price> rows = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        for (int i = 0; i < prices.size(); i++) {
            PriceRow row = prices.get(i);
            if (row != null && !row.isBlank()) {
                rows.add(new ServiceInput.Price(row.currency, row.amount, row.overageRate));
                where.add(i);
            }
        }
        return new Converted(new ServiceInput(name, description, deliverables, model, includedHours, taxName,
                taxPercent, rows), where);
    }

    public boolean isRetainer() {
        return ServiceModel.RETAINER.name().equals(model);
    }

    public String getName() { return name; }
    public void setName(@Nullable String name) { this.name = name == null ? "" : name; }
    public String getDescription() { return description; }
    public void setDescription(@Nullable String description) { this.description = description == null ? "" : description; }
    public String getDeliverables() { return deliverables; }
    public void setDeliverables(@Nullable String deliverables) { this.deliverables = deliverables == null ? "" : deliverables; }
    public String getModel() { return model; }
    public void setModel(@Nullable String model) { this.model = model == null ? "" : model; }
    public String getIncludedHours() { return includedHours; }
    public void setIncludedHours(@Nullable String includedHours) { this.includedHours = includedHours == null ? "" : includedHours; }
    public String getTaxName() { return taxName; }
    public void setTaxName(@Nullable String taxName) { this.taxName = taxName == null ? "" : taxName; }
    public String getTaxPercent() { return taxPercent; }
    public void setTaxPercent(@Nullable String taxPercent) { this.taxPercent = taxPercent == null ? "" : taxPercent; }
    public List<PriceRow> getPrices() { return prices; }
    public void setPrices(List<PriceRow> prices) { this.prices = prices; }
}
