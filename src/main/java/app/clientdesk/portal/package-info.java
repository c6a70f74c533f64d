/**
 * The client portal: where a client's contacts sign in to see their own requests, approvals, reports
 * and invoices. Today it greets them and shows who serves them; each capability adds its part.
 */
@NullMarked
package app.clientdesk.portal;

import org.jspecify.annotations.NullMarked;
