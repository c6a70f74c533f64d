package app.clientdesk.exchange;

import app.clientdesk.shared.i18n.Currencies;
import app.clientdesk.shared.validation.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads a European Central Bank reference-rate file: the daily {@code eurofxref.csv} ("Date, USD, JPY, ...",
 * dates such as "27 November 2026"), the history {@code eurofxref-hist.csv} (ISO dates, "N/A" where a currency
 * had no rate), or the zip the ECB serves either in. Every rate is EUR → the column's currency. A column
 * whose heading is not an ISO 4217 currency, and an "N/A" or empty cell, is skipped; anything else that is not
 * a date or a positive number refuses the whole file.
 */
final class EcbFile {

    /** The largest CSV read, unzipped: the full history is about 3 MB. */
    static final long MAX_CSV_BYTES = 64L * 1024 * 1024;

    private static final DateTimeFormatter DAILY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    record Cell(LocalDate day, Currency quote, BigDecimal rate) {
    }

    /** What a file holds: its rates, the days with at least one, and what was left out. */
    record Contents(List<Cell> cells, Set<LocalDate> days, int skippedDays, int skippedCells,
            List<String> ignoredColumns) {

        LocalDate first() {
            return days.stream().min(LocalDate::compareTo).orElseThrow();
        }

        LocalDate last() {
            return days.stream().max(LocalDate::compareTo).orElseThrow();
        }
    }

    private EcbFile() {}

    static Contents read(InputStream in) {
        byte[] bytes = readAll(in, MAX_CSV_BYTES);
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            bytes = unzip(bytes);
        }
        return parse(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
    }

    private static byte[] unzip(byte[] zip) {
        byte[] csv = null;
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                if (entry.isDirectory() || !entry.getName().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    continue;
                }
                if (csv != null) {
                    throw InvalidInputException.of("file", "exchange.import.zipMany");
                }
                csv = readAll(entries, MAX_CSV_BYTES);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw InvalidInputException.of("file", "exchange.import.notEcb");
        }
        if (csv == null) {
            throw InvalidInputException.of("file", "exchange.import.zipEmpty");
        }
        return csv;
    }

    private static byte[] readAll(InputStream in, long max) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > max) {
                    throw InvalidInputException.of("file", "exchange.import.tooLarge", max / (1024 * 1024));
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Contents parse(Reader reader) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw InvalidInputException.of("file", "exchange.import.empty");
            }
            CSVRecord header = records.next();
            String first = header.size() == 0 ? "" : header.get(0).replace("\uFEFF", "").strip();
            if (!first.equalsIgnoreCase("Date")) {
                throw InvalidInputException.of("file", "exchange.import.notEcb");
            }
            List<@Nullable Currency> columns = new ArrayList<>();
            List<String> ignored = new ArrayList<>();
            columns.add(null);
            for (int i = 1; i < header.size(); i++) {
                String code = header.get(i).strip();
                Currency currency = code.equalsIgnoreCase("EUR") ? null : Currencies.parse(code).orElse(null);
                if (currency == null && !code.isEmpty()) {
                    ignored.add(code);
                }
                columns.add(currency);
            }
            if (columns.stream().noneMatch(c -> c != null)) {
                throw InvalidInputException.of("file", "exchange.import.notEcb");
            }
            List<Cell> cells = new ArrayList<>();
            Set<LocalDate> days = new LinkedHashSet<>();
            Set<LocalDate> seen = new HashSet<>();
            int skippedDays = 0;
            int skippedCells = 0;
            while (records.hasNext()) {
                CSVRecord row = records.next();
                long line = row.getRecordNumber();
                if (row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                LocalDate day = day(row.get(0), line);
                if (!seen.add(day)) {
                    skippedDays++;
                    continue;
                }
                int before = cells.size();
                for (int i = 1; i < row.size(); i++) {
                    Currency quote = i < columns.size() ? columns.get(i) : null;
                    String text = row.get(i).strip();
                    if (quote == null) {
                        if (!text.isEmpty() && i < columns.size()) {
                            skippedCells++;
                        }
                        continue;
                    }
                    if (text.isEmpty() || text.equalsIgnoreCase("N/A")) {
                        skippedCells++;
                        continue;
                    }
                    cells.add(new Cell(day, quote, rate(text, line, quote)));
                }
                if (cells.size() == before) {
                    skippedDays++;
                } else {
                    days.add(day);
                }
            }
            if (days.isEmpty()) {
                throw InvalidInputException.of("file", "exchange.import.noRates");
            }
            return new Contents(cells, days, skippedDays, skippedCells, ignored);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw InvalidInputException.of("file", "exchange.import.notEcb");
        }
    }

    private static LocalDate day(String text, long line) {
        String value = text.strip();
        try {
            return value.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(value) : LocalDate.parse(value, DAILY);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("file", "exchange.import.badDate", line, value);
        }
    }

    private static BigDecimal rate(String text, long line, Currency quote) {
        if (!text.matches("\\d{1,14}(\\.\\d{1,10})?")) {
            throw InvalidInputException.of("file", "exchange.import.badRate", line, quote.getCurrencyCode(), text);
        }
        BigDecimal rate = new BigDecimal(text);
        if (rate.signum() <= 0) {
            throw InvalidInputException.of("file", "exchange.import.badRate", line, quote.getCurrencyCode(), text);
        }
        return rate;
    }
}
