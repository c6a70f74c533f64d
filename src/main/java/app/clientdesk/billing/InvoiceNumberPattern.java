package app.clientdesk.billing;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a series writes its invoice numbers, e.g. {@code INV-{yyyy}-{seq:4}} → {@code INV-2026-0007}. Tokens:
 * {@code {yyyy}} and {@code {yy}} (the issue date's year), {@code {mm}} (its month, two digits), and exactly one
 * {@code {seq}} or {@code {seq:N}} (the number in the series, padded with zeros to N digits, 1–9); a month needs a
 * year beside it. Other text
 * is kept as written: letters, digits and {@code - _ / . #} only, so that a number is safe in a file name and a
 * payment reference. At most 40 characters of pattern.
 */
public record InvoiceNumberPattern(String pattern) {

    private static final Pattern TOKEN = Pattern.compile("\\{(yyyy|yy|mm|seq(?::([1-9]))?)}");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_./#-]*");

    // After the patterns it is checked with.
    public static final InvoiceNumberPattern DEFAULT = new InvoiceNumberPattern("INV-{yyyy}-{seq:4}");

    public InvoiceNumberPattern {
        if (!valid(pattern)) {
            throw new IllegalArgumentException("not an invoice number pattern: " + pattern);
        }
    }

    /** The pattern as typed, if it is one. */
    public static Optional<InvoiceNumberPattern> parse(String text) {
        String t = text == null ? "" : text.strip();
        return valid(t) ? Optional.of(new InvoiceNumberPattern(t)) : Optional.empty();
    }

    private static boolean valid(String pattern) {
        if (pattern == null || pattern.isEmpty() || pattern.length() > 40) {
            return false;
        }
        Matcher m = TOKEN.matcher(pattern);
        int seqs = 0;
        int last = 0;
        while (m.find()) {
            if (!LITERAL.matcher(pattern.substring(last, m.start())).matches()) {
                return false;
            }
            if (m.group(1).startsWith("seq")) {
                seqs++;
            }
            last = m.end();
        }
        // A month without a year would give the same number again a year later.
        boolean year = pattern.contains("{yyyy}") || pattern.contains("{yy}");
        return seqs == 1 && (year || !pattern.contains("{mm}")) && LITERAL.matcher(pattern.substring(last)).matches();
    }

    /** The number of the {@code sequence}-th invoice of the series, issued on {@code issueDate}. */
    public String format(LocalDate issueDate, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequences start at 1: " + sequence);
        }
        Matcher m = TOKEN.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String token = m.group(1);
            String value = switch (token) {
                case "yyyy" -> "%04d".formatted(issueDate.getYear());
                case "yy" -> "%02d".formatted(issueDate.getYear() % 100);
                case "mm" -> "%02d".formatted(issueDate.getMonthValue());
                default -> {
                    int width = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                    yield ("%0" + width + "d").formatted(sequence);
                }
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The key of the counter a number is drawn from: a pattern with the year in it starts again at 1 each
     * year ({@code "2026"}), one with the month each month ({@code "2026-11"}), otherwise one counter for ever.
     */
    public String period(LocalDate issueDate) {
        if (pattern.contains("{mm}")) {
            return "%04d-%02d".formatted(issueDate.getYear(), issueDate.getMonthValue());
        }
        if (pattern.contains("{yyyy}") || pattern.contains("{yy}")) {
            return "%04d".formatted(issueDate.getYear());
        }
        return "";
    }
}
