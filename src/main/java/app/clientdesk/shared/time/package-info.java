@NullMarked
package app.clientdesk.shared.time;

import org.jspecify.annotations.NullMarked;
