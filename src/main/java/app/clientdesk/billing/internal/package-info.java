/** The screens and API of billing: controllers, forms and the JSON shapes. */
@NullMarked
package app.clientdesk.billing.internal;

import org.jspecify.annotations.NullMarked;
