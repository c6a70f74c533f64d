package app.clientdesk.time.internal;

import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeEntry;
import java.util.List;

/** One page of the list: the entries, where they sit in the whole, and the totals of the whole. */
public record TimeEntryListing(List<TimeEntry> items, int offset, int limit, TimeEntries.Totals totals) {

    public int first() {
        return items.isEmpty() ? 0 : offset + 1;
    }

    public int last() {
        return offset + items.size();
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    public boolean hasNext() {
        return offset + items.size() < totals.count();
    }
}
