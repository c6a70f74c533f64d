/** The outbox page and the schedule that runs the delivery worker. */
@NullMarked
package app.clientdesk.mail.internal;

import org.jspecify.annotations.NullMarked;
