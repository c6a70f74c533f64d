package app.clientdesk.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.ClientdeskApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The modules are one per capability and only use each other's public API: a cycle or a reach into another
 * module's {@code internal} package fails the build.
 */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(ClientdeskApplication.class,
            new ProductionClasses());

    @Test
    void modulesOnlyUseEachOthersApiAndHaveNoCycles() {
        MODULES.verify();
    }

    @Test
    void theCapabilitiesAreTheModules() {
        // Guards the check above: it verifies nothing if the packages stop being detected as modules.
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("identity", "clients", "admin", "demo", "portal", "shared")
                .doesNotContain("support", "architecture");
    }
}
