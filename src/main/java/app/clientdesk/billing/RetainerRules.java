package app.clientdesk.billing;

import app.clientdesk.shared.money.Money;
import app.clientdesk.shared.validation.Violations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The checks of a retainer or a recurring invoice as typed, each a translated field error. */
final class RetainerRules {

    static final int MAX_MINUTES = 744 * 60;
    private static final Pattern H_MM = Pattern.compile("(\\d{1,3}):([0-5]\\d)");

    private RetainerRules() {}

    record Valid(UUID clientId, String name, BigDecimal monthlyFee, int includedMinutes,
            @Nullable BigDecimal overageRate, boolean rollover, int rolloverMonths, int issueDay, TaxRate tax,
            LocalDate startsOn, @Nullable LocalDate endsOn) {
    }

    static @Nullable Valid check(RetainerInput in, @Nullable Currency currency, Violations v) {
        UUID client = clientId(in.clientId(), v);
        String name = name(in.name(), v);
        BigDecimal fee = money(in.monthlyFee(), "monthlyFee", currency, true, v);
        Integer minutes = null;
        if (in.includedHours() == null || in.includedHours().isBlank()) {
            v.add("includedHours", "retainers.error.hours.required");
        } else {
            minutes = minutes(in.includedHours());
            if (minutes == null) {
                v.add("includedHours", "retainers.error.hours.invalid");
            }
        }
        BigDecimal overage = money(in.overageRate(), "overageRate", currency, false, v);
        boolean rollover = in.rollover() != null && !in.rollover().isBlank() && !"false".equals(in.rollover());
        int months = 0;
        if (rollover) {
            Integer m = integer(in.rolloverMonths());
            if (m == null || m < 1 || m > 36) {
                v.add("rolloverMonths", "retainers.error.rolloverMonths");
            } else {
                months = m;
            }
        }
        Integer day = integer(in.issueDay());
        if (day == null || day < 1 || day > 31) {
            v.add("issueDay", "retainers.error.issueDay");
        }
        TaxRate tax = InvoiceRules.tax(in.taxName(), in.taxPercent(), "", v);
        LocalDate starts = date(in.startsOn(), "startsOn", true, v);
        LocalDate ends = date(in.endsOn(), "endsOn", false, v);
        if (starts != null && ends != null && ends.isBefore(starts)) {
            v.add("endsOn", "retainers.error.endsBeforeStart");
        }
        if (!v.isEmpty() || client == null || fee == null || minutes == null || day == null || starts == null) {
            return null;
        }
        return new Valid(client, name, fee, minutes, overage, rollover, months, day, tax, starts, ends);
    }

    static @Nullable UUID clientId(@Nullable String text, Violations v) {
        if (text == null || text.isBlank()) {
            v.add("clientId", "retainers.error.client.required");
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            v.add("clientId", "retainers.error.client.unknown");
            return null;
        }
    }

    static String name(@Nullable String text, Violations v) {
        String name = text == null ? "" : text.strip();
        if (name.isEmpty()) {
            v.add("name", "retainers.error.name.required");
        } else if (name.length() > 160) {
            v.add("name", "retainers.error.name.tooLong", 160);
        }
        return name;
    }

    /** An amount in the currency's own decimals; blank is an error when {@code required}, else null. */
    static @Nullable BigDecimal money(@Nullable String text, String field, @Nullable Currency currency,
            boolean required, Violations v) {
        if (text == null || text.isBlank()) {
            if (required) {
                v.add(field, "retainers.error.money.required");
            }
            return null;
        }
        if (currency == null) {
            return null;
        }
        Optional<Money> money = Money.parse(text, currency);
        if (money.isEmpty() || money.get().amount().signum() < 0) {
            v.add(field, "retainers.error.money.invalid", currency.getCurrencyCode(), Money.digits(currency));
            return null;
        }
        return money.get().amount();
    }

    /** Hours as "20", "12:30", "12.5" or "12,5", in whole minutes; null when not hours of a month. */
    static @Nullable Integer minutes(String text) {
        String t = text.strip().replace(',', '.').replace("h", "").strip();
        Matcher m = H_MM.matcher(t);
        int minutes;
        if (m.matches()) {
            minutes = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        } else {
            try {
                BigDecimal hours = new BigDecimal(t);
                if (hours.signum() < 0 || hours.scale() > 4) {
                    return null;
                }
                BigDecimal exact = hours.multiply(BigDecimal.valueOf(60));
                if (exact.stripTrailingZeros().scale() > 0) {
                    exact = exact.setScale(0, RoundingMode.HALF_UP);
                }
                if (exact.compareTo(BigDecimal.valueOf(MAX_MINUTES)) > 0) {
                    return null;
                }
                minutes = exact.intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                return null;
            }
        }
        return minutes > MAX_MINUTES ? null : minutes;
    }

    static @Nullable Integer integer(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static @Nullable LocalDate date(@Nullable String text, String field, boolean required, Violations v) {
        if (text == null || text.isBlank()) {
            if (required) {
                v.add(field, "retainers.error.date.required");
            }
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            v.add(field, "retainers.error.date.invalid");
            return null;
        }
    }
}
