/** Planning's screens: the working calendar of a person. */
@NullMarked
package app.clientdesk.planning.internal;

import org.jspecify.annotations.NullMarked;
