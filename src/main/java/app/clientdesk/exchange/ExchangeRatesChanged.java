package app.clientdesk.exchange;

import app.clientdesk.identity.WorkspaceId;
import java.time.LocalDate;

/**
 * A workspace's exchange rates changed from {@code from} on: a rate was typed for that day, or an ECB file
 * brought the rates of its days. Published inside the transaction that changed them, so a listener that runs
 * in it (billing filling in the base-currency figures that lacked a rate) commits or rolls back with the rates.
 */
public record ExchangeRatesChanged(WorkspaceId workspace, LocalDate from) {
}
