package app.clientdesk.time.imports;

import java.util.List;

/**
 * A Toggl or Clockify export as read: its source, its data rows and the rows that could not even be read
 * (wrong number of fields). {@code dates} is what the dates of the file say about their order.
 */
public record ExportFile(ImportSource source, List<ExportRow> rows, List<LineProblem> problems,
        DateDetection dates) {

    public ExportFile {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }
}
