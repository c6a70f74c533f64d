package app.clientdesk.billing;

/**
 * Where an invoice is: a draft (no number, editable) → issued (numbered, immutable) → sent → partially paid →
 * paid; or void (a credit note cancelled it). "Overdue" is not a status: it is an open invoice past its due
 * date in the workspace's time zone.
 */
public enum InvoiceStatus {
    DRAFT, ISSUED, SENT, PARTIALLY_PAID, PAID, VOID;

    /** Issued and not yet settled or voided: money is still due. */
    public boolean open() {
        return this == ISSUED || this == SENT || this == PARTIALLY_PAID;
    }
}
