package app.clientdesk.requests;

import java.util.List;

/** One page of requests and how many match the filter in all. */
public record RequestPage(List<RequestSummary> items, long total, int limit, int offset) {

    public RequestPage {
        items = List.copyOf(items);
    }
}
