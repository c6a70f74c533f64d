package app.clientdesk.billing;

import app.clientdesk.billing.InvoiceMath.TaxMode;
import app.clientdesk.shared.i18n.Currencies;
import app.clientdesk.shared.money.Money;
import app.clientdesk.shared.validation.Violations;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The checks of a draft as typed, each a translated field error; the parsed values when they pass. */
final class InvoiceRules {

    static final int MAX_LINES = 300;
    static final int MAX_TEXT = 4000;
    static final int MAX_DESCRIPTION = 2000;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000");

    private InvoiceRules() {}

    record Valid(UUID clientId, @Nullable Currency currency, @Nullable Integer netDays, BigDecimal discountPercent,
            @Nullable TaxMode taxMode, @Nullable String notes, @Nullable String terms, List<ValidLine> lines) {
    }

    /** A line that passed: for a kept line, id is set and quantity/price may be ignored by the caller. */
    record ValidLine(@Nullable UUID id, String description, @Nullable BigDecimal quantity, String unit,
            @Nullable BigDecimal unitPrice, BigDecimal discountPercent, TaxRate tax) {
    }

    /**
     * Checks {@code input}; {@code currencyOf} gives the currency the lines' prices are read in (the input's
     * or the client's). {@code creditNote} allows negative quantities.
     */
    static Valid check(DraftInput input, java.util.function.Function<UUID, Optional<Currency>> currencyOf,
            boolean creditNote, Violations v) {
        UUID client = null;
        if (input.clientId() == null || input.clientId().isBlank()) {
            v.add("clientId", "billing.client.required");
        } else {
            try {
                client = UUID.fromString(input.clientId().strip());
            } catch (IllegalArgumentException e) {
                v.add("clientId", "billing.client.unknown");
            }
        }
        Currency currency = null;
        if (input.currency() != null && !input.currency().isBlank()) {
            currency = Currencies.parse(input.currency().strip().toUpperCase(java.util.Locale.ROOT)).orElse(null);
            if (currency == null) {
                v.add("currency", "billing.currency.unknown", input.currency().strip());
            }
        }
        Currency priced = currency;
        if (priced == null && client != null) {
            Optional<Currency> clientCurrency = currencyOf.apply(client);
            if (clientCurrency.isEmpty()) {
                v.add("clientId", "billing.client.unknown");
            } else {
                priced = clientCurrency.get();
            }
        }
        Integer netDays = null;
        if (input.netDays() != null && !input.netDays().isBlank()) {
            netDays = netDays(input.netDays(), "netDays", v);
        }
        BigDecimal discount = percent(input.discountPercent(), "discountPercent", "billing.discount.invalid", v);
        TaxMode mode = null;
        if (input.taxMode() != null && !input.taxMode().isBlank()) {
            try {
                mode = TaxMode.valueOf(input.taxMode().strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.add("taxMode", "billing.taxMode.invalid");
            }
        }
        String notes = text(input.notes(), "notes", MAX_TEXT, v);
        String terms = text(input.terms(), "terms", MAX_TEXT, v);
        List<ValidLine> lines = new ArrayList<>();
        int index = 0;
        long kept = input.lines().stream().filter(l -> !l.blank()).count();
        if (kept > MAX_LINES) {
            v.add("lines", "billing.lines.tooMany", MAX_LINES);
        }
        for (DraftInput.LineInput line : input.lines()) {
            int i = index++;
            if (line.blank()) {
                continue;
            }
            ValidLine valid = line(line, "lines[" + i + "].", priced, creditNote, v);
            if (valid != null) {
                lines.add(valid);
            }
        }
        if (client == null) {
            return new Valid(new UUID(0, 0), currency, netDays, discount, mode, notes, terms, lines);
        }
        return new Valid(client, currency, netDays, discount, mode, notes, terms, lines);
    }

    private static @Nullable ValidLine line(DraftInput.LineInput line, String prefix, @Nullable Currency currency,
            boolean creditNote, Violations v) {
        UUID id = null;
        if (line.id() != null && !line.id().isBlank()) {
            try {
                id = UUID.fromString(line.id().strip());
            } catch (IllegalArgumentException e) {
                v.add(prefix + "id", "billing.line.unknown");
            }
        }
        String description = line.description() == null ? "" : line.description().strip();
        if (description.isEmpty()) {
            v.add(prefix + "description", "billing.line.description.required");
        } else if (description.length() > MAX_DESCRIPTION) {
            v.add(prefix + "description", "billing.line.description.tooLong", MAX_DESCRIPTION);
        }
        String unit = line.unit() == null || line.unit().isBlank() ? "ITEMS" : line.unit().strip().toUpperCase(java.util.Locale.ROOT);
        if (!unit.equals("ITEMS") && !unit.equals("HOURS")) {
            v.add(prefix + "unit", "billing.line.unit.invalid");
            unit = "ITEMS";
        }
        // A kept line may leave quantity and price blank (a derived line's come from what it bills).
        BigDecimal quantity = null;
        BigDecimal price = null;
        boolean kept = id != null;
        if (!kept || line.quantity() != null && !line.quantity().isBlank()) {
            quantity = quantity(line.quantity(), prefix + "quantity", creditNote, v);
        }
        if (!kept || line.unitPrice() != null && !line.unitPrice().isBlank()) {
            price = price(line.unitPrice(), prefix + "unitPrice", currency, v);
        }
        if (quantity != null && price != null
                && quantity.multiply(price).abs().compareTo(new BigDecimal("10000000000000")) >= 0) {
            v.add(prefix + "quantity", "billing.line.tooLarge");
        }
        BigDecimal discount = percent(line.discountPercent(), prefix + "discountPercent", "billing.discount.invalid", v);
        TaxRate tax = tax(line.taxName(), line.taxPercent(), prefix, v);
        return new ValidLine(id, description, quantity, unit, price, discount, tax);
    }

    static @Nullable BigDecimal quantity(@Nullable String text, String field, boolean creditNote, Violations v) {
        if (text == null || text.isBlank()) {
            v.add(field, "billing.line.quantity.required");
            return null;
        }
        BigDecimal q;
        try {
            q = new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            v.add(field, "billing.line.quantity.invalid");
            return null;
        }
        if (q.stripTrailingZeros().scale() > 4 || q.abs().compareTo(MAX_QUANTITY) >= 0) {
            v.add(field, "billing.line.quantity.invalid");
            return null;
        }
        if (q.signum() == 0) {
            v.add(field, "billing.line.quantity.zero");
            return null;
        }
        if (q.signum() < 0 && !creditNote) {
            v.add(field, "billing.line.quantity.negative");
            return null;
        }
        return q;
    }

    static @Nullable BigDecimal price(@Nullable String text, String field, @Nullable Currency currency, Violations v) {
        if (text == null || text.isBlank()) {
            v.add(field, "billing.line.price.required");
            return null;
        }
        if (currency == null) {
            return null;
        }
        Optional<Money> money = Money.parse(text, currency);
        if (money.isEmpty()) {
            v.add(field, "billing.line.price.invalid", currency.getCurrencyCode(), Money.digits(currency));
            return null;
        }
        return money.get().amount();
    }

    static BigDecimal percent(@Nullable String text, String field, String key, Violations v) {
        if (text == null || text.isBlank()) {
            return BigDecimal.ZERO;
        }
        try {
            BigDecimal p = new BigDecimal(text.strip().replace(',', '.').replace("%", ""));
            if (p.signum() < 0 || p.compareTo(HUNDRED) > 0 || p.stripTrailingZeros().scale() > 4) {
                v.add(field, key);
                return BigDecimal.ZERO;
            }
            return p.stripTrailingZeros();
        } catch (NumberFormatException e) {
            v.add(field, key);
            return BigDecimal.ZERO;
        }
    }

    static TaxRate tax(@Nullable String name, @Nullable String percentText, String prefix, Violations v) {
        String n = name == null ? "" : name.strip();
        if (n.length() > 60) {
            v.add(prefix + "taxName", "billing.tax.name.tooLong", 60);
            n = n.substring(0, 60);
        }
        if (percentText == null || percentText.isBlank()) {
            if (!n.isEmpty()) {
                v.add(prefix + "taxPercent", "billing.tax.percent.required");
            }
            return TaxRate.NONE;
        }
        BigDecimal p;
        try {
            p = new BigDecimal(percentText.strip().replace(',', '.').replace("%", ""));
        } catch (NumberFormatException e) {
            v.add(prefix + "taxPercent", "billing.tax.percent.invalid");
            return TaxRate.NONE;
        }
        if (p.signum() < 0 || p.compareTo(HUNDRED) > 0 || p.stripTrailingZeros().scale() > 4) {
            v.add(prefix + "taxPercent", "billing.tax.percent.invalid");
            return TaxRate.NONE;
        }
        if (p.signum() > 0 && n.isEmpty()) {
            v.add(prefix + "taxName", "billing.tax.name.required");
        }
        return new TaxRate(n, p);
    }

    static @Nullable Integer netDays(String text, String field, Violations v) {
        try {
            int days = Integer.parseInt(text.strip());
            if (days < 0 || days > 365) {
                v.add(field, "billing.netDays.invalid");
                return null;
            }
            return days;
        } catch (NumberFormatException e) {
            v.add(field, "billing.netDays.invalid");
            return null;
        }
    }

    static @Nullable String text(@Nullable String text, String field, int max, Violations v) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > max) {
            v.add(field, "billing.text.tooLong", max);
        }
        return t;
    }
}
