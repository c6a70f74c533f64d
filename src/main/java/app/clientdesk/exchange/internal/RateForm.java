package app.clientdesk.exchange.internal;

import org.jspecify.annotations.Nullable;

/** The "set a rate" form: 1 base = rate quote on day. */
public record RateForm(@Nullable String day, @Nullable String base, @Nullable String quote, @Nullable String rate) {
}
