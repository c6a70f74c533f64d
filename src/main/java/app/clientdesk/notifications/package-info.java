/**
 * Notifications: the one place a module tells a person something (a request at risk, an approval given). Each
 * notification is kept in-app (the bell in the header with the unread count, the {@code /notifications} page,
 * marked read one by one or all at once) and may also go out by email through the mail outbox, in the person's
 * language. Callers use {@link app.clientdesk.notifications.Notifications} with a
 * {@link app.clientdesk.notifications.Notice}; a dedupe key makes "tell once per state change" a one-liner.
 */
@NullMarked
package app.clientdesk.notifications;

import org.jspecify.annotations.NullMarked;
