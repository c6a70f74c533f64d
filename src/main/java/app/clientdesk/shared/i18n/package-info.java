@NullMarked
package app.clientdesk.shared.i18n;

import org.jspecify.annotations.NullMarked;
