package app.clientdesk.work;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects as the viewer may see them: the owner sees and changes all; a member sees the projects of
 * their clients and changes none. A project keeps its workflow once it has tasks.
 */
@Service
public class Projects {

    private final ProjectStore store;
    private final Workflows workflows;
    private final Clients clients;
    private final Clock clock;

    Projects(ProjectStore store, Workflows workflows, Clients clients, Clock clock) {
        this.store = store;
        this.workflows = workflows;
        this.clients = clients;
        this.clock = clock;
    }

    public Optional<Project> find(CurrentUser viewer, ProjectId id) {
        if (viewer.isClientContact()) {
            return Optional.empty();
        }
        return store.find(viewer.workspaceId(), memberScope(viewer), id).map(p -> p.shownTo(viewer));
    }

    public Project get(CurrentUser viewer, ProjectId id) {
        return find(viewer, id).orElseThrow(() -> new NotFoundException("project"));
    }

    /**
     * The project a list filter or a pre-filled form names by id: empty for a blank or malformed id, and
     * {@link NotFoundException} for one the viewer may not see.
     */
    public Optional<ProjectId> named(CurrentUser viewer, @Nullable String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(get(viewer, new ProjectId(UUID.fromString(id.strip()))).id());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Projects of one client, or of all the viewer's clients when {@code client} is null. */
    public List<Project> list(CurrentUser viewer, @Nullable ClientId client, boolean openOnly) {
        viewer.requireStaff();
        if (client != null) {
            clients.get(viewer, client);
        }
        return store.list(viewer.workspaceId(), memberScope(viewer), client, openOnly).stream()
                .map(p -> p.shownTo(viewer)).toList();
    }

    /** A page of projects, and how many there are in all. */
    public record Page(List<Project> projects, long total) {
    }

    /**
     * A page of the projects of one client, or of all the viewer's clients when {@code client} is null, open
     * ones first: {@code open} true keeps open ones, false closed ones, null all.
     */
    public Page page(CurrentUser viewer, @Nullable ClientId client, @Nullable Boolean open, int limit, long offset) {
        viewer.requireStaff();
        if (client != null) {
            clients.get(viewer, client);
        }
        List<Project> found = store.page(viewer.workspaceId(), memberScope(viewer), client, open, limit, offset).stream()
                .map(p -> p.shownTo(viewer)).toList();
        long total = found.size() < limit && (offset == 0 || !found.isEmpty()) ? offset + found.size()
                : store.count(viewer.workspaceId(), memberScope(viewer), client, open);
        return new Page(found, total);
    }

    /** Every project the viewer sees, by client and name, with only what a picker needs. */
    public List<ProjectChoice> choices(CurrentUser viewer) {
        viewer.requireStaff();
        return store.choices(viewer.workspaceId(), memberScope(viewer));
    }

    /** The open projects (planned, active, on hold) a picker offers, without counting their tasks. */
    public List<ProjectChoice> openChoices(CurrentUser viewer) {
        viewer.requireStaff();
        return store.choices(viewer.workspaceId(), memberScope(viewer), true);
    }

    /** The open projects of one client the viewer sees, for a picker (no task counts); the client must be visible. */
    public List<ProjectChoice> openChoices(CurrentUser viewer, ClientId client) {
        viewer.requireStaff();
        clients.get(viewer, client);
        return store.openChoices(viewer.workspaceId(), memberScope(viewer), client.value(), null);
    }

    /** Which of these projects are open and seen by the viewer, with their current names (no task counts). */
    public List<ProjectChoice> openChoices(CurrentUser viewer, java.util.Collection<ProjectId> ids) {
        viewer.requireStaff();
        return store.openChoices(viewer.workspaceId(), memberScope(viewer), null,
                ids.stream().map(ProjectId::value).toList());
    }

    /** @throws InvalidInputException listing every broken rule; nothing is saved */
    @Transactional
    public ProjectId create(CurrentUser viewer, ProjectInput input) {
        viewer.requireOwner();
        ProjectRules.Valid valid = check(viewer, input, null);
        ProjectId id = ProjectId.random();
        store.insert(viewer.workspaceId(), id, valid, clock.instant());
        return id;
    }

    /** @throws InvalidInputException listing every broken rule; nothing is saved */
    @Transactional
    public Project update(CurrentUser viewer, ProjectId id, ProjectInput input) {
        Project existing = get(viewer, id);
        viewer.requireOwner();
        ProjectRules.Valid valid = check(viewer, input, existing);
        long tasks = store.taskCount(viewer.workspaceId(), id);
        if (tasks > 0 && !valid.workflowId().equals(existing.workflowId())) {
            throw InvalidInputException.of("workflowId", "project.workflow.hasTasks");
        }
        if (tasks > 0 && !valid.clientId().equals(existing.clientId())) {
            throw InvalidInputException.of("clientId", "project.client.hasTasks");
        }
        store.update(viewer.workspaceId(), id, valid, clock.instant());
        return get(viewer, id);
    }

    /** Deletes a project without tasks; one with tasks is closed (DONE or CANCELLED) instead. */
    @Transactional
    public void delete(CurrentUser viewer, ProjectId id) {
        Project existing = get(viewer, id);
        viewer.requireOwner();
        if (store.taskCount(viewer.workspaceId(), existing.id()) > 0) {
            throw InvalidInputException.of("id", "project.delete.hasTasks");
        }
        store.delete(viewer.workspaceId(), existing.id());
    }

    /** A new project needs a current client; one that exists may stay with its client once it is archived. */
    private ProjectRules.Valid check(CurrentUser viewer, ProjectInput input, @Nullable Project existing) {
        List<Workflow> all = workflows.all(viewer.workspaceId());
        return ProjectRules.check(input,
                client -> clients.find(viewer, client)
                        .filter(c -> !c.archived() || existing != null && c.id().equals(existing.clientId()))
                        .map(Client::currency),
                workflow -> all.stream().anyMatch(w -> w.id().equals(workflow)),
                Workflows.standardOf(all).id());
    }

    private static @Nullable UUID memberScope(CurrentUser viewer) {
        return viewer.isOwner() ? null : viewer.id().value();
    }

}
