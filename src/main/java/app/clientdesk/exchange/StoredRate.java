package app.clientdesk.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/** One row of exchange_rates: 1 base = rate quote on day. */
record StoredRate(Currency base, Currency quote, BigDecimal rate, LocalDate day, String source) {

    boolean isNewerThan(StoredRate other) {
        return day.isAfter(other.day);
    }
}
