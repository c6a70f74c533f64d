package app.clientdesk.shared.web;

/** Patterns the API description gives its fields, for {@code @Schema(pattern = ...)} on request records. */
public final class OpenApiPatterns {

    private OpenApiPatterns() {}

    /** Money: an exact decimal string, no more decimals than the currency's minor units (checked by the server). */
    public static final String MONEY = "^-?[0-9]+([.,][0-9]+)?$";
}
