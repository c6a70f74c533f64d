@NullMarked
package app.clientdesk.intake.internal;

import org.jspecify.annotations.NullMarked;
