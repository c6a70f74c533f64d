package app.clientdesk.notifications.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.notifications.Notifications;
import app.clientdesk.shared.web.HeaderWidget;
import app.clientdesk.shared.web.Ui;
import app.clientdesk.shared.web.Viewer;
import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The bell at the header's end of every staff page: a link to the notifications page with the unread count. Its
 * whole cost is one count on an index, made only when a page is rendered; client contacts see nothing.
 */
@Component
class NotificationBell implements HeaderWidget {

    private final Notifications notifications;
    private final TemplateEngine engine;

    NotificationBell(Notifications notifications, TemplateEngine engine) {
        this.notifications = notifications;
        this.engine = engine;
    }

    @Override
    public boolean atEnd() {
        return true;
    }

    @Override
    public Content render(Viewer viewer, Ui ui) {
        if (!(viewer instanceof CurrentUser user) || user.isClientContact()) {
            return output -> { };
        }
        return output -> engine.render("notifications/bell.jte",
                Map.of("ui", ui, "bell", Bell.of(ui, notifications.unread(user), false)), output);
    }
}
