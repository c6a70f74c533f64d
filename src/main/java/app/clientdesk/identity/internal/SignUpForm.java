package app.clientdesk.identity.internal;

import app.clientdesk.identity.NewWorkspace;
import org.jspecify.annotations.Nullable;

/** The sign-up form as typed. */
public record SignUpForm(@Nullable String businessName, @Nullable String ownerName, @Nullable String ownerEmail,
        @Nullable String password, @Nullable String baseCurrency, @Nullable String timeZone,
        @Nullable String locale) {

    static SignUpForm blank(String locale, String currency) {
        return new SignUpForm("", "", "", "", currency, "", locale);
    }

    NewWorkspace toNewWorkspace() {
        return new NewWorkspace(businessName, ownerName, ownerEmail, password, baseCurrency, timeZone, locale);
    }

    /** The form to show again after an error: never echo the password back. */
    SignUpForm withoutPassword() {
        return new SignUpForm(businessName, ownerName, ownerEmail, "", baseCurrency, timeZone, locale);
    }
}
