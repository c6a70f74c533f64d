<<<<<<< HEAD
=======
/** The screens and API of time tracking: controllers, forms and the JSON shapes. */
>>>>>>> timesheet
@NullMarked
package app.clientdesk.time.internal;

import org.jspecify.annotations.NullMarked;
