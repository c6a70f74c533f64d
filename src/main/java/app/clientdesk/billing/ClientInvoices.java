package app.clientdesk.billing;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.money.Money;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One client's invoices as that client sees them (the portal): issued ones only, never a draft, each as the
 * same document and PDF the client is sent. The caller has already decided that the person asking belongs to
 * {@code client}; every read here is kept to that client of that workspace, so an id of another client's
 * invoice (or a draft) answers as if it did not exist.
 */
@Service
public class ClientInvoices {

    /** The most invoices the portal lists. */
    public static final int LIMIT = 200;

    private final Invoices invoices;
    private final InvoiceStore store;
    private final InvoiceDocuments documents;
    private final InvoicePdfs pdfs;
    private final BillingSettingsStore settings;

    ClientInvoices(Invoices invoices, InvoiceStore store, InvoiceDocuments documents, InvoicePdfs pdfs,
            BillingSettingsStore settings) {
        this.invoices = invoices;
        this.store = store;
        this.documents = documents;
        this.pdfs = pdfs;
        this.settings = settings;
    }

    /** The client's issued invoices, newest first, and what is outstanding per currency. */
    @Transactional(readOnly = true)
    public InvoiceList issued(WorkspaceId workspace, ClientId client) {
        return store.list(workspace, new InvoiceQuery(InvoiceQuery.Filter.ALL, client.value(), null, LIMIT, 0),
                invoices.today(workspace), false, true);
    }

    /** What the client owes per currency, and the part of it that is overdue (only currencies with some). */
    public record Balance(List<Money> due, List<Money> overdue) {

        public Balance {
            due = List.copyOf(due);
            overdue = List.copyOf(overdue);
        }
    }

    /**
     * What the client owes today over all its open invoices (not only the listed ones): one grouped statement,
     * for the portal's home.
     */
    @Transactional(readOnly = true)
    public Balance balance(WorkspaceId workspace, ClientId client) {
        return store.balance(workspace, client.value(), invoices.today(workspace));
    }

    /** One issued invoice of the client, empty for a draft or another client's invoice. */
    @Transactional(readOnly = true)
    public Optional<Invoice> find(WorkspaceId workspace, ClientId client, InvoiceId id) {
        return invoices.find(workspace, id).filter(i -> i.clientId().equals(client) && !i.draft());
    }

    /** The web document of one issued invoice of the client. */
    @Transactional(readOnly = true)
    public Optional<InvoiceDocument> document(WorkspaceId workspace, ClientId client, InvoiceId id) {
        return find(workspace, client, id).map(i -> documents.document(workspace, id, c -> true));
    }

    /** The PDF of one issued invoice of the client. */
    public Optional<InvoicePdfs.Pdf> pdf(WorkspaceId workspace, ClientId client, InvoiceId id) {
        return find(workspace, client, id).map(i -> pdfs.file(workspace, id));
    }

    /** The payment instructions of the workspace's billing settings, if it wrote any. */
    @Transactional(readOnly = true)
    public @Nullable String paymentInstructions(WorkspaceId workspace) {
        return settings.get(workspace).paymentInstructions();
    }

    /** Whether the workspace uploaded a logo. */
    @Transactional(readOnly = true)
    public boolean hasLogo(WorkspaceId workspace) {
        return settings.get(workspace).hasLogo();
    }

    /** The workspace's logo, as uploaded for its invoices. */
    @Transactional(readOnly = true)
    public Optional<BillingSetup.Logo> logo(WorkspaceId workspace) {
        return settings.logo(workspace).map(l -> new BillingSetup.Logo(l.bytes(), l.type()));
    }
}
