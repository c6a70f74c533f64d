package app.clientdesk.billing;

import java.math.BigDecimal;
import java.util.Objects;

/** A named tax rate in percent, 0 to 100 with up to 4 decimals (e.g. "ISS" 5, "VAT" 20, "GST" 10). */
public record TaxRate(String name, BigDecimal percent) {

    public static final TaxRate NONE = new TaxRate("", BigDecimal.ZERO);

    public TaxRate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(percent, "percent");
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0 || percent.stripTrailingZeros().scale() > 4) {
            throw new IllegalArgumentException("a tax rate is 0–100% with at most 4 decimals: " + percent);
        }
        name = name.strip();
        percent = percent.stripTrailingZeros();
    }

    public boolean isNone() {
        return percent.signum() == 0;
    }
}
