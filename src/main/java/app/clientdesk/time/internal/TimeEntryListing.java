package app.clientdesk.time.internal;

import app.clientdesk.time.TimeCursor;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeEntry;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of the list: its entries, its number (counted from the latest page, for showing only: pages are
 * found by place, see {@link TimeCursor}), whether newer and older pages exist, and the totals of the whole
 * selection when it is a period (null otherwise: the totals of all history are not worth reading it all), and
 * the link back to this very page (after an edit).
 */
public record TimeEntryListing(List<TimeEntry> items, int page, int size, boolean hasNewer, boolean hasOlder,
        TimeEntries.@Nullable Totals totals, String here) {

    public int first() {
        return items.isEmpty() ? 0 : (page - 1) * size + 1;
    }

    public int last() {
        return items.isEmpty() ? 0 : (page - 1) * size + items.size();
    }

    /** Where the next (older) page starts. */
    public String olderThan() {
        return TimeCursor.of(items.get(items.size() - 1)).toString();
    }

    /** Where the previous (newer) page ends. */
    public String newerThan() {
        return TimeCursor.of(items.get(0)).toString();
    }
}
