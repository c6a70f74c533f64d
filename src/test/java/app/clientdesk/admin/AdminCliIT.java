package app.clientdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.ClientdeskApplication;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.WorkspaceSettings;
import app.clientdesk.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * {@code java -jar clientdesk.jar admin ...} run in this JVM: {@link AdminCli#run} starts its own Spring
 * context, pointed by system properties at this test's database (or at a fresh in-memory one), reading the
 * password from a replaced standard input and printing to captured standard output and error.
 */
class AdminCliIT extends IntegrationTest {

    /** What the test context's datasource is, so the command line uses the same database. */
    private static final List<String> DATABASE_PROPERTIES = List.of("spring.datasource.url",
            "spring.datasource.username", "spring.datasource.password", "spring.datasource.hikari.schema",
            "spring.flyway.schemas", "spring.flyway.default-schema");

    @Autowired Environment environment;
    @Autowired PasswordEncoder passwordEncoder;

    record Run(int exit, List<String> out, List<String> err) {
        String errorLine() {
            List<String> errors = err.stream().filter(line -> line.startsWith("error: ")).toList();
            assertThat(errors).as("error lines on stderr: " + err).hasSize(1);
            return errors.get(0);
        }
    }

    @Test
    void createWorkspaceMakesAnOwnerWhoSignsInWithThePasswordFromStandardInput() {
        String email = uniqueEmail("cli-owner");

        Run run = admin(PASSWORD, "create-workspace", "--name", "Harbour VA", "--owner-email", email,
                "--password-stdin", "--owner-name", "Ana Souza", "--currency", "USD", "--time-zone", "Europe/London", "--locale", "en");

        assertThat(run.exit()).as("exit status; stderr: " + run.err()).isZero();
        assertThat(run.out()).singleElement().asString()
                .startsWith("workspace ").contains(email).endsWith("can sign in now");
        CurrentUser owner = principal(email);
        assertThat(owner.role()).isEqualTo(Role.OWNER);
        assertThat(owner.displayName()).isEqualTo("Ana Souza");
        assertThat(passwordEncoder.matches(PASSWORD, owner.getPassword())).as("password from stdin").isTrue();
        WorkspaceSettings settings = workspaces.settings(owner.workspaceId());
        assertThat(settings.name()).isEqualTo("Harbour VA");
        assertThat(settings.baseCurrency()).isEqualTo("USD");
        assertThat(settings.timeZone()).isEqualTo("Europe/London");
        assertThat(run.out().get(0)).contains(settings.id().toString());
    }

    @Test
    void createTokenPrintsOnlyATokenThatWorksAgainstTheApi() throws Exception {
        String email = uniqueEmail("cli-owner");
        assertThat(admin(PASSWORD, "create-workspace", "--name", "Token VA", "--owner-email", email,
                "--password-stdin").exit()).isZero();
        CurrentUser owner = principal(email);
        clients.create(owner, clientInput("Thames Legal Partners", List.of()));

        Run run = admin(null, "create-token", "--email", email, "--name", "ci");

        assertThat(run.exit()).as("exit status; stderr: " + run.err()).isZero();
        assertThat(run.out()).as("standard output").hasSize(1);
        String token = run.out().get(0);
        assertThat(token).startsWith("cdt_").doesNotContainAnyWhitespaces();
        mvc.perform(get("/api/v1/clients").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].name").value("Thames Legal Partners"));
        assertThat(apiTokens.of(owner.id())).extracting(t -> t.name()).containsExactly("ci");
    }

    @Test
    void resetPasswordSetsThePasswordFromStandardInputAndEndsEverySessionOfThatPerson() throws Exception {
        String email = newWorkspace().created().ownerEmail();
        var signedIn = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("email", email).param("password", PASSWORD)).andReturn().getResponse();
        var browser = java.util.Arrays.stream(signedIn.getCookies())
                .filter(c -> c.getName().equals("SESSION") || c.getName().equals("CLIENTDESK_SESSION")).findFirst()
                .orElseThrow();
        assertThat(mvc.perform(get("/clients").cookie(browser)).andReturn().getResponse().getStatus()).isEqualTo(200);

        Run run = admin("a password set by the operator", "reset-password", "--email", email.toUpperCase(),
                "--password-stdin");

        assertThat(run.exit()).as("exit status; stderr: " + run.err()).isZero();
        assertThat(run.out()).singleElement().asString().contains("set");
        assertThat(passwordEncoder.matches("a password set by the operator", principal(email).getPassword())).isTrue();
        assertThat(mvc.perform(get("/clients").cookie(browser)).andReturn().getResponse().getRedirectedUrl())
                .as("the browser signed in before").endsWith("/login");
    }

    @Test
    void createTokenWithExpiresInDaysMakesATokenThatExpires() {
        String email = uniqueEmail("expiring");
        workspaces.create(new app.clientdesk.identity.NewWorkspace("Expiring VA", "Owner", email, PASSWORD, "BRL",
                "America/Sao_Paulo", "en"));
        java.time.Instant before = java.time.Instant.now();

        Run run = admin(null, "create-token", "--email", email, "--name", "zapier", "--expires-in-days", "90");

        assertThat(run.exit()).as("exit status; stderr: " + run.err()).isZero();
        assertThat(apiTokens.of(principal(email).id())).singleElement()
                .satisfies(t -> assertThat(t.expiresAt()).isBetween(before.plus(java.time.Duration.ofDays(90)),
                        java.time.Instant.now().plus(java.time.Duration.ofDays(90))));
        Run bad = admin(null, "create-token", "--email", email, "--name", "x", "--expires-in-days", "soon");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).anyMatch(line -> line.contains("--expires-in-days takes a whole number of days"));
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of("no command", null, new String[] {}, "usage: admin"),
                Arguments.of("unknown command", null, new String[] {"frobnicate"}, "unknown command 'frobnicate'"),
                Arguments.of("unknown option", PASSWORD, new String[] {"create-workspace", "--name", "X",
                        "--owner-email", "@EMAIL", "--password-stdin", "--colour", "red"},
                        "unknown option --colour for create-workspace"),
                Arguments.of("missing --name", PASSWORD, new String[] {"create-workspace", "--owner-email", "@EMAIL",
                        "--password-stdin"}, "missing --name"),
                Arguments.of("missing --password-stdin", null, new String[] {"create-workspace", "--name", "X",
                        "--owner-email", "@EMAIL"}, "--password-stdin is required"),
                Arguments.of("empty standard input", "", new String[] {"create-workspace", "--name", "X",
                        "--owner-email", "@EMAIL", "--password-stdin"}, "no password on standard input"),
                Arguments.of("bad currency", PASSWORD, new String[] {"create-workspace", "--name", "X",
                        "--owner-email", "@EMAIL", "--password-stdin", "--currency", "US$"},
                        "--currency: Choose a currency by its ISO 4217 code, such as USD, BRL or JPY."),
                Arguments.of("fixed offset as time zone", PASSWORD, new String[] {"create-workspace", "--name", "X",
                        "--owner-email", "@EMAIL", "--password-stdin", "--time-zone", "+03:00"},
                        "--time-zone: Choose a time zone by its IANA name"),
                Arguments.of("short password", "too short", new String[] {"create-workspace", "--name", "X",
                        "--owner-email", "@EMAIL", "--password-stdin"}, "password: Use at least 12 characters."),
                Arguments.of("unknown email for reset-password", PASSWORD, new String[] {"reset-password", "--email",
                        "@EMAIL", "--password-stdin"}, "no account with email"),
                Arguments.of("short password for reset-password", "too short", new String[] {"reset-password",
                        "--email", "@EMAIL", "--password-stdin"}, "password: Use at least 12 characters."),
                Arguments.of("unknown email for create-token", null, new String[] {"create-token", "--email",
                        "@EMAIL", "--name", "ci"}, "no account with email"),
                Arguments.of("number that is not one", null, new String[] {"generate", "--clients", "many"},
                        "--clients must be a whole number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void badArgumentsExitWithStatus2AndOneLineOnStandardErrorAndChangeNothing(String what, String stdin,
            String[] args, String message) {
        String email = uniqueEmail("never");
        String[] withEmail = Stream.of(args).map(a -> a.equals("@EMAIL") ? email : a).toArray(String[]::new);

        Run run = admin(stdin, withEmail);

        assertThat(run.exit()).as("exit status; stderr: " + run.err()).isEqualTo(2);
        assertThat(run.out()).as("standard output").isEmpty();
        assertThat(run.errorLine()).contains(message);
        if (List.of("no command", "unknown command", "unknown option").contains(what)) {
            assertThat(run.err()).as("refused before anything starts").hasSize(1);
        }
        assertThat(accounts.findByEmail(email)).as("an account was made").isEmpty();
    }

    @Test
    void theSameSeedGeneratesTheSameClients() throws SQLException {
        String first = freshDatabase();
        String second = freshDatabase();
        String other = freshDatabase();
        try {
            Run a = adminOn(first, null, "generate", "--clients", "5", "--users", "3", "--seed", "7",
                    "--owner-email", "bench-a@bench.clientdesk.test");
            Run b = adminOn(second, null, "generate", "--clients", "5", "--users", "3", "--seed", "7",
                    "--owner-email", "bench-b@bench.clientdesk.test");
            Run c = adminOn(other, null, "generate", "--clients", "5", "--users", "3", "--seed", "8",
                    "--owner-email", "bench-c@bench.clientdesk.test");

            assertThat(List.of(a, b, c)).allSatisfy(run -> {
                assertThat(run.exit()).as("exit status; stderr: " + run.err()).isZero();
                assertThat(run.out()).first().asString().startsWith("workspace ")
                        .contains("5 clients and 3 users (seed ");
            });
            List<String> clientsOfFirst = generatedClients(first);
            assertThat(clientsOfFirst).hasSize(5).doesNotHaveDuplicates();
            assertThat(generatedClients(second)).isEqualTo(clientsOfFirst);
            assertThat(generatedClients(other)).as("another seed").isNotEqualTo(clientsOfFirst);
            assertThat(count(first, "select count(*) from users where role <> 'CLIENT'")).isEqualTo(3);
            assertThat(count(first, "select count(*) from users where role = 'CLIENT'")).as("the portal contact")
                    .isEqualTo(1);
            assertThat(count(first, "select count(*) from client_members")).isPositive();
        } finally {
            for (String url : List.of(first, second, other)) {
                shutdown(url);
            }
        }
    }

    @Test
    void generateWithTasksBuildsTheSameAgencyWorkFromTheSameSeed() throws SQLException {
        String first = freshDatabase();
        String second = freshDatabase();
        try {
            Run a = adminOn(first, null, "generate", "--clients", "5", "--users", "3", "--tasks", "60",
                    "--projects", "3", "--seed", "7", "--owner-email", "work-a@bench.clientdesk.test");
            Run b = adminOn(second, null, "generate", "--clients", "5", "--users", "3", "--tasks", "60",
                    "--projects", "3", "--seed", "7", "--owner-email", "work-b@bench.clientdesk.test");

            assertThat(List.of(a, b)).allSatisfy(run -> {
                assertThat(run.exit()).as("exit status; stderr: " + run.err()).isZero();
                assertThat(run.out()).anySatisfy(line -> assertThat(line).startsWith("work: 3 projects, 60 tasks ("));
                assertThat(run.out()).anySatisfy(line -> assertThat(line).startsWith("busiest client: ")
                        .endsWith(" with 30 tasks"));
            });
            assertThat(count(first, "select count(*) from tasks")).isEqualTo(60);
            assertThat(count(first, "select count(*) from projects")).isEqualTo(3);
            assertThat(count(first, "select max(n) from (select count(*) as n from tasks group by client_id) x"))
                    .as("the busiest client's tasks").isEqualTo(30);
            assertThat(count(first, "select count(distinct stage_id) from tasks")).as("stages in use").isGreaterThan(3);
            assertThat(count(first, "select count(*) from tasks where completed_at is not null")).isPositive();
            assertThat(count(first, "select count(*) from tasks t where t.assignee_id is not null and not exists "
                    + "(select 1 from users u where u.id = t.assignee_id)")).isZero();
            assertThat(generatedTasks(second)).isEqualTo(generatedTasks(first)).hasSize(60);
        } finally {
            for (String url : List.of(first, second)) {
                shutdown(url);
            }
        }
    }

    @Test
    void generateWithTimeEntriesFillsWorkingDaysWithoutOverlapsAndPricesThem() throws SQLException {
        String url = freshDatabase();
        try {
            Run run = adminOn(url, null, "generate", "--clients", "6", "--users", "4", "--tasks", "40",
                    "--time-entries", "3000", "--seed", "7", "--owner-email", "time@bench.clientdesk.test");

            assertThat(run.exit()).as("exit status; stderr: " + run.err()).isZero();
            assertThat(run.out()).anySatisfy(line -> assertThat(line).startsWith("time: 3000 entries of "));
            assertThat(run.out()).anySatisfy(line -> assertThat(line).startsWith("busiest time client: "));
            assertThat(count(url, "select count(*) from time_entries")).isEqualTo(3000);
            assertThat(count(url, "select count(*) from time_entries a join time_entries b on a.user_id = b.user_id "
                    + "and a.id <> b.id and a.started_at < b.ended_at and b.started_at < a.ended_at"))
                    .as("overlapping entries of one person").isZero();
            assertThat(count(url, "select count(*) from time_entries where billable")).isBetween(2250L, 2550L);
            assertThat(count(url, "select count(*) from time_entries where rate_amount is null")).isZero();
            assertThat(count(url, "select count(*) from time_entries where task_id is not null")).isGreaterThan(1500);
            assertThat(count(url, "select count(*) from time_entries e join tasks t on t.id = e.task_id "
                    + "where t.client_id <> e.client_id")).as("entries on another client's task").isZero();
            assertThat(count(url, "select count(*) from time_entries e where e.user_id in (select user_id from "
                    + "client_members) and not exists (select 1 from client_members m where m.user_id = e.user_id "
                    + "and m.client_id = e.client_id)")).as("members' time on clients not theirs").isZero();
            assertThat(count(url, "select count(*) from time_entry_tags")).isPositive();
            assertThat(count(url, "select count(*) from time_entry_tags g join time_entries e on e.id = g.entry_id "
                    + "where g.user_id <> e.user_id")).as("tags naming another person than their entry's").isZero();
            assertThat(count(url, "select count(*) from time_client_settings")).isPositive();
            assertThat(count(url, "select min(duration_seconds) from time_entries")).isGreaterThanOrEqualTo(60);
        } finally {
            shutdown(url);
        }
    }

    @Test
    void generateWithMoreEntriesThanTwoYearsHoldReachesFurtherBackWithoutPackingTheDays() throws SQLException {
        String url = freshDatabase();
        try {
            // One person logging 40,000 entries: 77 a day in two years (refused before), 24 a day over six and a half.
            Run run = adminOn(url, null, "generate", "--clients", "3", "--users", "1", "--tasks", "30",
                    "--time-entries", "40000", "--seed", "9", "--owner-email", "history@bench.clientdesk.test");

            assertThat(run.exit()).as("exit status; stderr: " + run.err()).isZero();
            assertThat(run.out()).anySatisfy(line -> assertThat(line).startsWith("time: 40000 entries of 1 people"));
            assertThat(count(url, "select count(*) from time_entries")).isEqualTo(40000);
            assertThat(count(url, "select count(distinct cast(started_at as date)) from time_entries"))
                    .as("working days with entries").isBetween(1660L, 1680L);
            assertThat(count(url, "select max(c) from (select count(*) as c from time_entries "
                    + "group by user_id, cast(started_at as date)) x")).as("entries of the fullest day").isLessThanOrEqualTo(25);
            assertThat(count(url, "select datediff('DAY', min(started_at), max(started_at)) from time_entries"))
                    .as("days of history").isBetween(6L * 365, 7L * 365);
            assertThat(count(url, "select count(*) from (select started_at, lag(ended_at) over (partition by user_id "
                    + "order by started_at) as previous from time_entries) x where previous > started_at"))
                    .as("entries that start before the person's previous one ends").isZero();
            assertThat(count(url, "select count(*) from time_entries where rate_amount is null")).isZero();
            assertThat(count(url, "select min(duration_seconds) from time_entries")).isGreaterThanOrEqualTo(60);
        } finally {
            shutdown(url);
        }
    }

    @Test
    void generateWithInvoicesMakesGaplessNumberedInvoicesWhoseTotalsAreSumsOfTheirLines() throws SQLException {
        String url = freshDatabase();
        try {
            Run run = adminOn(url, null, "generate", "--clients", "6", "--users", "2", "--invoices", "800", "--seed",
                    "7", "--owner-email", "bills@bench.clientdesk.test");

            assertThat(run.exit()).as("exit status; stderr: " + run.err()).isZero();
            assertThat(run.out()).anySatisfy(line -> assertThat(line).startsWith("billing: 800 invoices ("));
            assertThat(count(url, "select count(*) from invoices")).isEqualTo(800);
            assertThat(count(url, "select count(*) from invoices i where i.total <> (select sum(l.gross) "
                    + "from invoice_lines l where l.invoice_id = i.id)")).as("totals that are not sums of lines").isZero();
            assertThat(count(url, "select count(*) from invoices where status = 'PAID' and amount_paid <> total"))
                    .isZero();
            assertThat(count(url, "select count(*) from invoices i where i.amount_paid <> coalesce((select sum(p.amount) "
                    + "from payments p where p.invoice_id = i.id), 0)")).as("paid amounts without their payments").isZero();
            assertThat(count(url, "select max(c) from (select count(*) as c from invoices where number is not null "
                    + "group by number) x")).as("a number given twice").isEqualTo(1);
            assertThat(count(url, "select sum(last_value) from invoice_counters"))
                    .as("counters continue after the last number").isEqualTo(count(url,
                            "select count(*) from invoices where number is not null"));
            assertThat(count(url, "select count(*) from invoices where status in ('ISSUED', 'PARTIALLY_PAID')"))
                    .isPositive();
        } finally {
            shutdown(url);
        }
    }

    @Test
    void generateWithRequestsMakesConversationsWithTheirClocksAndAPortalContactWhoSignsInWithThePassword()
            throws SQLException {
        String url = freshDatabase();
        try {
            Run run = adminOn(url, null, "generate", "--clients", "5", "--users", "2", "--requests", "400", "--seed",
                    "7", "--owner-email", "asks@bench.clientdesk.test");

            assertThat(run.exit()).as("exit status; stderr: " + run.err()).isZero();
            assertThat(run.out()).anySatisfy(line -> assertThat(line).startsWith("requests: 400 ("));
            assertThat(run.out()).anySatisfy(line -> assertThat(line)
                    .startsWith("portal contact: contact1+7@bench.clientdesk.test of "));
            assertThat(count(url, "select count(*) from requests")).isEqualTo(400);
            assertThat(count(url, "select count(*) from request_attachments")).isZero();
            assertThat(count(url, "select min(c) from (select count(*) as c from request_messages group by request_id) x"))
                    .isEqualTo(1);
            assertThat(count(url, "select max(c) from (select count(*) as c from request_messages group by request_id) x"))
                    .isBetween(2L, 6L);
            assertThat(count(url, "select count(distinct source) from requests")).isEqualTo(3);
            assertThat(count(url, "select count(distinct state) from requests")).isEqualTo(3);
            assertThat(count(url, "select last_value from request_counters")).as("the next number continues")
                    .isEqualTo(400);
            assertThat(count(url, "select count(distinct number) from requests")).isEqualTo(400);
            // The clock as the app keeps it: a due time exactly where the client has a commitment, after receipt;
            // waiting on the client pauses it (unless already met); a first answer never before the request.
            assertThat(count(url, "select count(*) from requests r join clients c on c.id = r.client_id where "
                    + "(c.response_time_hours is null) <> (r.first_response_due_at is null)")).isZero();
            assertThat(count(url, "select count(*) from requests where (sla_state is null) <> "
                    + "(first_response_due_at is null)")).isZero();
            assertThat(count(url, "select count(*) from requests where first_response_due_at <= created_at "
                    + "or first_response_at < created_at or last_message_at < created_at")).isZero();
            // (A pause that began after the due time leaves it breached, as in the app.)
            assertThat(count(url, "select count(*) from requests where state = 'WAITING_ON_CLIENT' and sla_state "
                    + "in ('ON_TRACK', 'AT_RISK')")).isZero();
            assertThat(count(url, "select count(*) from requests where sla_state = 'MET'")).isPositive();
            assertThat(count(url, "select count(*) from requests r where state = 'WAITING_ON_CLIENT' and not exists "
                    + "(select 1 from request_pauses p where p.request_id = r.id and p.paused_until is null)"))
                    .isZero();
            assertThat(count(url, "select count(*) from requests where state = 'OPEN' and sla_state = 'PAUSED'"))
                    .isZero();
            // The portal contact: a client account of the first client with access and a password set.
            assertThat(count(url, "select count(*) from users u join portal_access a on a.user_id = u.id where "
                    + "u.email = 'contact1+7@bench.clientdesk.test' and u.role = 'CLIENT' and a.revoked_at is null "
                    + "and a.password_set_at is not null and a.client_id = u.client_id")).isEqualTo(1);
        } finally {
            shutdown(url);
        }
    }

    @Test
    void generatingTheSameSeedTwiceInOneDatabaseSaysSoAndLeavesNothingHalfMade() {
        String seed = Integer.toString(1000 + (int) (Math.random() * 1_000_000));
        String firstOwner = uniqueEmail("bench-first");
        String secondOwner = uniqueEmail("bench-second");
        assertThat(admin(null, "generate", "--clients", "2", "--users", "2", "--seed", seed, "--owner-email",
                firstOwner).exit()).isZero();

        Run again = admin(null, "generate", "--clients", "2", "--users", "2", "--seed", seed, "--owner-email",
                secondOwner);

        assertThat(again.exit()).as("exit status; stderr: " + again.err()).isEqualTo(2);
        assertThat(again.errorLine()).contains("seed " + seed).contains("--seed");
        assertThat(accounts.findByEmail(secondOwner)).as("half-made workspace").isEmpty();
    }

    // --- running the command line ---------------------------------------------------------------------------

    /** Runs {@code admin args...} on this test's database. */
    private Run admin(String stdin, String... args) {
        Map<String, String> database = new LinkedHashMap<>();
        for (String name : DATABASE_PROPERTIES) {
            String value = environment.getProperty(name);
            if (value != null) {
                database.put(name, value);
            }
        }
        return run(database, stdin, args);
    }

    /** Runs {@code admin args...} on the in-memory H2 database at {@code url}. */
    private static Run adminOn(String url, String stdin, String... args) {
        return run(Map.of("spring.datasource.url", url, "spring.datasource.username", "sa",
                "spring.datasource.password", ""), stdin, args);
    }

    private static synchronized Run run(Map<String, String> database, String stdin, String... args) {
        Map<String, String> properties = new LinkedHashMap<>(database);
        properties.put("context.initializer.classes", ProductionBeansOnly.class.getName());
        Map<String, String> previous = new LinkedHashMap<>();
        properties.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
        PrintStream out = System.out;
        PrintStream err = System.err;
        InputStream in = System.in;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream((stdin == null ? "" : stdin + "\n").getBytes(StandardCharsets.UTF_8)));
            String[] command = Stream.concat(Stream.of("admin"), Stream.of(args)).toArray(String[]::new);
            int exit = AdminCli.run(ClientdeskApplication.class, command);
            return new Run(exit, lines(stdout), lines(stderr));
        } finally {
            System.setOut(out);
            System.setErr(err);
            System.setIn(in);
            previous.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
            err.print(stderr.toString(StandardCharsets.UTF_8));
        }
    }

    private static List<String> lines(ByteArrayOutputStream stream) {
        String text = stream.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
    }

    // --- looking into a generated database ------------------------------------------------------------------

    private static String freshDatabase() {
        return "jdbc:h2:mem:admin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** Name, zone, currency, status and contacts of every client, in name order. */
    private static List<String> generatedClients(String url) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url, "sa", "");
             Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("""
                     select c.name, c.time_zone, c.currency, c.status, c.response_time_hours,
                            (select count(*) from client_contacts k where k.client_id = c.id) as contacts
                     from clients c order by c.name""")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3) + " | " + rs.getString(4)
                        + " | " + rs.getInt(5) + "h | " + rs.getInt(6) + " contacts");
            }
        }
        return rows;
    }

    /** What a person sees of every task, without ids, in a stable order. */
    private static List<String> generatedTasks(String url) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url, "sa", "");
             Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("""
                     select c.name, t.title, t.due_date, s.name, t.position, t.urgent, t.important, t.task_type,
                            t.estimate_minutes, u.email
                     from tasks t join clients c on c.id = t.client_id join workflow_stages s on s.id = t.stage_id
                     left join users u on u.id = t.assignee_id
                     order by s.name, s.position, t.position""")) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= 10; i++) {
                    row.append(rs.getString(i)).append(" | ");
                }
                rows.add(row.toString().replaceAll("work-[ab]@", "owner@"));
            }
        }
        return rows;
    }

    private static long count(String url, String query) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, "sa", "");
             Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void shutdown(String url) {
        try (Connection db = DriverManager.getConnection(url, "sa", "");
             Statement sql = db.createStatement()) {
            sql.execute("shutdown");
        } catch (SQLException e) {
            // already gone
        }
    }

    /**
     * Keeps test-only configuration (such as the one that cleans the PostgreSQL schema) out of the command
     * line's context, so it starts with the beans the real jar has.
     */
    public static final class ProductionBeansOnly
            implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getBeanFactory().registerSingleton("excludeTestClasses", new ExcludeTestClasses());
        }
    }

    static final class ExcludeTestClasses extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURI().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ExcludeTestClasses;
        }

        @Override
        public int hashCode() {
            return ExcludeTestClasses.class.hashCode();
        }
    }
}
