package app.clientdesk.billing;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A period of a retainer as made: its included minutes, the minutes rolled into it (the first of them
 * expiring on {@code rolledExpiresOn}), and once the next period's invoice closed it, the minutes used, the
 * overage billed and until when its unused minutes may be used. {@code invoiceId} billed its fee;
 * {@code settledInvoiceId} holds its time and overage.
 */
public record RetainerPeriod(UUID id, UUID retainerId, LocalDate start, LocalDate end, int includedMinutes,
        int rolledMinutes, @Nullable LocalDate rolledExpiresOn, @Nullable Integer usedMinutes,
        @Nullable Integer overageMinutes, @Nullable LocalDate unusedExpiresOn, @Nullable UUID invoiceId,
        @Nullable String invoiceNumber, @Nullable UUID settledInvoiceId) {

    public boolean closed() {
        return usedMinutes != null;
    }

    RetainerLedger.Closed ledger() {
        return new RetainerLedger.Closed(start, includedMinutes, usedMinutes == null ? 0 : usedMinutes,
                unusedExpiresOn);
    }
}
