package app.clientdesk.billing;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.shared.i18n.Currencies;
import app.clientdesk.shared.money.Money;
import app.clientdesk.shared.validation.Violations;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The rules of an expense's own fields, each broken one named by its field: a client of the workspace, a
 * project of that client (optional), a date, a description of at most 500 characters, a category of at most
 * 60, an amount above zero exact to its currency's decimals, a known currency (the client's by default), and
 * a billable expense in the client's currency, since it is billed on the client's invoice in that currency.
 */
final class ExpenseRules {

    static final int MAX_DESCRIPTION = 500;
    static final int MAX_CATEGORY = 60;

    /** What the rules need to know of the workspace. */
    interface Lookup {
        Optional<Client> client(ClientId id);

        /** The client of a project of the workspace, or empty for an unknown project. */
        Optional<ClientId> projectClient(UUID projectId);
    }

    record Valid(Client client, @Nullable UUID projectId, LocalDate spentOn, String description,
            @Nullable String category, Money amount, boolean billable) {
    }

    private ExpenseRules() {}

    /** The input made whole with what {@code old} has; null when a rule is broken (each one added to {@code v}). */
    static @Nullable Valid check(ExpenseInput in, @Nullable Expense old, Lookup lookup, Violations v) {
        int before = v.list().size();
        Client client = null;
        String clientText = pick(in.clientId(), old == null ? null : old.clientId().value().toString());
        if (clientText == null || clientText.isBlank()) {
            v.add("clientId", "expenses.client.required");
        } else {
            client = uuid(clientText).flatMap(id -> lookup.client(new ClientId(id))).orElse(null);
            if (client == null) {
                v.add("clientId", "expenses.client.unknown");
            }
        }

        UUID project = null;
        String projectText = pick(in.projectId(), old == null || old.projectId() == null ? null
                : old.projectId().toString());
        if (projectText != null && !projectText.isBlank()) {
            Optional<UUID> id = uuid(projectText);
            Optional<ClientId> owner = id.flatMap(lookup::projectClient);
            if (owner.isEmpty()) {
                v.add("projectId", "expenses.project.unknown");
            } else if (client != null && !owner.get().equals(client.id())) {
                v.add("projectId", "expenses.project.otherClient", client.name());
            } else {
                project = id.get();
            }
        }

        LocalDate spentOn = null;
        String dateText = pick(in.spentOn(), old == null ? null : old.spentOn().toString());
        if (dateText == null || dateText.isBlank()) {
            v.add("spentOn", "expenses.date.required");
        } else {
            try {
                spentOn = LocalDate.parse(dateText.strip());
                if (spentOn.getYear() < 1900 || spentOn.getYear() > 9999) {
                    v.add("spentOn", "validation.date");
                    spentOn = null;
                }
            } catch (DateTimeParseException e) {
                v.add("spentOn", "validation.date");
            }
        }

        String description = pick(in.description(), old == null ? null : old.description());
        description = description == null ? "" : description.strip();
        if (description.isEmpty()) {
            v.add("description", "expenses.description.required");
        } else if (description.length() > MAX_DESCRIPTION) {
            v.add("description", "validation.tooLong", MAX_DESCRIPTION);
        }

        String category = pick(in.category(), old == null ? null : old.category());
        category = category == null || category.isBlank() ? null : category.strip();
        if (category != null && category.length() > MAX_CATEGORY) {
            v.add("category", "validation.tooLong", MAX_CATEGORY);
        }

        Currency currency = null;
        String currencyText = in.currency() != null ? in.currency()
                : old == null ? null : old.amount().currency().getCurrencyCode();
        if (currencyText == null || currencyText.isBlank()) {
            currency = client == null ? null : client.currency();
        } else {
            currency = Currencies.parse(currencyText).orElse(null);
            if (currency == null) {
                v.add("currency", "expenses.currency.invalid");
            }
        }

        Money amount = null;
        String amountText = pick(in.amount(), old == null ? null : old.amount().plain());
        if (amountText == null || amountText.isBlank()) {
            v.add("amount", "expenses.amount.required");
        } else if (currency != null) {
            amount = Money.parse(amountText, currency).orElse(null);
            if (amount == null) {
                if (amountText.strip().replace(',', '.').matches("\\d{1,13}\\.\\d+")) {
                    int digits = Money.digits(currency);
                    if (digits == 0) {
                        v.add("amount", "expenses.amount.noDecimals", currency.getCurrencyCode());
                    } else {
                        v.add("amount", "expenses.amount.decimals", currency.getCurrencyCode(), digits);
                    }
                } else {
                    v.add("amount", "expenses.amount.invalid");
                }
            } else if (amount.isZero()) {
                v.add("amount", "expenses.amount.positive");
                amount = null;
            }
        }

        boolean billable = in.billable() != null ? in.billable() : old == null || old.billable();
        if (billable && client != null && currency != null && !currency.equals(client.currency())) {
            v.add("currency", "expenses.currency.notClients", client.name(), client.currency().getCurrencyCode());
        }

        if (v.list().size() > before || client == null || spentOn == null || amount == null) {
            return null;
        }
        return new Valid(client, project, spentOn, description, category, amount, billable);
    }

    private static @Nullable String pick(@Nullable String given, @Nullable String old) {
        return given != null ? given : old;
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
