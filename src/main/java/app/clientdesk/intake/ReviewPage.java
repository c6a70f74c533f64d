package app.clientdesk.intake;

import java.util.List;

/** A page of the review list, newest first. */
public record ReviewPage(List<ReviewItem> items, long total, int limit, int offset) {

    public ReviewPage {
        items = List.copyOf(items);
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    public boolean hasNext() {
        return offset + items.size() < total;
    }

    public long first() {
        return items.isEmpty() ? 0 : offset + 1;
    }

    public long last() {
        return offset + items.size();
    }
}
