package app.clientdesk.work;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deliverables waiting for a client's approval, as the client's contact sees and answers them in the portal: the
 * tasks of their own client in a CLIENT_APPROVAL stage, with what is delivered and its files. An answer is given
 * once: a task that has left the stage the contact saw it in (approved twice, or answered meanwhile by someone
 * else) is reported as {@link Outcome#NOT_WAITING} and nothing changes. A task of another client or workspace is
 * not found. Each answer publishes {@link ApprovalAnswered}.
 */
@Service
public class Approvals {

    public static final int MAX_COMMENT = 10_000;

    /** A deliverable waiting for the client: the task, when it was sent for approval, its files. */
    public record Waiting(Task task, Instant sentAt, List<Attachment> attachments) {
    }

    /** What became of an answer. */
    public enum Outcome {
        /** The task moved on (approved) or back (changes asked). */
        ANSWERED,
        /** The task no longer waits for this approval: nothing changed. */
        NOT_WAITING
    }

    private final TaskStore store;
    private final AttachmentStore attachmentStore;
    private final Attachments attachments;
    private final Tasks tasks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Approvals(TaskStore store, AttachmentStore attachmentStore, Attachments attachments, Tasks tasks,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.attachmentStore = attachmentStore;
        this.attachments = attachments;
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
    }

    /** The contact's client's deliverables waiting for approval, longest waiting first. */
    @Transactional(readOnly = true)
    public List<Waiting> waiting(CurrentUser contact) {
        ClientId client = ownClient(contact);
        List<Task> waiting = store.waitingForClient(contact.workspaceId(), client);
        if (waiting.isEmpty()) {
            return List.of();
        }
        Map<TaskId, Instant> sent = store.enteredCurrentStage(contact.workspaceId(), client);
        Map<TaskId, List<Attachment>> files = attachmentStore.ofTasks(contact.workspaceId(),
                waiting.stream().map(Task::id).toList()).stream()
                .collect(Collectors.groupingBy(Attachment::taskId));
        return waiting.stream()
                .map(t -> new Waiting(t, sent.getOrDefault(t.id(), t.updatedAt()), files.getOrDefault(t.id(), List.of())))
                .sorted(java.util.Comparator.comparing(Waiting::sentAt).thenComparing(w -> w.task().id().value()))
                .toList();
    }

    /** How many deliverables wait for the contact's client. */
    @Transactional(readOnly = true)
    public long countWaiting(CurrentUser contact) {
        return store.countWaitingForClient(contact.workspaceId(), ownClient(contact));
    }

    /**
     * A file of a deliverable waiting for the contact's client.
     *
     * @throws NotFoundException for another client's or workspace's task or file, or a task not waiting
     */
    @Transactional(readOnly = true)
    public Attachments.Stored attachment(CurrentUser contact, TaskId taskId, UUID attachmentId) {
        Task task = waitingTask(contact, taskId).orElseThrow(() -> new NotFoundException("attachment"));
        return attachments.openFor(contact.workspaceId(), task.id(), attachmentId);
    }

    /**
     * Approves a deliverable: it moves to the stage after the approval stage, and the task's history records who
     * approved and when.
     *
     * @param shown the stage the contact saw the task waiting in (null: wherever it waits now)
     * @throws NotFoundException for a task of another client or workspace
     */
    @Transactional
    public Outcome approve(CurrentUser contact, TaskId taskId, @Nullable StageId shown) {
        Optional<Task> task = hold(contact, taskId, shown);
        if (task.isEmpty()) {
            return Outcome.NOT_WAITING;
        }
        tasks.approve(contact, taskId, null);
        publish(contact, task.get(), ApprovalAnswered.Answer.APPROVED, null);
        return Outcome.ANSWERED;
    }

    /**
     * Asks for changes: the deliverable moves back to the working stage before the approval stage, and the comment
     * is kept on the task (its history and its comments) for the VA.
     *
     * @throws InvalidInputException (field {@code comment}) without a comment or with one too long; nothing changes
     * @throws NotFoundException for a task of another client or workspace
     */
    @Transactional
    public Outcome requestChanges(CurrentUser contact, TaskId taskId, @Nullable StageId shown,
            @Nullable String comment) {
        String what = comment == null || comment.isBlank() ? null : comment.strip();
        Optional<Task> task = hold(contact, taskId, shown);
        if (task.isEmpty()) {
            return Outcome.NOT_WAITING;
        }
        if (what == null) {
            throw InvalidInputException.of("comment", "portal.approvals.commentRequired");
        }
        if (what.length() > MAX_COMMENT) {
            throw InvalidInputException.of("comment", "validation.tooLong", MAX_COMMENT);
        }
        tasks.requestChanges(contact, taskId, what);
        publish(contact, task.get(), ApprovalAnswered.Answer.CHANGES_REQUESTED, what);
        return Outcome.ANSWERED;
    }

    /** The task, locked, when it still waits in the stage the contact saw; empty when it has left it. */
    private Optional<Task> hold(CurrentUser contact, TaskId taskId, @Nullable StageId shown) {
        Optional<Task> task = waitingTask(contact, taskId)
                .filter(t -> shown == null || shown.equals(t.stage().id()));
        return task.filter(t -> store.holdIfIn(contact.workspaceId(), t.id(), t.stage().id(), clock.instant()));
    }

    /** The contact's own client's task if it waits for approval; {@link NotFoundException} if not theirs. */
    private Optional<Task> waitingTask(CurrentUser contact, TaskId taskId) {
        ClientId client = ownClient(contact);
        Task task = store.find(contact.workspaceId(), null, taskId)
                .filter(t -> t.clientId().equals(client))
                .orElseThrow(() -> new NotFoundException("task"));
        return Optional.of(task).filter(t -> t.stage().kind() == StageKind.CLIENT_APPROVAL);
    }

    private void publish(CurrentUser contact, Task task, ApprovalAnswered.Answer answer, @Nullable String comment) {
        events.publishEvent(new ApprovalAnswered(contact.workspaceId(), task.id(), task.clientId(), task.clientName(),
                task.title(), answer, contact.id(), contact.displayName(), comment, task.assigneeId(), clock.instant()));
    }

    private static ClientId ownClient(CurrentUser contact) {
        if (!contact.isClientContact()) {
            throw new org.springframework.security.access.AccessDeniedException("approvals are the client's");
        }
        return contact.clientId().map(ClientId::new).orElseThrow(() -> new NotFoundException("client"));
    }
}
