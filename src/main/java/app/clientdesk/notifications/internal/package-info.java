/** The notifications page, marking read and the bell in the header. */
@NullMarked
package app.clientdesk.notifications.internal;

import org.jspecify.annotations.NullMarked;
