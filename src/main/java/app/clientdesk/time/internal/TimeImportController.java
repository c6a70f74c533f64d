package app.clientdesk.time.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.validation.Violation;
import app.clientdesk.shared.web.OwnerOnly;
import app.clientdesk.time.ImportChoices;
import app.clientdesk.time.ImportPreview;
import app.clientdesk.time.ImportProgress;
import app.clientdesk.time.TimeImport;
import app.clientdesk.time.TimeImports;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * One import: its preview and mapping (refreshed as choices change), the commit that runs in the
 * background with its progress bar, and the summary once committed (owner only).
 */
@OwnerOnly
@Controller
class TimeImportController {

    private final TimeImports imports;
    private final MessageSource texts;

    TimeImportController(TimeImports imports, MessageSource texts) {
        this.imports = imports;
        this.texts = texts;
    }

    @GetMapping("/time/import/{importId}")
    String show(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID importId, Model model) {
        TimeImport file = imports.get(viewer, importId);
        ImportProgress progress = imports.progress(viewer, importId);
        if (file.committed()) {
            LocalDate[] days = imports.days(viewer, importId).orElse(null);
            model.addAttribute("file", file);
            model.addAttribute("firstDay", days == null ? null : days[0]);
            model.addAttribute("lastDay", days == null ? null : days[1]);
            return "time/imports/summary";
        }
        if (progress.running()) {
            model.addAttribute("file", file);
            model.addAttribute("progress", progress);
            return "time/imports/running";
        }
        return preview(model, imports.preview(viewer, importId, ImportChoices.defaults()), progress, FieldErrors.none());
    }

    @PostMapping("/time/import/{importId}")
    String commit(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID importId,
            @ModelAttribute("form") ImportForm form, @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model, HttpServletResponse response) {
        TimeImport file = imports.get(viewer, importId);
        if (form.refresh() && !file.committed()) {
            ImportPreview preview = imports.preview(viewer, importId, form.choices());
            if (htmx != null) {
                model.addAttribute("preview", preview);
                return "time/imports/previewBody";
            }
            return preview(model, preview, ImportProgress.none(), FieldErrors.none());
        }
        ImportPreview refused = imports.commit(viewer, importId, form.choices());
        if (refused != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return preview(model, refused, ImportProgress.none(), FieldErrors.of(
                    List.of(Violation.of("", "timeimport.commit.refused")), texts, viewer.locale()));
        }
        return "redirect:/time/import/" + importId;
    }

    /** The progress bar, polled by htmx; once the commit is over it sends the browser to the import's page. */
    @GetMapping("/time/import/{importId}/progress")
    String progress(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID importId,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model,
            HttpServletResponse response) {
        TimeImport file = imports.get(viewer, importId);
        ImportProgress progress = imports.progress(viewer, importId);
        if (htmx != null && !progress.running()) {
            response.setHeader("HX-Redirect", "/time/import/" + importId);
        }
        model.addAttribute("file", file);
        model.addAttribute("progress", progress);
        return "time/imports/progress";
    }

    private static String preview(Model model, ImportPreview preview, ImportProgress progress, FieldErrors errors) {
        model.addAttribute("preview", preview);
        model.addAttribute("progress", progress);
        model.addAttribute("errors", errors);
        return "time/imports/preview";
    }
}
