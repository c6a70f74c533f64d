@NullMarked
package app.clientdesk.planning.internal;

import org.jspecify.annotations.NullMarked;
