package app.clientdesk.time.imports;

import org.jspecify.annotations.Nullable;

/**
 * What the dates of a file say about how they are written. {@code order} is null when every date could
 * be read both ways (03/04/2026: 3 April or March 4?); {@code example} is then one such date, to show the
 * person who chooses. A file whose dates contradict each other gets the order most of them show.
 */
public record DateDetection(@Nullable DateOrder order, @Nullable String example) {

    public boolean ambiguous() {
        return order == null;
    }
}
