package app.clientdesk.time.internal;

import java.time.LocalDate;

/** The failed cell of a refused timesheet save: which cell, its day, what was typed and why it was refused. */
public record CellRefusal(String cellId, LocalDate day, String typed, String message) {
}
