package app.clientdesk.billing;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An invoice as its document prints it, every text already in the invoice's language and every figure formatted
 * for its locale: what {@code billing/document/invoice.jte} renders, on the web and in the PDF. It holds what the
 * client keeps, so nothing that changes with time (such as "overdue") is in it.
 *
 * @param title "Invoice", "Credit note", "Deposit invoice" in the invoice's language
 * @param number the invoice's number; null on a draft
 * @param mark a word printed across the top ("DRAFT", "VOID"), or null
 * @param meta the heading's facts (number, dates, what a credit note cancels), label and value
 * @param lines the lines as printed
 * @param logoAlt the logo's text for those who cannot see it ("Logo of …")
 * @param totals the figures under the lines, top to bottom: the total, then what was paid and the balance due
 *     once anything was paid
 * @param notes lines of the notes, terms and payment instructions: each may be empty
 */
public record InvoiceDocument(String lang, String title, @Nullable String number, @Nullable String mark,
        String fileName, @Nullable String logo, String logoAlt, String businessName, List<String> businessLines, String clientName,
        List<String> clientLines, List<Field> meta, Columns columns, List<Line> lines, List<Field> totals,
        @Nullable Field baseTotal, List<String> paymentLines, List<String> notes, List<String> terms,
        Map<String, String> labels) {

    /** A label and its value. {@code strong} marks the total. */
    public record Field(String label, String value, boolean strong) {
    }

    /** Which optional columns the table has: a discount column only if a line has one, a tax column likewise. */
    public record Columns(boolean discount, boolean tax) {
    }

    /** One printed line. {@code kind} is the line's kind in lower case, for styling (e.g. "deduction"). */
    public record Line(String description, @Nullable String detail, String quantity, String unitPrice,
            String discount, String tax, String amount, String kind) {
    }

    /** A fixed text of the document in its language ({@code documents.doc.<key>}). */
    public String t(String key) {
        return labels.getOrDefault(key, key);
    }
}
