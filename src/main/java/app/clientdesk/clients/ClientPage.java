package app.clientdesk.clients;

import java.util.List;

/** One page of the clients list and how many clients match in all. */
public record ClientPage(List<ClientSummary> clients, long total, int page, int pageSize) {

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
