/** Exact money: an amount at its currency's own minor units. */
@NullMarked
package app.clientdesk.shared.money;

import org.jspecify.annotations.NullMarked;
