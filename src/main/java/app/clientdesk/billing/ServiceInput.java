package app.clientdesk.billing;

import app.clientdesk.shared.i18n.Currencies;
import app.clientdesk.shared.money.Money;
import app.clientdesk.shared.validation.Violations;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A service as typed, every field a string as it came from a form or the API. {@code deliverables} is one a
 * line; {@code model} one of {@link ServiceModel}; {@code includedHours} (retainers only) as {@code 20},
 * {@code 12.5} or {@code 12:30}; {@code taxName} and {@code taxPercent} together or not at all. Each price row
 * is a currency, an amount and, for a retainer, an optional overage rate. Violations name the fields as the API
 * does: {@code prices[1].amount}.
 */
public record ServiceInput(@Nullable String name, @Nullable String description, @Nullable String deliverables,
        @Nullable String model, @Nullable String includedHours, @Nullable String taxName, @Nullable String taxPercent,
        List<Price> prices) {

    public static final int NAME_MAX = 120;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int DELIVERABLE_MAX = 200;
    public static final int DELIVERABLES_MAX = 30;
    public static final int PRICES_MAX = 20;
    public static final int TAX_NAME_MAX = 40;
    /** A month's worth of hours at most: 31 days × 24 h. */
    public static final int INCLUDED_MINUTES_MAX = 31 * 24 * 60;

    private static final Pattern CLOCK = Pattern.compile("(\\d{1,3}):([0-5]\\d)");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,3}([.,]\\d{1,6})?");
    private static final Pattern PERCENT = Pattern.compile("\\d{1,3}([.,]\\d{1,8})?");

    public ServiceInput {
        prices = prices == null ? List.of() : List.copyOf(prices);
    }

    /** One price row as typed. */
    public record Price(@Nullable String currency, @Nullable String amount, @Nullable String overageRate) {
    }

    /** The input once every rule holds. */
    record Parsed(String name, String description, List<String> deliverables, ServiceModel model,
            @Nullable Integer includedMinutes, @Nullable TaxRate tax, List<ParsedPrice> prices) {
    }

    record ParsedPrice(Money amount, @Nullable Money overageRate) {
    }

    /**
     * Checks every rule that needs no database and answers the clean values.
     *
     * @throws app.clientdesk.shared.validation.InvalidInputException listing every broken rule
     */
    Parsed parse() {
        Violations v = new Violations();
        String cleanName = clean(name);
        if (cleanName.isEmpty()) {
            v.add("name", "services.name.required");
        } else if (cleanName.length() > NAME_MAX) {
            v.add("name", "services.name.long", NAME_MAX);
        }
        String cleanDescription = description == null ? "" : description.strip().replace("\r\n", "\n");
        if (cleanDescription.length() > DESCRIPTION_MAX) {
            v.add("description", "services.description.long", DESCRIPTION_MAX);
        }
        List<String> lines = deliverables == null ? List.of() : deliverables.lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        if (lines.size() > DELIVERABLES_MAX) {
            v.add("deliverables", "services.deliverables.many", DELIVERABLES_MAX);
        } else if (lines.stream().anyMatch(l -> l.length() > DELIVERABLE_MAX)) {
            v.add("deliverables", "services.deliverables.long", DELIVERABLE_MAX);
        }

        ServiceModel cleanModel = model(model).orElse(null);
        if (cleanModel == null) {
            v.add("model", "services.model.invalid");
        }
        Integer minutes = null;
        String hours = clean(includedHours);
        if (cleanModel == ServiceModel.RETAINER) {
            if (hours.isEmpty()) {
                v.add("includedHours", "services.included.required");
            } else {
                Optional<Integer> parsed = minutes(hours);
                if (parsed.isEmpty()) {
                    v.add("includedHours", "services.included.invalid");
                } else if (parsed.get() < 1 || parsed.get() > INCLUDED_MINUTES_MAX) {
                    v.add("includedHours", "services.included.range", INCLUDED_MINUTES_MAX / 60);
                } else {
                    minutes = parsed.get();
                }
            }
        } else if (cleanModel != null && !hours.isEmpty()) {
            v.add("includedHours", "services.included.notRetainer");
        }

        TaxRate tax = null;
        String cleanTaxName = clean(taxName);
        String percentText = clean(taxPercent);
        if (!cleanTaxName.isEmpty() || !percentText.isEmpty()) {
            if (cleanTaxName.isEmpty()) {
                v.add("taxName", "services.tax.name.required");
            } else if (cleanTaxName.length() > TAX_NAME_MAX) {
                v.add("taxName", "services.tax.name.long", TAX_NAME_MAX);
            }
            Optional<BigDecimal> percent = percent(percentText);
            if (percentText.isEmpty()) {
                v.add("taxPercent", "services.tax.percent.required");
            } else if (percent.isEmpty()) {
                v.add("taxPercent", "services.tax.percent.invalid");
            } else if (!cleanTaxName.isEmpty() && cleanTaxName.length() <= TAX_NAME_MAX) {
                tax = new TaxRate(cleanTaxName, percent.get());
            }
        }

        List<ParsedPrice> parsedPrices = new ArrayList<>();
        if (prices.isEmpty()) {
            v.add("prices", "services.prices.required");
        } else if (prices.size() > PRICES_MAX) {
            v.add("prices", "services.prices.many", PRICES_MAX);
        } else {
            Set<Currency> seen = new HashSet<>();
            for (int i = 0; i < prices.size(); i++) {
                Price p = prices.get(i) == null ? new Price(null, null, null) : prices.get(i);
                String field = "prices[" + i + "]";
                Optional<Currency> currency = Currencies.parse(clean(p.currency()));
                if (currency.isEmpty()) {
                    v.add(field + ".currency", "services.price.currency.invalid");
                } else if (!seen.add(currency.get())) {
                    v.add(field + ".currency", "services.price.currency.twice", currency.get().getCurrencyCode());
                }
                Optional<Money> amount = Optional.empty();
                String amountText = clean(p.amount());
                if (amountText.isEmpty()) {
                    v.add(field + ".amount", "services.price.amount.required");
                } else if (currency.isPresent()) {
                    amount = Money.parse(amountText, currency.get());
                    if (amount.isEmpty()) {
                        v.add(field + ".amount", "services.price.amount.invalid", Money.digits(currency.get()),
                                currency.get().getCurrencyCode());
                    }
                }
                Money overage = null;
                String overageText = clean(p.overageRate());
                if (!overageText.isEmpty()) {
                    if (cleanModel != null && cleanModel != ServiceModel.RETAINER) {
                        v.add(field + ".overageRate", "services.price.overage.notRetainer");
                    } else if (currency.isPresent()) {
                        overage = Money.parse(overageText, currency.get()).orElse(null);
                        if (overage == null) {
                            v.add(field + ".overageRate", "services.price.amount.invalid",
                                    Money.digits(currency.get()), currency.get().getCurrencyCode());
                        }
                    }
                }
                if (amount.isPresent()) {
                    parsedPrices.add(new ParsedPrice(amount.get(), overage));
                }
            }
        }
        v.throwIfAny();
        List<ParsedPrice> sorted = parsedPrices.stream()
                .sorted(java.util.Comparator.comparing(p -> p.amount().currency().getCurrencyCode())).toList();
        return new Parsed(cleanName, cleanDescription, lines, cleanModel, minutes, tax, sorted);
    }

    static Optional<ServiceModel> model(@Nullable String text) {
        String t = clean(text).toUpperCase(Locale.ROOT);
        for (ServiceModel m : ServiceModel.values()) {
            if (m.name().equals(t)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Hours as {@code 12:30} or {@code 12.5} (or {@code 12,5}) in whole minutes; empty for anything else. */
    static Optional<Integer> minutes(String text) {
        Matcher clock = CLOCK.matcher(text);
        if (clock.matches()) {
            return Optional.of(Integer.parseInt(clock.group(1)) * 60 + Integer.parseInt(clock.group(2)));
        }
        if (!DECIMAL.matcher(text).matches()) {
            return Optional.empty();
        }
        BigDecimal minutes = new BigDecimal(text.replace(',', '.')).multiply(BigDecimal.valueOf(60));
        // 0.1 h is 6 minutes; 0.01 h is not a whole minute and would have to be rounded: refused instead.
        if (minutes.stripTrailingZeros().scale() > 0) {
            return Optional.empty();
        }
        return Optional.of(minutes.intValueExact());
    }

    /** A tax rate in percent: 0–100 with at most four decimals. */
    static Optional<BigDecimal> percent(String text) {
        if (!PERCENT.matcher(text).matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(text.replace(',', '.'));
        if (value.compareTo(BigDecimal.valueOf(100)) > 0 || value.stripTrailingZeros().scale() > 4) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** Included minutes written as hours the way the form takes them back: {@code 20:00}, {@code 12:30}. */
    public static String hours(int minutes) {
        return "%d:%02d".formatted(minutes / 60, minutes % 60);
    }

    private static String clean(@Nullable String text) {
        return text == null ? "" : text.strip();
    }
}
