package app.clientdesk.support;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** On PostgreSQL, every test run starts from an empty schema; H2 is new in memory anyway. */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

    /** The application's clock in tests: real time unless a test sets it. */
    @Bean
    @org.springframework.context.annotation.Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            if (TestDatabase.postgresRequested()) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }
}
