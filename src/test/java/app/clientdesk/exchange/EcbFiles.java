package app.clientdesk.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes ECB history files of any size in the real format (ISO dates, newest first, "N/A" cells, a trailing
 * empty column), for tests and the import benchmark. No network: the values are made up.
 */
public final class EcbFiles {

    /** The 30 currencies of today's daily file plus 11 that the history still has a column for. */
    public static final List<String> HEADER = List.of("USD", "JPY", "BGN", "CYP", "CZK", "DKK", "EEK", "GBP", "HUF",
            "LTL", "LVL", "MTL", "PLN", "ROL", "RON", "SEK", "SIT", "SKK", "CHF", "ISK", "NOK", "HRK", "RUB", "TRL",
            "TRY", "AUD", "BRL", "CAD", "CNY", "HKD", "IDR", "ILS", "INR", "KRW", "MXN", "MYR", "NZD", "PHP", "SGD",
            "THB", "ZAR");
    private static final List<String> GONE = List.of("CYP", "EEK", "LTL", "LVL", "MTL", "ROL", "SIT", "SKK", "HRK",
            "RUB", "TRL");

    private EcbFiles() {}

    /** {@code days} working days ending on {@code last}: 30 rates a day, "N/A" for the 11 gone currencies. */
    public static byte[] history(int days, LocalDate last, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder(days * 360);
        csv.append("Date,").append(String.join(",", HEADER)).append(",\n");
        LocalDate day = last;
        for (int written = 0; written < days; day = day.minusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            csv.append(day);
            for (String code : HEADER) {
                csv.append(',');
                if (GONE.contains(code)) {
                    csv.append("N/A");
                } else {
                    double magnitude = Math.pow(10, (code.hashCode() & 7) - 2);
                    csv.append(BigDecimal.valueOf(magnitude * (1 + random.nextDouble())).setScale(4, RoundingMode.HALF_UP)
                            .toPlainString());
                }
            }
            csv.append(",\n");
            written++;
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] zip(String name, byte[] content) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content);
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
