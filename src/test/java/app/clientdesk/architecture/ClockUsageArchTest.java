package app.clientdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * Every "now" goes through the injected {@link java.time.Clock}, so tests can fix time and a client's
 * "open now" does not depend on the server's zone. {@code ZonedDateTime.now(clock)} is fine; the overloads
 * that read the system clock are not.
 */
class ClockUsageArchTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(new ProductionClasses())
            .importPackages("app.clientdesk");

    static final ArchRule NO_SYSTEM_CLOCK = noClasses()
            .that().resideInAPackage("app.clientdesk..")
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDate.class, "now", ZoneId.class)
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now", ZoneId.class)
            .orShould().callMethod(LocalTime.class, "now")
            .orShould().callMethod(LocalTime.class, "now", ZoneId.class)
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now", ZoneId.class)
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now", ZoneId.class)
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("time comes from the injected Clock (ClockConfiguration), which tests replace")
            .allowEmptyShould(false);

    @Test
    void productionCodeReadsTimeOnlyFromTheInjectedClock() {
        assertThat(PRODUCTION.size()).as("production classes imported").isGreaterThan(50);
        assertThat(PRODUCTION.contain("app.clientdesk.support.IntegrationTest")).as("test classes imported").isFalse();
        NO_SYSTEM_CLOCK.check(PRODUCTION);
    }

    @Test
    void theRuleCatchesEachForbiddenCallButNotTheClockOverloads() {
        JavaClasses samples = new ClassFileImporter().importClasses(ReadsSystemClock.class, ReadsInjectedClock.class);

        EvaluationResult result = NO_SYSTEM_CLOCK.evaluate(samples);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .hasSize(8)
                .allMatch(line -> line.contains(ReadsSystemClock.class.getSimpleName()))
                .noneMatch(line -> line.contains(ReadsInjectedClock.class.getSimpleName()));
    }

    /** Calls every overload the rule must catch. */
    @SuppressWarnings("unused")
    static final class ReadsSystemClock {
        Object[] now() {
            return new Object[] {Instant.now(), LocalDate.now(), LocalDateTime.now(ZoneId.of("UTC")),
                    ZonedDateTime.now(), ZonedDateTime.now(ZoneId.of("Europe/London")), OffsetDateTime.now(),
                    LocalTime.now(), System.currentTimeMillis()};
        }
    }

    /** What production code does instead. */
    @SuppressWarnings("unused")
    static final class ReadsInjectedClock {
        Object[] now(java.time.Clock clock) {
            return new Object[] {Instant.now(clock), LocalDate.now(clock), ZonedDateTime.now(clock),
                    OffsetDateTime.now(clock), clock.millis()};
        }
    }
}
