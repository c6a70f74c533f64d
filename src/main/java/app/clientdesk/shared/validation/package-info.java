@NullMarked
package app.clientdesk.shared.validation;

import org.jspecify.annotations.NullMarked;
