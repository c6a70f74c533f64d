package app.clientdesk.time.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads the CSV of a Toggl Track or Clockify detailed report. Columns are found by their header name,
 * never by position, in either tracker's spelling: Toggl's "User" or newer "Member", "End date" or
 * newer "Stop date"; Clockify's "Start Date", "Duration (h)", "Billable Rate (USD)". The file is UTF-8
 * (a byte-order mark is skipped), comma-separated (or semicolon, as a spreadsheet may save it), with
 * quoted values that may hold commas, quotes and line breaks.
 *
 * <p>Only what cannot be read at all is reported here (a row with the wrong number of fields, a quote
 * that never closes). Whether the dates, times and the rest make sense is the importer's business.
 */
public final class ExportReader {

    /** The file is not a detailed report we know, or not text: nothing of it can be imported. */
    public static final class Unreadable extends RuntimeException {
        private final String key;
        private final List<Object> args;

        Unreadable(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = List.of(args);
        }

        public String key() {
            return key;
        }

        public List<Object> args() {
            return args;
        }
    }

    private enum Column {
        USER("user", "member"), EMAIL("email"), CLIENT("client"), PROJECT("project"), TASK("task"),
        DESCRIPTION("description"), BILLABLE("billable"), START_DATE("start date"), START_TIME("start time"),
        END_DATE("end date", "stop date"), END_TIME("end time", "stop time"),
        DURATION("duration", "duration (h)"), TAGS("tags", "tag");

        final String[] names;

        Column(String... names) {
            this.names = names;
        }
    }

    private ExportReader() {}

    /** @throws Unreadable for a file that is not UTF-8 text or whose header is not a detailed report's */
    public static ExportFile read(InputStream in) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16)) {
            return read(reader);
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static Unreadable unreadable(Throwable cause) {
        if (cause instanceof CharacterCodingException) {
            return new Unreadable("timeimport.file.encoding");
        }
        throw new UncheckedIOException(cause instanceof IOException io ? io : new IOException(cause));
    }

    private static ExportFile read(BufferedReader reader) throws IOException {
        reader.mark(1 << 15);
        char[] start = new char[1 << 14];
        int read = reader.read(start);
        reader.reset();
        if (read <= 0) {
            throw new Unreadable("timeimport.file.empty");
        }
        int from = start[0] == '\uFEFF' ? 1 : 0;
        if (from == 1) {
            reader.skip(1);
        }
        char delimiter = delimiter(new String(start, from, read - from));
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        List<ExportRow> rows = new ArrayList<>();
        List<LineProblem> problems = new ArrayList<>();
        ImportSource source;
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new Unreadable("timeimport.file.empty");
            }
            List<String> header = records.next().toList();
            Map<String, Integer> byName = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                byName.putIfAbsent(normalise(header.get(i)), i);
            }
            int[] at = new int[Column.values().length];
            for (Column c : Column.values()) {
                at[c.ordinal()] = find(byName, c.names);
            }
            List<String> missing = new ArrayList<>();
            if (at[Column.START_DATE.ordinal()] < 0) {
                missing.add("Start date");
            }
            if (at[Column.START_TIME.ordinal()] < 0) {
                missing.add("Start time");
            }
            boolean hasEnd = at[Column.END_DATE.ordinal()] >= 0 && at[Column.END_TIME.ordinal()] >= 0;
            if (!hasEnd && at[Column.DURATION.ordinal()] < 0) {
                missing.add("End date / End time");
            }
            if (at[Column.USER.ordinal()] < 0 && at[Column.EMAIL.ordinal()] < 0) {
                missing.add("User / Email");
            }
            if (!missing.isEmpty()) {
                throw new Unreadable("timeimport.file.notExport", String.join(", ", missing));
            }
            source = source(header, byName);
            int width = header.size();
            long lastLine = parser.getCurrentLineNumber();
            while (true) {
                int line = (int) lastLine + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    if (e.getCause() instanceof CharacterCodingException) {
                        throw e;
                    }
                    problems.add(LineProblem.of(line, "timeimport.row.quotes"));
                    break;
                }
                lastLine = parser.getCurrentLineNumber();
                if (record.size() != width) {
                    if (record.size() == 1 && record.get(0).isBlank()) {
                        continue;
                    }
                    problems.add(LineProblem.of(line, "timeimport.row.fields", record.size(), width));
                    continue;
                }
                rows.add(new ExportRow(line, value(record, at, Column.USER), value(record, at, Column.EMAIL),
                        value(record, at, Column.CLIENT), value(record, at, Column.PROJECT),
                        value(record, at, Column.TASK), description(value(record, at, Column.DESCRIPTION)),
                        value(record, at, Column.BILLABLE), value(record, at, Column.START_DATE),
                        value(record, at, Column.START_TIME), hasEnd ? value(record, at, Column.END_DATE) : null,
                        hasEnd ? value(record, at, Column.END_TIME) : null, value(record, at, Column.DURATION),
                        value(record, at, Column.TAGS)));
            }
        }
        List<String> dates = new ArrayList<>(rows.size() * 2);
        for (ExportRow r : rows) {
            dates.add(r.startDate());
            dates.add(r.endDate());
        }
        return new ExportFile(source, rows, problems, Dates.detect(dates));
    }

    /** Clockify's own columns, or its capitalised "Start Date"; anything else with the columns is Toggl's. */
    private static ImportSource source(List<String> header, Map<String, Integer> byName) {
        for (String name : byName.keySet()) {
            if (name.equals("duration (h)") || name.equals("duration (decimal)") || name.equals("group")
                    || name.startsWith("billable rate") || name.startsWith("billable amount")) {
                return ImportSource.CLOCKIFY;
            }
        }
        for (String name : byName.keySet()) {
            if (name.equals("member") || name.equals("stop date") || name.startsWith("amount")) {
                return ImportSource.TOGGL;
            }
        }
        return header.stream().anyMatch(h -> h.strip().replace("\uFEFF", "").equals("Start Date"))
                ? ImportSource.CLOCKIFY : ImportSource.TOGGL;
    }

    private static int find(Map<String, Integer> byName, String... names) {
        for (String name : names) {
            Integer i = byName.get(name);
            if (i != null) {
                return i;
            }
        }
        return -1;
    }

    private static String normalise(String header) {
        return header.replace("\uFEFF", "").strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static @Nullable String value(CSVRecord record, int[] at, Column column) {
        int i = at[column.ordinal()];
        if (i < 0) {
            return null;
        }
        String v = record.get(i).strip();
        return v.isEmpty() ? null : v;
    }

    private static @Nullable String description(@Nullable String text) {
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The separator of the header line: the most frequent of comma, semicolon and tab outside quotes. */
    private static char delimiter(String start) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < start.length(); i++) {
            char c = start.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                if (c == ',') {
                    commas++;
                } else if (c == ';') {
                    semicolons++;
                } else if (c == '\t') {
                    tabs++;
                }
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }
}
