package app.clientdesk.billing;

/**
 * What a line bills. Items are typed in; time lines come from time entries (their quantity and price from
 * the entries), expense lines from expenses, retainer and overage lines from a retainer, a deposit line is
 * what a deposit invoice asks for, and a deduction line takes an issued deposit off the final invoice.
 */
public enum LineKind {
    ITEM, TIME, EXPENSE, RETAINER, OVERAGE, DEPOSIT, DEDUCTION;

    /** Lines an invoice discount applies to: not a deposit asked for nor a deposit deducted. */
    public boolean discountable() {
        return this != DEPOSIT && this != DEDUCTION;
    }

    /** Lines whose quantity and price come from somewhere else and cannot be typed over. */
    public boolean derived() {
        return this != ITEM;
    }
}
