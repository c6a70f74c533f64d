/**
 * Transactional email: an outbox written in the same transaction as the change that causes a message, a
 * worker that delivers it over SMTP with retries, and the owner's outbox page. Messages wait, never lost,
 * while mail is not set up.
 */
@NullMarked
package app.clientdesk.mail;

import org.jspecify.annotations.NullMarked;
