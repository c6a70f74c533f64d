/** The exchange-rates screen: its controller, forms and page model. */
@NullMarked
package app.clientdesk.exchange.internal;

import org.jspecify.annotations.NullMarked;
