package app.clientdesk.work.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.work.ChecklistItem;
import app.clientdesk.work.Comment;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.Tasks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A task's checklist and comments over the API, with the same rules and scoping as the task page. */
@RestController
@RequestMapping("/api/v1/tasks/{taskId}")
@Tag(name = "Tasks")
class TaskItemsApiController {

    record Item(UUID id, int position, String text, boolean done) {
        static Item of(ChecklistItem item) {
            return new Item(item.id(), item.position(), item.text(), item.done());
        }
    }

    record NewItem(@Nullable String text) {
    }

    record ItemChange(@Nullable Boolean done) {
    }

    record CommentJson(UUID id, UUID authorId, String authorName, String body, Instant createdAt) {
        static CommentJson of(Comment c) {
            return new CommentJson(c.id(), c.authorId().value(), c.authorName(), c.body(), c.createdAt());
        }
    }

    record NewComment(@Nullable String body) {
    }

    private final Tasks tasks;

    TaskItemsApiController(Tasks tasks) {
        this.tasks = tasks;
    }

    @Operation(summary = "A task's checklist", description = "In order.")
    @GetMapping("/checklist")
    List<Item> checklist(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId) {
        return tasks.checklist(viewer, new TaskId(taskId)).stream().map(Item::of).toList();
    }

    @Operation(summary = "Add a checklist item", description = "{\"text\"}, up to 500 characters, at the end. "
            + "Answers 201 with the whole checklist.")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @PostMapping("/checklist")
    ResponseEntity<List<Item>> addItem(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId,
            @RequestBody NewItem body) {
        tasks.addChecklistItem(viewer, new TaskId(taskId), body.text());
        return ResponseEntity.status(HttpStatus.CREATED).body(checklist(viewer, taskId));
    }

    @Operation(summary = "Tick or untick a checklist item", description = "{\"done\": true|false}. Answers with "
            + "the whole checklist.")
    @PatchMapping("/checklist/{itemId}")
    List<Item> changeItem(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId,
            @PathVariable UUID itemId, @RequestBody ItemChange body) {
        TaskId id = tasks.get(viewer, new TaskId(taskId)).id(); // another workspace's task is not found, whatever the body
        if (body.done() == null) {
            throw InvalidInputException.of("done", "validation.required");
        }
        tasks.checkItem(viewer, id, itemId, body.done());
        return checklist(viewer, taskId);
    }

    @Operation(summary = "Remove a checklist item")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    @DeleteMapping("/checklist/{itemId}")
    ResponseEntity<Void> removeItem(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId,
            @PathVariable UUID itemId) {
        tasks.removeChecklistItem(viewer, new TaskId(taskId), itemId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "A task's comments", description = "Oldest first; bodies are the Markdown as written.")
    @GetMapping("/comments")
    List<CommentJson> comments(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId) {
        return tasks.comments(viewer, new TaskId(taskId)).stream().map(CommentJson::of).toList();
    }

    @Operation(summary = "Comment on a task", description = "{\"body\"} in Markdown, up to 10,000 characters. "
            + "Answers 201 with all the task's comments.")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @PostMapping("/comments")
    ResponseEntity<List<CommentJson>> comment(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId,
            @RequestBody NewComment body) {
        tasks.comment(viewer, new TaskId(taskId), body.body());
        return ResponseEntity.status(HttpStatus.CREATED).body(comments(viewer, taskId));
    }
}
