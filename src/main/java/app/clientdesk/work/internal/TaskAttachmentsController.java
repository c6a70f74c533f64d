package app.clientdesk.work.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.Downloads;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.work.Attachment;
import app.clientdesk.work.Attachments;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.Tasks;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Files attached to a task: upload, download (always as a download, never shown inline), remove. */
@Controller
class TaskAttachmentsController {

    private final Attachments attachments;
    private final Tasks tasks;
    private final TaskPage page;
    private final MessageSource texts;

    TaskAttachmentsController(Attachments attachments, Tasks tasks, TaskPage page, MessageSource texts) {
        this.attachments = attachments;
        this.tasks = tasks;
        this.page = page;
        this.texts = texts;
    }

    @PostMapping("/tasks/{taskId}/attachments")
    String upload(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId,
            @RequestParam(required = false) @Nullable MultipartFile file, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        viewer.requireStaff();
        Task task = tasks.get(viewer, new TaskId(taskId));
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.of("file", "tasks.attachment.required");
            }
            Attachment saved;
            try (InputStream in = file.getInputStream()) {
                saved = attachments.add(viewer, task.id(), file.getOriginalFilename(), in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Notices.flash(redirect, texts.getMessage("tasks.attachment.added", new Object[] {saved.fileName()},
                    viewer.locale()));
            return "redirect:/tasks/" + task.id() + "#attachments";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page.show(viewer, task.id(), model, FieldErrors.of(e.violations(), texts, viewer.locale()), "", "");
        }
    }

    @GetMapping("/tasks/{taskId}/attachments/{attachmentId}")
    ResponseEntity<Resource> download(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId,
            @PathVariable UUID attachmentId) {
        Attachments.Stored stored = attachments.open(viewer, new TaskId(taskId), attachmentId);
        Attachment a = stored.attachment();
        return Downloads.attachment(a.fileName(), a.contentType(), a.sizeBytes(),
                new FileSystemResource(stored.file()));
    }

    @PostMapping("/tasks/{taskId}/attachments/{attachmentId}/remove")
    String remove(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId,
            @PathVariable UUID attachmentId, RedirectAttributes redirect) {
        Attachment removed = attachments.remove(viewer, new TaskId(taskId), attachmentId);
        Notices.flash(redirect, texts.getMessage("tasks.attachment.removed", new Object[] {removed.fileName()},
                viewer.locale()));
        return "redirect:/tasks/" + taskId + "#attachments";
    }
}
