package app.clientdesk.exchange;

/** A stored pair of currencies: its newest rate as stored (1 base = rate quote) and how many days it has. */
public record RatePair(ExchangeRate newest, int days) {

    /** The pair as the history page's address writes it: "EUR-USD". */
    public String key() {
        return newest.from().getCurrencyCode() + "-" + newest.to().getCurrencyCode();
    }
}
