@NullMarked
package app.clientdesk.identity.internal;

import org.jspecify.annotations.NullMarked;
