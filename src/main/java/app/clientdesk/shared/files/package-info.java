/** Files people upload: what kind a file is, judged by its bytes. */
@NullMarked
package app.clientdesk.shared.files;

import org.jspecify.annotations.NullMarked;
