package app.clientdesk.shared.web;

import app.clientdesk.shared.validation.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/** The translated errors of one submitted form, by field, for a template to show beside each input. */
public final class FieldErrors {

    private static final FieldErrors NONE = new FieldErrors(Map.of(), List.of());

    private final Map<String, List<String>> byField;
    private final List<String> global;

    private FieldErrors(Map<String, List<String>> byField, List<String> global) {
        this.byField = byField;
        this.global = global;
    }

    public static FieldErrors none() {
        return NONE;
    }

    public static FieldErrors of(BindingResult binding, List<Violation> violations, MessageSource messages,
            Locale locale) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        List<String> global = new ArrayList<>();
        for (ObjectError error : binding.getAllErrors()) {
            String text = messages.getMessage(error, locale);
            if (error instanceof FieldError field) {
                if (field.isBindingFailure()) {
                    text = messages.getMessage("validation.invalid", null, locale);
                }
                byField.computeIfAbsent(field.getField(), k -> new ArrayList<>()).add(text);
            } else {
                global.add(text);
            }
        }
        for (Violation v : violations) {
            String text = messages.getMessage(v.messageKey(), v.args().toArray(), v.messageKey(), locale);
            if (v.field().isEmpty()) {
                global.add(text);
            } else {
                byField.computeIfAbsent(v.field(), k -> new ArrayList<>()).add(text);
            }
        }
        return new FieldErrors(byField, global);
    }

    public static FieldErrors of(List<Violation> violations, MessageSource messages, Locale locale) {
        return of(new org.springframework.validation.BeanPropertyBindingResult(new Object(), "form"), violations,
                messages, locale);
    }

    public boolean any() {
        return !byField.isEmpty() || !global.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        List<String> texts = byField.get(field);
        return texts == null ? "" : String.join(" ", texts);
    }

    public List<String> global() {
        return global;
    }

    /** The id of the element that describes a field's error, for aria-describedby. */
    public String describedBy(String field) {
        return has(field) ? "err-" + field.replaceAll("[^A-Za-z0-9]", "-") : "";
    }
}
