package app.clientdesk.requests;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of requests: {@code more} says whether a next page exists (one more line than the page is read to
 * know it). {@code total} counts every match only when the filter names a client (a bounded count); across all
 * clients it is null, since counting a whole history on every page view costs more than the page itself.
 */
public record RequestPage(List<RequestSummary> items, @Nullable Long total, boolean more, int limit, int offset) {

    public RequestPage {
        items = List.copyOf(items);
    }
}
