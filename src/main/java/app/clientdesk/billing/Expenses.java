package app.clientdesk.billing;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.work.Project;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.Projects;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expenses paid for clients, with their receipts: the owner's only (members see no money of the business).
 * The rules of the fields are {@link ExpenseRules}'; a receipt is a PDF or an image judged by its bytes, kept
 * on disk with the row written in the same transaction ({@link ExpenseReceiptFiles}). An expense on an invoice
 * cannot change or be deleted until the invoice lets it go ({@link #release}).
 *
 * <p>For invoicing: {@link #unbilled}, {@link #markInvoiced} and {@link #release} take the workspace rather than
 * a viewer, and check nothing of who calls them; the caller has checked the viewer.
 */
@Service
public class Expenses {

    private final ExpenseStore store;
    private final ExpenseReceiptFiles files;
    private final Clients clients;
    private final Projects projects;
    private final Clock clock;

    Expenses(ExpenseStore store, ExpenseReceiptFiles files, Clients clients, Projects projects, Clock clock) {
        this.store = store;
        this.files = files;
        this.clients = clients;
        this.projects = projects;
        this.clock = clock;
    }

    /** The largest receipt accepted, in bytes. */
    public long maxReceiptBytes() {
        return files.maxBytes();
    }

    // --- reading -----------------------------------------------------------------------------------

    public ExpenseList list(CurrentUser viewer, ExpenseQuery query) {
        viewer.requireOwner();
        WorkspaceId w = viewer.workspaceId();
        ExpenseStore.Totals totals = store.totals(w, query);
        return new ExpenseList(store.search(w, query), totals.count(), totals.sums(), query.limit(), query.offset());
    }

    public Optional<Expense> find(CurrentUser viewer, UUID id) {
        viewer.requireOwner();
        return store.find(viewer.workspaceId(), id);
    }

    public Expense get(CurrentUser viewer, UUID id) {
        return find(viewer, id).orElseThrow(() -> new NotFoundException("expense"));
    }

    /** An expense's receipt with where its bytes are. */
    public record StoredReceipt(Expense expense, Expense.Receipt receipt, Path file) {
    }

    /** The receipt to download; not found when the expense has none. */
    public StoredReceipt receipt(CurrentUser viewer, UUID id) {
        Expense expense = get(viewer, id);
        Path file = files.open(viewer.workspaceId(), expense.id()).orElseThrow(() -> new NotFoundException("receipt"));
        if (expense.receipt() == null) {
            throw new NotFoundException("receipt");
        }
        return new StoredReceipt(expense, expense.receipt(), file);
    }

    // --- writing -----------------------------------------------------------------------------------

    /** @throws InvalidInputException listing every broken rule, the receipt's among them; nothing is saved */
    @Transactional
    public Expense create(CurrentUser viewer, ExpenseInput input, @Nullable ExpenseReceiptUpload receipt) {
        viewer.requireOwner();
        WorkspaceId w = viewer.workspaceId();
        Violations v = new Violations();
        ExpenseRules.Valid valid = ExpenseRules.check(input, null, lookup(viewer), v);
        ExpenseReceiptFiles.Staged staged = stage(w, receipt, v);
        try {
            v.throwIfAny();
            Objects.requireNonNull(valid);
            UUID id = UUID.randomUUID();
            store.insert(w, id, valid, staged == null ? null : staged.receipt(), viewer.id(), clock.instant());
            if (staged != null) {
                files.put(id, staged);
                staged = null;
            }
            return store.find(w, id).orElseThrow();
        } finally {
            files.discard(staged);
        }
    }

    /** Changes an expense's fields (what {@code input} leaves null stays); its receipt stays as it is. */
    @Transactional
    public Expense update(CurrentUser viewer, UUID id, ExpenseInput input) {
        return update(viewer, id, input, null, false);
    }

    /**
     * Changes an expense; a new {@code receipt} replaces the old one, {@code removeReceipt} takes it away.
     *
     * @throws InvalidInputException listing every broken rule, or saying which invoice the expense is on
     */
    @Transactional
    public Expense update(CurrentUser viewer, UUID id, ExpenseInput input, @Nullable ExpenseReceiptUpload receipt,
            boolean removeReceipt) {
        viewer.requireOwner();
        WorkspaceId w = viewer.workspaceId();
        Expense old = store.lock(w, id).orElseThrow(() -> new NotFoundException("expense"));
        refuseIfInvoiced(old);
        Violations v = new Violations();
        ExpenseRules.Valid valid = ExpenseRules.check(input, old, lookup(viewer), v);
        ExpenseReceiptFiles.Staged staged = stage(w, receipt, v);
        try {
            v.throwIfAny();
            Objects.requireNonNull(valid);
            Expense.Receipt kept = staged != null ? staged.receipt() : removeReceipt ? null : old.receipt();
            if (!store.update(w, id, valid, kept, clock.instant())) {
                throw new NotFoundException("expense");
            }
            if (staged != null) {
                files.put(id, staged);
                staged = null;
            } else if (removeReceipt && old.receipt() != null) {
                files.removeAfterCommit(w, id);
            }
            return store.find(w, id).orElseThrow();
        } finally {
            files.discard(staged);
        }
    }

    /** @throws InvalidInputException saying which invoice the expense is on; nothing is deleted */
    @Transactional
    public Expense delete(CurrentUser viewer, UUID id) {
        viewer.requireOwner();
        WorkspaceId w = viewer.workspaceId();
        Expense old = store.lock(w, id).orElseThrow(() -> new NotFoundException("expense"));
        refuseIfInvoiced(old);
        if (!store.delete(w, id)) {
            throw new NotFoundException("expense");
        }
        if (old.receipt() != null) {
            files.removeAfterCommit(w, id);
        }
        return old;
    }

    // --- for invoicing -------------------------------------------------------------------------------

    /** The client's billable expenses on no invoice, in the client's currency, oldest first. */
    public List<Expense> unbilled(WorkspaceId workspace, ClientId client) {
        return store.unbilled(workspace, client);
    }

    /**
     * Puts expenses on an invoice: those of {@code ids} on no invoice yet, or already on this one (so the number
     * can be set when the invoice is issued). {@code number} is null for a draft.
     *
     * @return how many were marked; fewer than asked when some were taken by another invoice meanwhile
     */
    @Transactional
    public int markInvoiced(WorkspaceId workspace, Collection<UUID> ids, UUID invoiceId, @Nullable String number) {
        return store.markInvoiced(workspace, ids, invoiceId, number, clock.instant());
    }

    /** Takes every expense off the invoice (a deleted draft, a voided invoice); returns how many. */
    @Transactional
    public int release(WorkspaceId workspace, UUID invoiceId) {
        return store.release(workspace, invoiceId, clock.instant());
    }

    // ------------------------------------------------------------------------------------------------

    private static void refuseIfInvoiced(Expense expense) {
        if (expense.invoiced()) {
            throw expense.invoiceNumber() == null
                    ? InvalidInputException.of("", "expenses.onDraftInvoice")
                    : InvalidInputException.of("", "expenses.onInvoice", expense.invoiceNumber());
        }
    }

    private ExpenseReceiptFiles.@Nullable Staged stage(WorkspaceId w, @Nullable ExpenseReceiptUpload receipt,
            Violations v) {
        if (receipt == null) {
            return null;
        }
        try {
            return files.stage(w, receipt);
        } catch (InvalidInputException e) {
            v.addAll(e.violations());
            return null;
        }
    }

    private ExpenseRules.Lookup lookup(CurrentUser viewer) {
        return new ExpenseRules.Lookup() {
            @Override
            public Optional<Client> client(ClientId id) {
                return clients.find(viewer, id);
            }

            @Override
            public Optional<ClientId> projectClient(UUID projectId) {
                return projects.find(viewer, new ProjectId(projectId)).map(Project::clientId);
            }
        };
    }
}
