package app.clientdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The PostgreSQL run, when it cannot run, says why on the build's console, once, not only "Skipped: 364". */
class TestDatabaseTest {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final TestDatabase.SkipNotice notice =
            new TestDatabase.SkipNotice(new PrintStream(console, true, StandardCharsets.UTF_8));

    @Test
    void aSkippedPostgresRunSaysWhyOnTheConsoleOnce() {
        var first = TestDatabase.evaluate(true, null, notice);
        var second = TestDatabase.evaluate(true, " ", notice);

        assertThat(first.isDisabled()).isTrue();
        assertThat(second.isDisabled()).isTrue();
        assertThat(console.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
                .startsWith("[WARNING] PostgreSQL run skipped").contains("CLIENTDESK_TEST_POSTGRES_URL");
    }

    @Test
    void theH2RunAndAConfiguredPostgresRunSayNothing() {
        assertThat(TestDatabase.evaluate(false, null, notice).isDisabled()).isFalse();
        assertThat(TestDatabase.evaluate(true, "jdbc:postgresql://127.0.0.1:5432/test", notice).isDisabled()).isFalse();
        assertThat(console.size()).isZero();
    }
}
