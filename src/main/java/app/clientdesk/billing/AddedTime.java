package app.clientdesk.billing;

/**
 * What adding time to a draft did: the lines and entries added, and the entries left out because they have no
 * rate, are priced in another currency than the invoice's, or are already on another draft.
 */
public record AddedTime(Invoice invoice, int lines, int entries, int withoutRate, int otherCurrency,
        int onOtherDraft) {
}
