package app.clientdesk.work.internal;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.work.Attachment;
import app.clientdesk.work.Attachments;
import app.clientdesk.work.ChecklistItem;
import app.clientdesk.work.Comment;
import app.clientdesk.work.StageKind;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskEvent;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskPageSection;
import app.clientdesk.work.Tasks;
import app.clientdesk.work.Workflow;
import app.clientdesk.work.Workflows;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Everything the task page shows, gathered in one place for the controllers that answer on it. */
@Component
public class TaskPage {

    /** What the template needs. {@code gate} is the kind of gate the task waits at that the viewer may pass. */
    public record View(Task task, Workflow workflow, ZonedDateTime clientNow, boolean clientOpen, boolean clientHasHours,
            List<ChecklistItem> checklist, List<Comment> comments, List<TaskEvent> history,
            List<Attachment> attachments, long maxUploadMegabytes, @Nullable StageKind gate, boolean completable,
            @Nullable Task next,
            FieldErrors errors, String comment, String note) {
    }

    private final Tasks tasks;
    private final Workflows workflows;
    private final Clients clients;
    private final Attachments attachments;
    private final Clock clock;
    private final ObjectProvider<TaskPageSection> sections;

    TaskPage(Tasks tasks, Workflows workflows, Clients clients, Attachments attachments, Clock clock,
            ObjectProvider<TaskPageSection> sections) {
        this.sections = sections;
        this.tasks = tasks;
        this.workflows = workflows;
        this.clients = clients;
        this.attachments = attachments;
        this.clock = clock;
    }

    /** Whether "Complete" can take the task straight to done: no gate in between that the viewer may not pass. */
    private boolean completable(CurrentUser viewer, Task task, Workflow workflow) {
        return !task.completed() && workflow.done().map(done -> tasks.canMove(viewer, task, done)).orElse(false);
    }

    String show(CurrentUser viewer, TaskId id, Model model, FieldErrors errors, String comment, String note) {
        viewer.requireStaff();
        Task task = tasks.get(viewer, id);
        Workflow workflow = workflows.get(viewer.workspaceId(), task.workflowId());
        Client client = clients.find(viewer, task.clientId()).orElse(null);
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(task.clientZone()));
        boolean hasHours = client != null && !client.businessHours().isEmpty();
        StageKind gate = task.stage().kind().isGate() && viewer.isOwner() ? task.stage().kind() : null;
        Task next = task.completed() ? tasks.nextOccurrence(viewer, id).orElse(null) : null;
        model.addAttribute("view", new View(task, workflow, now, hasHours && client.businessHours().isOpenAt(now),
                hasHours, tasks.checklist(viewer, id), tasks.comments(viewer, id), tasks.history(viewer, id),
                attachments.list(viewer, id), attachments.maxBytes() / (1024 * 1024), gate,
                completable(viewer, task, workflow), next, errors, comment,
                note));
        app.clientdesk.shared.web.Ui ui = (app.clientdesk.shared.web.Ui) model.getAttribute("ui");
        model.addAttribute("sections", ui == null ? List.of()
                : sections.orderedStream().map(s -> s.render(viewer, task, ui)).toList());
        return "tasks/show";
    }
}
