@NullMarked
package app.clientdesk.clients.internal;

import org.jspecify.annotations.NullMarked;
