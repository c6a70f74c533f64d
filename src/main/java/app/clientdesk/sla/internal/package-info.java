@NullMarked
package app.clientdesk.sla.internal;

import org.jspecify.annotations.NullMarked;
