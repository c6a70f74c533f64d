package app.clientdesk.billing;

/**
 * How a service is billed, and so what its price in a currency means: {@link #HOURLY} an hourly rate,
 * {@link #FIXED} the price of the whole package, {@link #RETAINER} a monthly fee that includes some hours of
 * work, with an optional hourly rate for the hours beyond them.
 */
public enum ServiceModel {
    HOURLY, FIXED, RETAINER;

    public String messageKey() {
        return "services.model." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
