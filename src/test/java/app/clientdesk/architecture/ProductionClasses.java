package app.clientdesk.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Only the application's own classes. ArchUnit's {@code DoNotIncludeTests} recognises test classes by a
 * {@code target/test-classes} path, which misses a build folder moved with {@code -Dcd.build.dir}.
 */
final class ProductionClasses implements ImportOption {

    @Override
    public boolean includes(Location location) {
        return !location.contains("/test-classes/") && Predefined.DO_NOT_INCLUDE_TESTS.includes(location);
    }
}
