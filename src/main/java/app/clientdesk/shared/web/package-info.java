@NullMarked
package app.clientdesk.shared.web;

import org.jspecify.annotations.NullMarked;
