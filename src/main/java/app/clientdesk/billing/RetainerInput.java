package app.clientdesk.billing;

import org.jspecify.annotations.Nullable;

/**
 * A retainer as typed: the client (its currency is the retainer's), a name, the monthly fee, the included
 * hours ("20", "12:30" or "12.5"), an optional overage rate per hour, whether unused hours roll over and for
 * how many months, the issue day (1–31), the tax, and the first and optional last day.
 */
public record RetainerInput(@Nullable String clientId, @Nullable String name, @Nullable String monthlyFee,
        @Nullable String includedHours, @Nullable String overageRate, @Nullable String rollover,
        @Nullable String rolloverMonths, @Nullable String issueDay, @Nullable String taxName,
        @Nullable String taxPercent, @Nullable String startsOn, @Nullable String endsOn) {
}
