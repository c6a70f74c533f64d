package app.clientdesk.admin;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar clientdesk.jar admin COMMAND [--option value ...]}. A command's result goes to
 * standard output; logs and errors go to standard error, so a script can capture the result alone.
 * Exit status: 0 done, 2 bad arguments or input refused, 1 unexpected failure.
 */
public final class AdminCli {

    static final Map<String, Set<String>> COMMANDS = Map.of(
            "create-workspace", Set.of("name", "owner-email", "owner-name", "password-stdin", "currency", "time-zone", "locale"),
            "create-token", Set.of("email", "name", "expires-in-days"),
            "reset-password", Set.of("email", "password-stdin"),
            "generate", Set.of("clients", "users", "tasks", "projects", "time-entries", "invoices", "requests", "seed",
                    "owner-email",
                    "password-stdin"));

    static final String USAGE = "usage: admin create-workspace --name NAME --owner-email EMAIL --password-stdin "
            + "[--owner-name NAME] [--currency BRL] [--time-zone America/Sao_Paulo] [--locale pt-BR] | "
            + "admin create-token --email EMAIL --name LABEL [--expires-in-days 90] | "
            + "admin reset-password --email EMAIL --password-stdin | "
            + "admin generate [--clients 200] [--users 10] [--tasks 0] [--projects CLIENTS/2 when tasks] [--time-entries 0] [--invoices 0] "
            + "[--requests 100×CLIENTS] [--seed 42] "
            + "[--owner-email EMAIL] [--password-stdin]";

    /** Arguments refused before anything ran: a one-line message and exit status 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private AdminCli() {}

    public static int run(Class<?> application, String[] args) {
        PrintStream out = System.out;
        // Everything Spring logs goes to standard error; standard output carries only the result.
        System.setOut(System.err);
        try {
            if (args.length < 2) {
                throw new UsageException(USAGE);
            }
            String command = args[1];
            Map<String, String> options = parse(command, Arrays.asList(args).subList(2, args.length));
            String password = options.containsKey("password-stdin") ? readPassword() : null;
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                    .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                    .properties("logging.level.root=WARN")
                    .listeners(AdminCli::batchedInsertsOnPostgres)
                    .run()) {
                List<String> lines = context.getBean(AdminCommands.class).run(command, options, password);
                lines.forEach(out::println);
                out.flush();
                return 0;
            }
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && !(root instanceof UsageException)) {
                root = root.getCause();
            }
            if (root instanceof UsageException usage) {
                System.err.println("error: " + usage.getMessage());
                return 2;
            }
            System.err.println("error: " + e.getMessage());
            return 1;
        } finally {
            System.setOut(out);
        }
    }

    /**
     * On PostgreSQL the driver rewrites a JDBC batch of inserts into multi-row inserts, so generated data goes
     * in several times faster; other databases keep their URL as it is.
     */
    private static void batchedInsertsOnPostgres(org.springframework.context.ApplicationEvent event) {
        if (event instanceof org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent prepared) {
            var environment = prepared.getEnvironment();
            String url = environment.getProperty("spring.datasource.url", "");
            if (url.startsWith("jdbc:postgresql:") && !url.contains("reWriteBatchedInserts")) {
                environment.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource(
                        "adminBatchedInserts", Map.of(
                                "spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true")));
            }
        }
    }

    static Map<String, String> parse(String command, List<String> args) {
        Set<String> allowed = COMMANDS.get(command);
        if (allowed == null) {
            throw new UsageException("unknown command '" + command + "'; " + USAGE);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!allowed.contains(name)) {
                throw new UsageException("unknown option --" + name + " for " + command);
            }
            if (name.equals("password-stdin")) {
                options.put(name, "");
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException("option --" + name + " needs a value");
                }
                value = args.get(++i);
            }
            options.put(name, value);
        }
        return options;
    }

    private static String readPassword() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new UsageException("--password-stdin: no password on standard input");
            }
            return line;
        } catch (java.io.IOException e) {
            throw new UsageException("--password-stdin: " + e.getMessage());
        }
    }
}
