/**
 * What every module's API needs alike: the {@code Idempotency-Key} of a create or a payment, kept per workspace.
 */
@NullMarked
package app.clientdesk.shared.api;

import org.jspecify.annotations.NullMarked;
