package app.clientdesk.billing;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A client's own payment terms: net days (else the workspace's) and a deposit percentage taken up front. */
public record ClientTerms(@Nullable Integer netDays, @Nullable BigDecimal depositPercent) {

    public static final ClientTerms NONE = new ClientTerms(null, null);
}
