/** The schedule of the response-clock watch. */
@NullMarked
package app.clientdesk.slawatch.internal;

import org.jspecify.annotations.NullMarked;
