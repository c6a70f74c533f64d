package app.clientdesk.identity;

/** A workspace's own settings: its name, the currency it reports in, its home zone and language. */
public record WorkspaceSettings(WorkspaceId id, String name, String baseCurrency, String timeZone, String locale) {
}
