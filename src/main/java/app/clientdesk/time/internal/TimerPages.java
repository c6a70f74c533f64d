package app.clientdesk.time.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violation;
import app.clientdesk.shared.web.FieldErrors;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Fills the model of the timer's page and of the header widget fragment. */
@Component
class TimerPages {

    private final TimerWidgets widgets;
    private final TaskPicker picker;
    private final MessageSource texts;

    TimerPages(TimerWidgets widgets, TaskPicker picker, MessageSource texts) {
        this.widgets = widgets;
        this.picker = picker;
        this.texts = texts;
    }

    String page(CurrentUser viewer, Model model, String back, String q, StartForm form, FieldErrors startErrors,
            @Nullable EndForm end, FieldErrors endErrors, FieldErrors errors) {
        TimerWidget widget = widgets.withPanel(viewer, back, q, form, startErrors, null);
        EndForm endForm = end != null ? end : EndForm.blank(widget.timer() == null ? null
                : widget.timer().startedAt().atZone(viewer.zone()).toLocalDate());
        model.addAttribute("page", new TimerPage(widget, q, endForm, endErrors, errors));
        return "time/timer/page";
    }

    String page(CurrentUser viewer, Model model, String back) {
        return page(viewer, model, back, "", StartForm.blank(), FieldErrors.none(), null, FieldErrors.none(),
                FieldErrors.none());
    }

    String widget(CurrentUser viewer, Model model, String back, StartForm form, FieldErrors errors,
            @Nullable String said) {
        model.addAttribute("w", widgets.of(viewer, back, form, errors, said));
        return "time/timer/widget";
    }

    String panel(CurrentUser viewer, Model model, String back) {
        model.addAttribute("w", widgets.withPanel(viewer, back, "", StartForm.blank(), FieldErrors.none(), null));
        return "time/timer/panel";
    }

    String tasks(CurrentUser viewer, Model model, String back, String q) {
        model.addAttribute("tasks", picker.find(viewer, q));
        model.addAttribute("back", back);
        model.addAttribute("q", q);
        model.addAttribute("inHeader", true);
        return "time/timer/tasks";
    }

    /** The errors of {@code e} for a form, with the core's field names renamed to the form's ("" = the form's). */
    FieldErrors errors(InvalidInputException e, CurrentUser viewer, Map<String, String> fields) {
        return FieldErrors.of(e.violations().stream()
                .map(v -> new Violation(fields.getOrDefault(v.field(), v.field()), v.messageKey(), v.args()))
                .toList(), texts, viewer.locale());
    }

    /** Every message of {@code e} in one line, for the header, which has no room beside each field. */
    String sentence(InvalidInputException e, CurrentUser viewer) {
        return String.join(" ", e.violations().stream()
                .map(v -> texts.getMessage(v.messageKey(), v.args().toArray(), v.messageKey(), viewer.locale()))
                .distinct().toList());
    }
}
