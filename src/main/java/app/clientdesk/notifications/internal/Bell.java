package app.clientdesk.notifications.internal;

import app.clientdesk.notifications.Notifications;
import app.clientdesk.shared.web.Ui;

/**
 * What the bell shows: the unread count (capped), and the words a screen reader says for the link.
 *
 * @param oob whether it replaces the header's bell from an htmx answer
 */
public record Bell(int unread, String label, boolean oob) {

    static Bell of(Ui ui, int unread, boolean oob) {
        String label = unread == 0 ? ui.t("notifications.bell.none")
                : unread >= Notifications.UNREAD_CAP ? ui.t("notifications.bell.many", Notifications.UNREAD_CAP - 1)
                : ui.plural("notifications.bell.unread", unread);
        return new Bell(unread, label, oob);
    }

    /** "3", or "99+" beyond the cap. */
    public String count() {
        return unread >= Notifications.UNREAD_CAP ? (Notifications.UNREAD_CAP - 1) + "+" : String.valueOf(unread);
    }
}
