package app.clientdesk.billing.internal;

import app.clientdesk.billing.InvoiceQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The list's state as links carry it; unknown values fall back to "all", no client, the first page. */
public record InvoiceFilters(InvoiceQuery.Filter tab, @Nullable UUID clientId, String q, int page) {

    public String tabName(InvoiceQuery.Filter f) {
        return f.name().toLowerCase(Locale.ROOT);
    }

    /** The query string of this list on another tab or page (the search and client kept). */
    public String link(InvoiceQuery.Filter f, int toPage) {
        StringBuilder s = new StringBuilder("/billing/invoices?tab=").append(tabName(f));
        if (clientId != null) {
            s.append("&client=").append(clientId);
        }
        if (!q.isEmpty()) {
            s.append("&q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        if (toPage > 0) {
            s.append("&page=").append(toPage);
        }
        return s.toString();
    }

    public boolean isClient(UUID id) {
        return id.equals(clientId);
    }
}
