package app.clientdesk.billing;

import org.jspecify.annotations.Nullable;

/**
 * The billing settings as typed on the settings form: strings as sent, checked by {@link BillingSetup}. Field
 * names are the form's, so each error lands beside its input. {@code reminderDays} is a list such as
 * {@code "-3, 0, 7, 14"}; {@code closedThrough} an ISO date or empty.
 */
public record BillingSettingsInput(@Nullable String invoicePattern, @Nullable String creditNotePattern,
        @Nullable String netDays, @Nullable String taxName, @Nullable String taxPercent, @Nullable String taxMode,
        @Nullable String businessDetails, @Nullable String paymentInstructions, @Nullable String defaultNotes,
        @Nullable String defaultTerms, Boolean showBaseTotal, @Nullable String closedThrough,
        @Nullable String reminderDays) {

    /** A box left unticked sends nothing (a browser sends no field, not even Spring's marker): false. */
    public BillingSettingsInput {
        showBaseTotal = Boolean.TRUE.equals(showBaseTotal);
    }

    /** The form filled with what is saved. */
    public static BillingSettingsInput of(BillingSettings s) {
        return new BillingSettingsInput(s.invoicePattern().pattern(), s.creditNotePattern().pattern(),
                String.valueOf(s.netDays()), s.defaultTax().isNone() ? "" : s.defaultTax().name(),
                s.defaultTax().isNone() ? "" : s.defaultTax().percent().toPlainString(), s.taxMode().name(),
                s.businessDetails(), s.paymentInstructions(), s.defaultNotes(), s.defaultTerms(), s.showBaseTotal(),
                s.closedThrough() == null ? "" : s.closedThrough().toString(),
                String.join(", ", s.reminderDays().stream().map(String::valueOf).toList()));
    }
}
