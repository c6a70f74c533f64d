package app.clientdesk.support;

import java.io.PrintStream;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Which database the integration tests run on. Failsafe runs every {@code *IT} twice: once on an
 * in-memory H2 and once with {@code -Dclientdesk.test.database=postgres}, on the PostgreSQL that
 * {@code CLIENTDESK_TEST_POSTGRES_URL} names (user and password from {@code CLIENTDESK_TEST_POSTGRES_USER}
 * and {@code CLIENTDESK_TEST_POSTGRES_PASSWORD}, default postgres/empty). Without that variable the
 * PostgreSQL run is skipped with a message.
 */
public final class TestDatabase implements ExecutionCondition {

    static final String SCHEMA = "clientdesk_it";

    private TestDatabase() {}

    public static boolean postgresRequested() {
        return "postgres".equalsIgnoreCase(System.getProperty("clientdesk.test.database", "h2"));
    }

    public static String postgresUrl() {
        return System.getenv("CLIENTDESK_TEST_POSTGRES_URL");
    }

    /**
     * Properties of every test context: its database, attachments in a temporary folder rather than
     * ./data, and no repeat job or mail delivery ticking in the background (tests call them when they mean to).
     */
    public static Map<String, String> properties() {
        Map<String, String> all = new java.util.HashMap<>(database());
        all.put("clientdesk.work.repeat-enabled", "false");
        all.put("clientdesk.mail.delivery-enabled", "false");
        all.put("clientdesk.billing.reminders-enabled", "false");
        all.put("clientdesk.intake.enabled", "false");
        all.put("clientdesk.attachments.dir", ATTACHMENTS.toString());
        all.put("clientdesk.imports.dir", ATTACHMENTS.resolve("imports").toString());
        all.put("clientdesk.receipts.dir", ATTACHMENTS.resolve("receipts").toString());
        all.put("clientdesk.requests.sla-check-enabled", "false");
        // The secret key file (made on first use, as in a fresh install) in the temporary folder, not ./data.
        all.put("clientdesk.secrets.key-file", ATTACHMENTS.resolve("secrets.key").toString());
        return all;
    }

    private static final java.nio.file.Path ATTACHMENTS = temporaryFolder();

    private static java.nio.file.Path temporaryFolder() {
        try {
            java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("clientdesk-attachments");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> database() {
        if (postgresRequested()) {
            return Map.of(
                    "spring.datasource.url", postgresUrl(),
                    "spring.datasource.username", env("CLIENTDESK_TEST_POSTGRES_USER", "postgres"),
                    "spring.datasource.password", env("CLIENTDESK_TEST_POSTGRES_PASSWORD", ""),
                    "spring.datasource.hikari.schema", SCHEMA,
                    "spring.flyway.schemas", SCHEMA,
                    "spring.flyway.default-schema", SCHEMA,
                    "spring.flyway.clean-disabled", "false",
                    // Spring keeps up to 32 test contexts alive, each with its own pool: pools that keep 10 idle
                    // connections each run PostgreSQL out of connections (100) once a dozen contexts exist.
                    "spring.datasource.hikari.minimum-idle", "1",
                    "spring.datasource.hikari.idle-timeout", "10000");
        }
        return Map.of("spring.datasource.url",
                "jdbc:h2:mem:clientdesk-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "spring.datasource.username", "sa", "spring.datasource.password", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return evaluate(postgresRequested(), postgresUrl(), CONSOLE);
    }

    /** Where the reason for skipping is said, once per test JVM: the build's console. */
    private static final SkipNotice CONSOLE = new SkipNotice(System.out);

    static ConditionEvaluationResult evaluate(boolean postgres, @Nullable String url, SkipNotice notice) {
        if (postgres && (url == null || url.isBlank())) {
            String reason = "PostgreSQL run skipped: set CLIENTDESK_TEST_POSTGRES_URL "
                    + "(e.g. jdbc:postgresql://127.0.0.1:5432/test) to run every integration test on PostgreSQL too";
            notice.tell(reason);
            return ConditionEvaluationResult.disabled(reason);
        }
        return ConditionEvaluationResult.enabled("database: " + (postgres ? "PostgreSQL" : "H2"));
    }

    /**
     * Says why tests are skipped, once, on the console. JUnit keeps a disabled test's reason in the report files
     * only, and Failsafe's console summary shows a bare "Skipped: 364".
     */
    static final class SkipNotice {
        private final PrintStream console;
        private final AtomicBoolean told = new AtomicBoolean();

        SkipNotice(PrintStream console) {
            this.console = console;
        }

        void tell(String reason) {
            if (told.compareAndSet(false, true)) {
                console.println("[WARNING] " + reason);
                console.flush();
            }
        }
    }
}
