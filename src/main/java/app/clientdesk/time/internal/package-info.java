/** The screens and API of time tracking: controllers, forms and the JSON shapes. */
@NullMarked
package app.clientdesk.time.internal;

import org.jspecify.annotations.NullMarked;
