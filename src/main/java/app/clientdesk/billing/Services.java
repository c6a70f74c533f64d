package app.clientdesk.billing;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.shared.validation.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service catalogue, the owner's: packages of work with deliverables, billed hourly, at a fixed price or as
 * a monthly retainer, priced per currency. A name is unique among the workspace's active services (ignoring
 * case). Archiving hides a service from the catalogue's choices but keeps it and its prices, so what already
 * uses it goes on.
 */
@Component
public class Services {

    private final ServiceStore store;
    private final Clock clock;

    Services(ServiceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The catalogue by name; archived services only with {@code includeArchived}. Owner only. */
    public List<Service> list(CurrentUser viewer, boolean includeArchived) {
        viewer.requireOwner();
        return store.list(viewer.workspaceId(), includeArchived);
    }

    /** A page of the catalogue: {@code limit} services by name from {@code offset}, how many in all, whether more follow. */
    public record Page(List<Service> services, long total, boolean more) {
    }

    /** {@code limit} (1–200) services by name from {@code offset}. Owner only. */
    public Page page(CurrentUser viewer, boolean includeArchived, int limit, int offset) {
        viewer.requireOwner();
        List<Service> found = store.slice(viewer.workspaceId(), includeArchived, limit, offset);
        boolean more = found.size() > limit;
        List<Service> shown = more ? found.subList(0, limit) : found;
        long total = !more && (offset == 0 || !shown.isEmpty()) ? offset + shown.size()
                : store.count(viewer.workspaceId(), includeArchived);
        return new Page(List.copyOf(shown), total, more);
    }

    /** A service of the viewer's workspace, archived or not. */
    public Optional<Service> find(CurrentUser viewer, UUID serviceId) {
        viewer.requireOwner();
        return store.find(viewer.workspaceId(), serviceId);
    }

    /** @throws NotFoundException for an id of no service of the viewer's workspace */
    public Service get(CurrentUser viewer, UUID serviceId) {
        return find(viewer, serviceId).orElseThrow(() -> new NotFoundException("service"));
    }

    /** @throws InvalidInputException listing every broken rule; nothing is saved then */
    @Transactional
    public Service create(CurrentUser viewer, ServiceInput input) {
        viewer.requireOwner();
        WorkspaceId workspace = viewer.workspaceId();
        ServiceInput.Parsed parsed = parse(workspace, input, null, true);
        UUID id = UUID.randomUUID();
        try {
            store.insert(workspace, id, parsed, clock.instant());
        } catch (DuplicateKeyException e) {
            // Two people saving the same name at once: the index decides, the loser hears it as a field error.
            throw InvalidInputException.of("name", "services.name.taken", parsed.name());
        }
        return store.find(workspace, id).orElseThrow();
    }

    /** Replaces everything about the service, its prices included. */
    @Transactional
    public Service update(CurrentUser viewer, UUID serviceId, ServiceInput input) {
        viewer.requireOwner();
        WorkspaceId workspace = viewer.workspaceId();
        Service existing = get(viewer, serviceId);
        ServiceInput.Parsed parsed = parse(workspace, input, serviceId, !existing.archived());
        try {
            store.update(workspace, serviceId, parsed, clock.instant());
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("name", "services.name.taken", parsed.name());
        }
        return store.find(workspace, serviceId).orElseThrow();
    }

    /** Archives the service; archiving an archived one changes nothing. */
    @Transactional
    public Service archive(CurrentUser viewer, UUID serviceId) {
        get(viewer, serviceId);
        store.archive(viewer.workspaceId(), serviceId, clock.instant());
        return get(viewer, serviceId);
    }

    /**
     * Brings an archived service back into the catalogue.
     *
     * @throws InvalidInputException when an active service has taken its name meanwhile
     */
    @Transactional
    public Service restore(CurrentUser viewer, UUID serviceId) {
        Service service = get(viewer, serviceId);
        if (!service.archived()) {
            return service;
        }
        refuseTakenName(viewer.workspaceId(), service.name(), serviceId);
        try {
            store.restore(viewer.workspaceId(), serviceId, service.name(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("name", "services.name.taken", service.name());
        }
        return get(viewer, serviceId);
    }

    /**
     * The service's price in {@code currency}, for invoices and retainers: the hourly rate, fixed price or monthly
     * fee as its model says, with a retainer's overage rate. Also for an archived service. Checks no viewer: the
     * caller has already decided that the workspace may bill; empty for an unknown service or currency.
     */
    public Optional<ServicePrice> price(WorkspaceId workspace, UUID serviceId, Currency currency) {
        return store.price(workspace, serviceId, currency);
    }

    /** The input's rules and, for an active service, its name's: every broken rule at once. */
    private ServiceInput.Parsed parse(WorkspaceId workspace, ServiceInput input, @Nullable UUID except, boolean active) {
        ServiceInput.Parsed parsed;
        try {
            parsed = input.parse();
        } catch (InvalidInputException e) {
            String name = input.name() == null ? "" : input.name().strip();
            boolean nameRefused = e.violations().stream().anyMatch(v -> v.field().equals("name"));
            if (active && !nameRefused && store.nameTaken(workspace, name, except)) {
                List<Violation> all = new ArrayList<>();
                all.add(Violation.of("name", "services.name.taken", name));
                all.addAll(e.violations());
                throw new InvalidInputException(all);
            }
            throw e;
        }
        if (active) {
            refuseTakenName(workspace, parsed.name(), except);
        }
        return parsed;
    }

    private void refuseTakenName(WorkspaceId workspace, String name, @Nullable UUID except) {
        if (store.nameTaken(workspace, name, except)) {
            throw InvalidInputException.of("name", "services.name.taken", name);
        }
    }
}
