/**
 * Email intake: a workspace's mailbox read over IMAP, each message claimed once in the database and handed to
 * {@link app.clientdesk.requests.Requests#receiveEmail} (known contacts), kept for the VA's review (unknown
 * senders), or ignored (auto-replies and bounces). Settings and the review list live in {@code intake.internal}.
 */
@NullMarked
package app.clientdesk.intake;

import org.jspecify.annotations.NullMarked;
