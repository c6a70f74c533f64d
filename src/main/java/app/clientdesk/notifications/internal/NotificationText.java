package app.clientdesk.notifications.internal;

import app.clientdesk.notifications.Notification;
import app.clientdesk.shared.web.Ui;

/** A notification written in the viewer's language: its message key (the caller's, checked by it) and arguments. */
public final class NotificationText {

    private NotificationText() {}

    public static String of(Ui ui, Notification n) {
        return ui.t(n.messageKey(), n.arguments().toArray());
    }
}
