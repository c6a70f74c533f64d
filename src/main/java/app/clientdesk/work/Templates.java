package app.clientdesk.work;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.work.TemplateInputs.ItemInput;
import app.clientdesk.work.TemplateInputs.ProjectTemplateInput;
import app.clientdesk.work.TemplateInputs.TaskTemplateInput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Task and project templates of a workspace. Everyone on the team sees them and may use a task template
 * for a client of theirs; only the owner writes them and applies a project template (which makes a project).
 * A template of another workspace is not found.
 */
@Service
public class Templates {

    public static final int MAX_NAME = 120;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_CHECKLIST_ITEMS = 50;
    public static final int MAX_ITEMS = 60;
    public static final int MAX_OFFSET = 366;

    private final TemplateStore store;
    private final WorkSeed seed;
    private final Workflows workflows;
    private final Projects projects;
    private final Tasks tasks;
    private final Clock clock;

    Templates(TemplateStore store, WorkSeed seed, Workflows workflows, Projects projects, Tasks tasks, Clock clock) {
        this.store = store;
        this.seed = seed;
        this.workflows = workflows;
        this.projects = projects;
        this.tasks = tasks;
        this.clock = clock;
    }

    // --- task templates ------------------------------------------------------------------------------

    public List<TaskTemplate> taskTemplates(CurrentUser viewer) {
        return store.taskTemplates(workspace(viewer));
    }

    public TaskTemplate taskTemplate(CurrentUser viewer, TaskTemplateId id) {
        return store.taskTemplate(workspace(viewer), id).orElseThrow(() -> new NotFoundException("task template"));
    }

    /** @throws InvalidInputException listing every broken rule; nothing is saved */
    @Transactional
    public TaskTemplateId createTaskTemplate(CurrentUser viewer, TaskTemplateInput input) {
        viewer.requireOwner();
        TemplateStore.TaskTemplateRow row = check(input);
        TaskTemplateId id = TaskTemplateId.random();
        store.insertTaskTemplate(workspace(viewer), id, row, clock.instant());
        return id;
    }

    /** @throws InvalidInputException listing every broken rule; nothing is saved */
    @Transactional
    public TaskTemplate updateTaskTemplate(CurrentUser viewer, TaskTemplateId id, TaskTemplateInput input) {
        TaskTemplate existing = taskTemplate(viewer, id);
        viewer.requireOwner();
        store.updateTaskTemplate(viewer.workspaceId(), existing.id(), check(input));
        return taskTemplate(viewer, id);
    }

    @Transactional
    public void deleteTaskTemplate(CurrentUser viewer, TaskTemplateId id) {
        TaskTemplate existing = taskTemplate(viewer, id);
        viewer.requireOwner();
        store.deleteTaskTemplate(viewer.workspaceId(), existing.id());
    }

    /**
     * Makes a task for {@code clientId} from the template: its title, description, type, estimate, flags,
     * checklist and SOP, due on {@code dueDate} if given. Members may use it for their own clients.
     *
     * @throws InvalidInputException listing every broken rule (of the task); nothing is saved
     */
    @Transactional
    public TaskId use(CurrentUser viewer, TaskTemplateId id, @Nullable String clientId, @Nullable String dueDate) {
        TaskTemplate t = taskTemplate(viewer, id);
        return tasks.create(viewer, new TaskInput(t.title(), t.description(), clientId, null, null, t.urgent(),
                t.important(), dueDate, null, null, minutes(t.estimateMinutes()), null, t.type(), null, null, List.of(),
                null, t.sop(), t.checklist()));
    }

    // --- project templates ---------------------------------------------------------------------------

    public List<ProjectTemplate> projectTemplates(CurrentUser viewer) {
        return store.projectTemplates(workspace(viewer));
    }

    public ProjectTemplate projectTemplate(CurrentUser viewer, ProjectTemplateId id) {
        return store.projectTemplate(workspace(viewer), id)
                .orElseThrow(() -> new NotFoundException("project template"));
    }

    /** @throws InvalidInputException listing every broken rule; nothing is saved */
    @Transactional
    public ProjectTemplateId createProjectTemplate(CurrentUser viewer, ProjectTemplateInput input) {
        viewer.requireOwner();
        TemplateStore.ProjectTemplateRow row = check(viewer.workspaceId(), input);
        ProjectTemplateId id = ProjectTemplateId.random();
        store.insertProjectTemplate(workspace(viewer), id, row, null, clock.instant());
        return id;
    }

    /** @throws InvalidInputException listing every broken rule; nothing is saved */
    @Transactional
    public ProjectTemplate updateProjectTemplate(CurrentUser viewer, ProjectTemplateId id, ProjectTemplateInput input) {
        ProjectTemplate existing = projectTemplate(viewer, id);
        viewer.requireOwner();
        store.updateProjectTemplate(viewer.workspaceId(), existing.id(), check(viewer.workspaceId(), input));
        return projectTemplate(viewer, id);
    }

    @Transactional
    public void deleteProjectTemplate(CurrentUser viewer, ProjectTemplateId id) {
        ProjectTemplate existing = projectTemplate(viewer, id);
        viewer.requireOwner();
        store.deleteProjectTemplate(viewer.workspaceId(), existing.id());
    }

    /**
     * Makes a project for {@code clientId} on the template's workflow, starting on {@code startDate} and due
     * on the day of its last task, with one task per item due {@code offsetDays} after the start. All or
     * nothing: on any broken rule nothing is saved.
     *
     * @throws InvalidInputException listing every broken rule (fields {@code clientId}, {@code name},
     *         {@code startDate})
     */
    @Transactional
    public ProjectId apply(CurrentUser viewer, ProjectTemplateId id, @Nullable String clientId, @Nullable String name,
            @Nullable String startDate) {
        ProjectTemplate template = projectTemplate(viewer, id);
        viewer.requireOwner();
        Violations v = new Violations();
        LocalDate start = TaskRules.date(startDate);
        if (TaskRules.text(startDate) == null) {
            v.add("startDate", "validation.required");
        }
        String due = start == null ? null
                : start.plusDays(template.items().stream().mapToInt(ProjectTemplate.Item::offsetDays).max().orElse(0))
                        .toString();
        ProjectId project;
        try {
            project = projects.create(viewer, new ProjectInput(clientId, name, ProjectStatus.ACTIVE.name(), startDate,
                    due, null, null, template.workflowId().toString()));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(v.addAll(e.violations()).list());
        }
        v.throwIfAny();
        for (ProjectTemplate.Item item : template.items()) {
            tasks.create(viewer, new TaskInput(item.title(), null, clientId, project.toString(), null, false, false,
                    start.plusDays(item.offsetDays()).toString(), null, null, minutes(item.estimateMinutes()), null,
                    item.type(), null, null, List.of(), null, null, item.checklist()));
        }
        return project;
    }

    // --- rules ---------------------------------------------------------------------------------------

    private static TemplateStore.TaskTemplateRow check(TaskTemplateInput in) {
        Violations v = new Violations();
        String name = required(v, "name", in.name(), MAX_NAME);
        String title = required(v, "title", in.title(), TaskRules.MAX_TITLE);
        String description = optional(v, "description", in.description(), TaskRules.MAX_TEXT);
        String type = optional(v, "type", in.type(), TaskRules.MAX_TYPE);
        Integer estimate = estimate(v, "estimateMinutes", in.estimateMinutes());
        List<String> checklist = checklist(v, "checklist", in.checklist());
        String sop = optional(v, "sop", in.sop(), TaskRules.MAX_TEXT);
        v.throwIfAny();
        return new TemplateStore.TaskTemplateRow(name, title, description, lower(type), estimate,
                Boolean.TRUE.equals(in.urgent()), Boolean.TRUE.equals(in.important()), checklist, sop);
    }

    private TemplateStore.ProjectTemplateRow check(WorkspaceId workspace, ProjectTemplateInput in) {
        Violations v = new Violations();
        String name = required(v, "name", in.name(), MAX_NAME);
        String description = optional(v, "description", in.description(), MAX_DESCRIPTION);
        WorkflowId workflow = null;
        Optional<UUID> workflowUuid = TaskRules.uuid(in.workflowId());
        if (TaskRules.text(in.workflowId()) == null) {
            v.add("workflowId", "validation.required");
        } else if (workflowUuid.isEmpty() || workflows.all(workspace).stream()
                .noneMatch(w -> w.id().value().equals(workflowUuid.get()))) {
            v.add("workflowId", "validation.choice");
        } else {
            workflow = new WorkflowId(workflowUuid.get());
        }
        List<ProjectTemplate.Item> items = new ArrayList<>();
        for (int i = 0; i < in.items().size(); i++) {
            ItemInput item = in.items().get(i);
            if (item == null || item.blank()) {
                continue;
            }
            String field = "items[" + i + "].";
            String title = required(v, field + "title", item.title(), TaskRules.MAX_TITLE);
            String type = optional(v, field + "type", item.type(), TaskRules.MAX_TYPE);
            int offset = 0;
            if (TaskRules.text(item.offsetDays()) != null) {
                try {
                    offset = Integer.parseInt(item.offsetDays().strip());
                } catch (NumberFormatException e) {
                    offset = -1;
                }
                if (offset < 0 || offset > MAX_OFFSET) {
                    v.add(field + "offsetDays", "validation.range", 0, MAX_OFFSET);
                }
            }
            Integer estimate = estimate(v, field + "estimateMinutes", item.estimateMinutes());
            List<String> checklist = checklist(v, field + "checklist", item.checklist());
            if (title != null) {
                items.add(new ProjectTemplate.Item(title, lower(type), offset, estimate, checklist));
            }
        }
        if (in.items().stream().allMatch(i -> i == null || i.blank())) {
            v.add("items", "templates.items.required");
        } else if (items.size() > MAX_ITEMS) {
            v.add("items", "templates.items.tooMany", MAX_ITEMS);
        }
        v.throwIfAny();
        return new TemplateStore.ProjectTemplateRow(name, description, workflow, items);
    }

    private static @Nullable String required(Violations v, String field, @Nullable String value, int max) {
        String text = TaskRules.text(value);
        if (text == null) {
            v.add(field, "validation.required");
        } else if (text.length() > max) {
            v.add(field, "validation.tooLong", max);
        }
        return text;
    }

    private static @Nullable String optional(Violations v, String field, @Nullable String value, int max) {
        String text = TaskRules.text(value);
        if (text != null && text.length() > max) {
            v.add(field, "validation.tooLong", max);
        }
        return text;
    }

    private static @Nullable Integer estimate(Violations v, String field, @Nullable String value) {
        if (TaskRules.text(value) == null) {
            return null;
        }
        try {
            int minutes = Integer.parseInt(value.strip());
            if (minutes >= 1 && minutes <= 100000) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        v.add(field, "validation.range", 1, 100000);
        return null;
    }

    private static List<String> checklist(Violations v, String field, @Nullable String value) {
        List<String> lines = TemplateStore.split(value);
        if (lines.size() > MAX_CHECKLIST_ITEMS) {
            v.add(field, "templates.checklist.tooMany", MAX_CHECKLIST_ITEMS);
        } else if (lines.stream().anyMatch(l -> l.length() > TaskRules.MAX_CHECKLIST_ITEM)) {
            v.add(field, "templates.checklist.tooLong", TaskRules.MAX_CHECKLIST_ITEM);
        }
        return lines;
    }

    private static @Nullable String lower(@Nullable String type) {
        return type == null ? null : type.toLowerCase(Locale.ROOT);
    }

    private static @Nullable String minutes(@Nullable Integer minutes) {
        return minutes == null ? null : minutes.toString();
    }

    private WorkspaceId workspace(CurrentUser viewer) {
        viewer.requireStaff();
        seed.ensure(viewer.workspaceId());
        return viewer.workspaceId();
    }
}
