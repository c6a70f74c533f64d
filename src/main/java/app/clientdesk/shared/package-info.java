/**
 * What every module uses: the clock, languages, field-error collection and the web layout helpers.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package app.clientdesk.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
