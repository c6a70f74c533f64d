package app.clientdesk.support;

import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
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

    /** Wraps the data source so {@link QueryCounts} can count a request's statements and rows. */
    @Bean
    static BeanPostProcessor queryCountingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)
                        ? QueryCounts.counting(dataSource)
                        : bean;
            }
        };
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
