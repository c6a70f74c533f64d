/**
 * Exchange rates of a workspace: typed by the owner or imported from a European Central Bank reference-rate
 * file (the application never fetches rates itself), and the rate in force on a date for any two currencies.
 */
@NullMarked
package app.clientdesk.exchange;

import org.jspecify.annotations.NullMarked;
