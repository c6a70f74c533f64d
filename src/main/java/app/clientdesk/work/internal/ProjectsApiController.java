package app.clientdesk.work.internal;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.ApiPaging;
import app.clientdesk.shared.web.OwnerOnly;
import app.clientdesk.work.Project;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.ProjectInput;
import app.clientdesk.work.Projects;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/projects}: the same rules as the screens, answered in JSON. */
@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "Projects", description = "Work for one client with dates, a budget and a workflow")
class ProjectsApiController {

    private final Projects projects;

    ProjectsApiController(Projects projects) {
        this.projects = projects;
    }

    @Operation(summary = "List projects", description = "Filter by client and by open (PLANNED, ACTIVE, ON_HOLD: "
            + "open=true) or closed (DONE, CANCELLED: open=false). A member sees the projects of their clients. "
            + "Paged as every list: limit (1 to 200, default 50) from offset; total counts all matches, hasMore "
            + "says whether more follow.")
    @GetMapping
    ProjectJson.ProjectPageJson list(@AuthenticationPrincipal CurrentUser viewer,
            @Parameter(description = "a client id") @RequestParam(required = false) @Nullable String clientId,
            @Parameter(description = "true or false") @RequestParam(required = false) @Nullable String open,
            @Parameter(description = "1 to 200, default 50") @RequestParam(required = false) @Nullable String limit,
            @Parameter(description = "0 or more, default 0") @RequestParam(required = false) @Nullable String offset) {
        Violations v = new Violations();
        ClientId client = ApiParams.uuid(clientId, "clientId", v).map(ClientId::new).orElse(null);
        Boolean openOnly = ApiParams.bool(open, "open", v);
        ApiPaging paging = ApiPaging.read(limit, offset, v);
        v.throwIfAny();
        Projects.Page page = projects.page(viewer, client, openOnly, paging.limit(), paging.offset());
        return new ProjectJson.ProjectPageJson(page.projects().stream().map(ProjectJson::of).toList(), page.total(),
                paging.limit(), paging.offset(), paging.hasMore(page.total(), page.projects().size()));
    }

    @Operation(summary = "Read a project", description = "404 for an unknown id or one the caller may not see.")
    @GetMapping("/{projectId}")
    ProjectJson read(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID projectId) {
        return ProjectJson.of(projects.get(viewer, new ProjectId(projectId)));
    }

    @Operation(summary = "Create a project", description = "Owner only. clientId and name are required; the "
            + "workflow is the workspace's default unless workflowId is given; status defaults to ACTIVE.")
    @OwnerOnly
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<ProjectJson> create(@AuthenticationPrincipal CurrentUser viewer,
            @RequestBody ProjectJson.ProjectRequest body) {
        ProjectId id = projects.create(viewer, input(body, null));
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id.value()))
                .body(ProjectJson.of(projects.get(viewer, id)));
    }

    @Operation(summary = "Change a project", description = "Owner only. Fields left out stay as they are; an "
            + "empty string clears a date or a budget. Client and workflow cannot change once it has tasks.")
    @OwnerOnly
    @PatchMapping("/{projectId}")
    ProjectJson update(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID projectId,
            @RequestBody ProjectJson.ProjectRequest body) {
        Project existing = projects.get(viewer, new ProjectId(projectId));
        viewer.requireOwner();
        return ProjectJson.of(projects.update(viewer, existing.id(), input(body, existing)));
    }

    @Operation(summary = "Delete a project", description = "Owner only. A project with tasks is refused (422): "
            + "set its status to DONE or CANCELLED instead.")
    @OwnerOnly
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    @DeleteMapping("/{projectId}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID projectId) {
        projects.delete(viewer, new ProjectId(projectId));
        return ResponseEntity.noContent().build();
    }

    private static ProjectInput input(ProjectJson.ProjectRequest b, @Nullable Project old) {
        return new ProjectInput(
                ApiParams.pick(b.clientId(), old == null ? null : old.clientId().value().toString()),
                ApiParams.pick(b.name(), old == null ? null : old.name()),
                ApiParams.pick(b.status(), old == null ? null : old.status().name()),
                ApiParams.pick(b.startDate(), old == null || old.startDate() == null ? null : old.startDate().toString()),
                ApiParams.pick(b.dueDate(), old == null || old.dueDate() == null ? null : old.dueDate().toString()),
                ApiParams.pick(b.budgetHours(), old == null || old.budgetMinutes() == null ? null
                        : ProjectJson.hours(old.budgetMinutes()).toPlainString()),
                ApiParams.pick(b.budgetAmount(), old == null || old.budgetAmount() == null ? null
                        : old.budgetAmount().toPlainString()),
                ApiParams.pick(b.workflowId(), old == null ? null : old.workflowId().value().toString()));
    }
}
