package app.clientdesk.identity.internal;

import app.clientdesk.shared.jdbc.Database;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Two requests of one browser at once (a double-clicked form, htmx requests side by side) each load the
 * session, each add the same new attribute (a flash message), and each insert its row: the second insert
 * broke the attribute table's primary key and answered 500. The insert becomes an upsert in each
 * database's own form; {@link SessionTouchThrottle} also writes the session row first whenever an attribute
 * changes, so the two saves take turns on that row's lock.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SessionAttributeUpserts {

    static final String POSTGRESQL = """
            INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            VALUES (?, ?, ?)
            ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
            """;
    static final String H2 = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)
            """;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributeUpserts(Database database) {
        String upsert = database.isPostgres() ? POSTGRESQL : H2;
        return repository -> repository.setCreateSessionAttributeQuery(upsert);
    }
}
