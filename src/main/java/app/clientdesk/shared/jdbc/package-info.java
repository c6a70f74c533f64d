/** What the modules' SQL needs to know of the database it runs on. */
@NullMarked
package app.clientdesk.shared.jdbc;

import org.jspecify.annotations.NullMarked;
