package app.clientdesk.shared.web;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.jspecify.annotations.Nullable;

/**
 * How a CSV download writes its numbers. {@link #PLAIN} is the machine-readable form: a decimal point and
 * comma-separated cells (RFC 4180). The reader's own form takes their language's decimal separator, and where
 * that is a comma (Brazilian Portuguese: "1234,56") the cells are separated by semicolons, as a spreadsheet in
 * that language expects; otherwise it is the plain form. A download takes the reader's own form unless the
 * query asks for {@code numbers=plain}. Numbers never get thousands separators, so either form parses exactly.
 * Text cells are left as they are: neutralising formulas stays the caller's job.
 */
public record CsvStyle(char delimiter, char decimalSeparator) {

    /** The query parameter that chooses the form: {@code plain}, or anything else for the reader's own. */
    public static final String PARAM = "numbers";
    public static final String PLAIN_VALUE = "plain";
    public static final CsvStyle PLAIN = new CsvStyle(',', '.');

    public static CsvStyle of(@Nullable String numbers, Locale locale) {
        return PLAIN_VALUE.equals(numbers == null ? null : numbers.strip()) ? PLAIN : local(locale);
    }

    /** The form a spreadsheet in {@code locale}'s language reads numbers in. */
    public static CsvStyle local(Locale locale) {
        char decimal = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        return decimal == '.' ? PLAIN : new CsvStyle(decimal == ';' ? ',' : ';', decimal);
    }

    /** Whether {@code locale}'s own form differs from the plain one, so that a page offers both. */
    public static boolean localDiffers(Locale locale) {
        return !local(locale).equals(PLAIN);
    }

    public CSVFormat format() {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
    }

    /** A number given in plain form ("-1234.50") written in this form ("-1234,50"); empty stays empty. */
    public String number(@Nullable String plain) {
        if (plain == null) {
            return "";
        }
        return decimalSeparator == '.' ? plain : plain.replace('.', decimalSeparator);
    }

    public String number(@Nullable BigDecimal value) {
        return value == null ? "" : number(value.toPlainString());
    }
}
