package app.clientdesk.shared.web;

/** Patterns and markers for the API description: {@code @Schema(pattern = ...)} on request records, extensions. */
public final class OpenApiPatterns {

    private OpenApiPatterns() {}

    /** Money: an exact decimal string, no more decimals than the currency's minor units (checked by the server). */
    public static final String MONEY = "^-?[0-9]+([.,][0-9]+)?$";

    /**
     * The extension that marks an operation queuing an email: {@code @Operation(extensions = @Extension(name =
     * OpenApiPatterns.QUEUES_MAIL, properties = @ExtensionProperty(name = "outbox", value = "true")))}. Its 422
     * then lists the outbox's refusals (the daily limit among them, with an example); the mark is not published.
     */
    public static final String QUEUES_MAIL = "x-queues-mail";
}
