package app.clientdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import app.clientdesk.ClientdeskApplication;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.ApiTokens;
import app.clientdesk.identity.NewWorkspace;
import app.clientdesk.identity.WorkspaceCreated;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.support.TestDatabase;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's admin commands beside a running app on the default embedded database: the app holds the H2 file
 * (in this JVM, on the default datasource URL with only the data folder set) and the command runs as
 * {@code java ... admin} does, in a process of its own. Before AUTO_SERVER the command waited on the file lock and
 * failed.
 */
class AdminBesideRunningAppIT {

    @Test
    void createTokenWorksWhileTheAppHoldsTheEmbeddedDatabase(@TempDir Path data) throws Exception {
        assumeFalse(TestDatabase.postgresRequested(), "the embedded database's file lock is an H2 matter");
        // As command-line arguments: they win over application.properties, as the environment does for a user.
        List<String> arguments = new ArrayList<>();
        TestDatabase.properties().forEach((name, value) -> {
            if (!name.startsWith("spring.datasource.")) {
                arguments.add("--" + name + "=" + value);
            }
        });
        arguments.add("--clientdesk.data-dir=" + data);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ClientdeskApplication.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).run(arguments.toArray(String[]::new))) {
            assertThat(app.getEnvironment().getProperty("spring.datasource.url")).as("the default URL")
                    .startsWith("jdbc:h2:file:" + data);
            WorkspaceCreated made = app.getBean(Workspaces.class).create(new NewWorkspace("Beside VA", "Ana",
                    "beside@example.test", "correct horse battery", "BRL", "America/Sao_Paulo", "en"));

            Command run = admin(data, "create-token", "--email", "beside@example.test", "--name", "beside");

            assertThat(run.exit()).as("exit status; stderr:%n%s", run.err()).isZero();
            assertThat(run.out()).as("the token alone on standard output").hasLineCount(1).startsWith("cdt_");
            var account = app.getBean(Accounts.class).find(made.workspaceId(), made.ownerId()).orElseThrow();
            assertThat(app.getBean(ApiTokens.class).of(account.id())).as("the running app sees the new token")
                    .extracting(ApiTokens.Listed::name).containsExactly("beside");
        }
    }

    record Command(int exit, String out, String err) {}

    /** {@code java -cp <this classpath> app.clientdesk.ClientdeskApplication admin ...} on the data folder. */
    private static Command admin(Path data, String... args) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "-Dclientdesk.data-dir=" + data));
        TestDatabase.properties().forEach((name, value) -> {
            if (!name.startsWith("spring.datasource.")) {
                command.add("-D" + name + "=" + value);
            }
        });
        command.add(ClientdeskApplication.class.getName());
        command.add("admin");
        command.addAll(List.of(args));
        File out = Files.createTempFile("admin-out", ".txt").toFile();
        File err = Files.createTempFile("admin-err", ".txt").toFile();
        Process process = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
        process.getOutputStream().close();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("admin command still running after 3 minutes");
        }
        return new Command(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8).strip(),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }
}
