package app.clientdesk.time.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import app.clientdesk.time.TimeImport;
import app.clientdesk.time.TimeImports;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The import page: what can be imported, the latest imports, and the upload of a file (owner only). */
@OwnerOnly
@Controller
class TimeImportUploadController {

    private final TimeImports imports;
    private final MessageSource texts;

    TimeImportUploadController(TimeImports imports, MessageSource texts) {
        this.imports = imports;
        this.texts = texts;
    }

    @GetMapping("/time/import")
    String page(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        viewer.requireOwner();
        return page(viewer, model, viewer.zone().getId(), FieldErrors.none());
    }

    @PostMapping("/time/import")
    String upload(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String zone, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        viewer.requireOwner();
        String chosenZone = zone == null || zone.isBlank() ? viewer.zone().getId() : zone;
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.of("file", "timeimport.file.required");
            }
            TimeImport saved;
            try (InputStream in = file.getInputStream()) {
                saved = imports.upload(viewer, file.getOriginalFilename(), in, chosenZone);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Notices.flash(redirect, texts.getMessage("timeimport.uploaded",
                    new Object[] {saved.fileName(), saved.source().label(), saved.rowCount()}, viewer.locale()));
            return "redirect:/time/import/" + saved.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(viewer, model, chosenZone, FieldErrors.of(e.violations(), texts, viewer.locale()));
        }
    }

    private String page(CurrentUser viewer, Model model, String zone, FieldErrors errors) {
        model.addAttribute("imports", imports.recent(viewer));
        model.addAttribute("zone", zone);
        model.addAttribute("maxMegabytes", imports.maxBytes() / (1024 * 1024));
        model.addAttribute("errors", errors);
        return "time/imports/upload";
    }
}
