package app.clientdesk.billing;

import app.clientdesk.identity.WorkspaceId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/**
 * The workspace's newest exchange rate on or before a day, for the forecast (money not yet invoiced has no
 * recorded rate). Implemented by the exchange rates; without a bean of it, the forecast leaves amounts in other
 * currencies unconverted and lists them.
 */
public interface ForecastRates {

    /** Units of {@code to} for one unit of {@code from} on the newest day on or before {@code day}, if any. */
    Optional<BigDecimal> rate(WorkspaceId workspace, Currency from, Currency to, LocalDate day);
}
