package app.clientdesk.shared.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The one-line confirmation shown on the page a Post/Redirect/Get lands on. */
public final class Notices {

    private Notices() {}

    /** {@code text} is already translated. */
    public static void flash(RedirectAttributes attributes, String text) {
        attributes.addFlashAttribute(UiAdvice.NOTICE, text);
    }
}
