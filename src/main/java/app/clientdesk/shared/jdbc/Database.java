package app.clientdesk.shared.jdbc;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Which database the app runs on, asked once: PostgreSQL (production) or H2 (the embedded default). The one
 * place a store asks before choosing a statement that only one of them plans well or understands (an upsert,
 * a lock without the key lock, a lateral read).
 */
@Component
public class Database {

    private final DataSource dataSource;
    private volatile @Nullable Boolean postgres;

    public Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether this is PostgreSQL (otherwise H2). */
    public boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = productName().contains("postgres");
            postgres = known;
        }
        return known;
    }

    private String productName() {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
                    .toLowerCase(Locale.ROOT);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }
}
