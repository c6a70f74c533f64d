@NullMarked
package app.clientdesk.work.internal;

import org.jspecify.annotations.NullMarked;
