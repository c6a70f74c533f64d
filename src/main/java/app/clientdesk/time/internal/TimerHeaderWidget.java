package app.clientdesk.time.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.HeaderWidget;
import app.clientdesk.shared.web.Ui;
import app.clientdesk.shared.web.Viewer;
import gg.jte.Content;
import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The running timer (or "Start timer") in the header of every staff page; client contacts see nothing. */
@Component
class TimerHeaderWidget implements HeaderWidget {

    private final TimerWidgets widgets;
    private final TemplateEngine engine;

    TimerHeaderWidget(TimerWidgets widgets, TemplateEngine engine) {
        this.widgets = widgets;
        this.engine = engine;
    }

    @Override
    public Content render(Viewer viewer, Ui ui) {
        if (!(viewer instanceof CurrentUser user) || user.isClientContact()) {
            return output -> { };
        }
        Map<String, Object> params = new HashMap<>();
        params.put("ui", ui);
        params.put("w", widgets.of(user, TimerBack.to(here(ui))));
        return output -> engine.render("time/timer/widget.jte", params, output);
    }

    /** The page with its query (the week shown, a filter), so that a stopped timer comes back to it. */
    private static String here(Ui ui) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            if ("GET".equals(request.getMethod()) && request.getQueryString() != null) {
                return ui.path() + "?" + request.getQueryString();
            }
        }
        return ui.path();
    }
}
