/**
 * Getting paid: services, invoices in each client's currency with exact money, gapless numbering, payments,
 * reminders and the reports of revenue. (Issue 5; this first part holds the money rules and numbering.)
 */
@NullMarked
package app.clientdesk.billing;

import org.jspecify.annotations.NullMarked;
