package app.clientdesk.identity;

/**
 * What sign-up and {@code admin create-workspace} ask for. Raw text as typed; {@link Workspaces#create}
 * checks every field and reports all broken rules at once.
 */
public record NewWorkspace(String businessName, String ownerName, String ownerEmail, String password,
        String baseCurrency, String timeZone, String locale) {
}
