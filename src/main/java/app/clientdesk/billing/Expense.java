package app.clientdesk.billing;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.UserId;
import app.clientdesk.shared.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Money spent for a client: on {@code spentOn}, {@code amount} in its currency, billable or not, with an
 * optional receipt. One on an invoice carries the invoice's id (and its number once issued) and is locked.
 */
public record Expense(UUID id, ClientId clientId, String clientName, @Nullable UUID projectId,
        @Nullable String projectName, LocalDate spentOn, String description, @Nullable String category, Money amount,
        boolean billable, @Nullable Receipt receipt, @Nullable UUID invoiceId, @Nullable String invoiceNumber,
        UserId createdBy, Instant createdAt, Instant updatedAt) {

    /** A receipt's file name as uploaded, its type as judged by its bytes, and its size in bytes. */
    public record Receipt(String name, String contentType, long size) {
    }

    /** On an invoice (a draft or an issued one): it may not change or go until the invoice lets it go. */
    public boolean invoiced() {
        return invoiceId != null;
    }
}
