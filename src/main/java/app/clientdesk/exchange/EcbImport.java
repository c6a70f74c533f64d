package app.clientdesk.exchange;

import java.time.LocalDate;
import java.util.List;

/**
 * What an ECB file import did: {@code rates} rates over {@code days} days from {@code firstDay} to
 * {@code lastDay}; {@code skippedDays} rows without any rate (or repeating a day), {@code skippedCells} cells
 * without a rate ("N/A", empty, or under a column that is not a currency), {@code keptManual} rates left out
 * because the owner typed that rate, and the column headings that are not currencies.
 */
public record EcbImport(String fileName, int rates, int days, LocalDate firstDay, LocalDate lastDay, int skippedDays,
        int skippedCells, int keptManual, List<String> ignoredColumns) {

    public EcbImport {
        ignoredColumns = List.copyOf(ignoredColumns);
    }
}
