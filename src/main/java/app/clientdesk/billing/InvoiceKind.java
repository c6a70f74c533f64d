package app.clientdesk.billing;

/** An invoice, a deposit invoice (taken up front, deducted by a later invoice) or a credit note (voids one). */
public enum InvoiceKind {
    INVOICE, DEPOSIT, CREDIT_NOTE;

    /** The numbering series: credit notes are numbered apart from invoices; deposits share the invoices'. */
    public String series() {
        return this == CREDIT_NOTE ? "credit-note" : "invoice";
    }
}
