/**
 * Requests: what a client asks for, from the portal, by email or entered by hand by the VA; the conversation
 * on each (replies, internal notes, files), its response-time clock (the {@code sla} module's business hours),
 * and its way to a task (convert), a duplicate (merge) or an end (close). The public API is {@link
 * app.clientdesk.requests.Requests}; web code will live in {@code requests.internal}.
 */
@NullMarked
package app.clientdesk.requests;

import org.jspecify.annotations.NullMarked;
