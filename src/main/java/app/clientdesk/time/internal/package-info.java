@NullMarked
package app.clientdesk.time.internal;

import org.jspecify.annotations.NullMarked;
