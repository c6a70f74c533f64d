package app.clientdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import app.clientdesk.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API description as client generators and linters read it: {@code @stoplight/spectral-cli} with the
 * repository's {@code .spectral.yaml} (spectral:oas plus a 4xx on every operation) and {@code @redocly/cli lint}
 * with {@code redocly.yaml} report no error and no warning about responses. The linters run with npx from a cache
 * under target/ (the npm registry is needed once); without node and npm the lint is skipped and says so
 * ({@code .ci/run} installs them). The description's promises to a generator are checked here too: typed bodies,
 * required fields (optional on PATCH), enums, the expired token's 401 and the daily mail limit's 422.
 */
class OpenApiLintIT extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SPECTRAL = "@stoplight/spectral-cli@6.16.3";
    /** 1.x runs on the Node 18 of Debian's packages as well as on newer ones (2.x needs 20.19 or 22). */
    static final String REDOCLY = "@redocly/cli@1.34.20";
    static final Path DIR = Path.of("target", "openapi-lint");

    static String npx;
    static String missing;

    @BeforeAll
    static void findNode() {
        npx = System.getProperty("os.name").toLowerCase().contains("win") ? "npx.cmd" : "npx";
        try {
            Run node = run(List.of("node", "--version"), Duration.ofSeconds(30));
            Run npm = run(List.of(npx, "--version"), Duration.ofSeconds(60));
            missing = node.status == 0 && npm.status == 0 ? null
                    : "node or npx answered " + node.status + "/" + npm.status;
        } catch (IOException e) {
            missing = "node or npx is not on the PATH (" + e.getMessage() + ")";
        }
    }

    private JsonNode description() throws Exception {
        String json = mvc.perform(get("/api/v1/openapi.json").accept(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(newWorkspace().owner())))
                .andReturn().getResponse().getContentAsString();
        Files.createDirectories(DIR);
        Files.writeString(DIR.resolve("openapi.json"), json);
        return JSON.readTree(json);
    }

    @Test
    void spectralAndRedoclyFindNoErrorAndNoMissingErrorResponse() throws Exception {
        description();
        if (missing != null) {
            String reason = "API lint skipped: " + missing + ". Install nodejs and npm (apt-get install nodejs npm) "
                    + "to run spectral and redocly on the API description.";
            System.err.println("[WARNING] " + reason);
            Assumptions.assumeTrue(false, reason);
        }
        Path cache = DIR.resolve("npm-cache").toAbsolutePath();
        Path file = DIR.resolve("openapi.json").toAbsolutePath();
        List<String> findings = new ArrayList<>();

        Path spectralOut = DIR.resolve("spectral.json").toAbsolutePath();
        Files.deleteIfExists(spectralOut);
        Run spectral = run(List.of(npx, "--yes", "--cache", cache.toString(), "--package", SPECTRAL, "--",
                "spectral", "lint", file.toString(), "--ruleset", Path.of(".spectral.yaml").toAbsolutePath().toString(),
                "--format", "json", "--output", spectralOut.toString(), "--fail-severity", "error"),
                Duration.ofMinutes(10));
        assertThat(Files.exists(spectralOut)).as("spectral ran: " + spectral.output).isTrue();
        for (JsonNode result : JSON.readTree(Files.readString(spectralOut))) {
            int severity = result.path("severity").asInt();
            String code = result.path("code").asString();
            if (severity == 0 || severity == 1 && code.contains("response")) {
                findings.add("spectral " + (severity == 0 ? "error " : "warning ") + code + " at "
                        + result.path("path") + ": " + result.path("message").asString());
            }
        }

        Run redocly = run(List.of(npx, "--yes", "--cache", cache.toString(), "--package", REDOCLY, "--",
                "redocly", "lint", file.toString(), "--config", Path.of("redocly.yaml").toAbsolutePath().toString(),
                "--format", "json"), Duration.ofMinutes(10));
        String out = redocly.output;
        int start = out.indexOf("{\n");
        assertThat(start).as("redocly ran: " + out).isGreaterThanOrEqualTo(0);
        JsonNode report = JSON.readTree(out.substring(start, out.lastIndexOf('}') + 1));
        for (JsonNode problem : report.path("problems")) {
            String severity = problem.path("severity").asString();
            String rule = problem.path("ruleId").asString();
            if ("error".equals(severity) || rule.contains("response")) {
                findings.add("redocly " + severity + " " + rule + " at " + problem.path("location") + ": "
                        + problem.path("message").asString());
            }
        }
        assertThat(report.path("totals").path("errors").asInt()).as("redocly errors: " + findings).isZero();
        assertThat(findings).as("lint findings in target/openapi-lint/openapi.json").isEmpty();
    }

    @Test
    void bodiesAreTypedWithRequiredFieldsEnumsAndTheErrorsAClientMeets() throws Exception {
        JsonNode api = description();
        JsonNode schemas = api.at("/components/schemas");
        for (String body : List.of("InvoiceRequest", "ServiceRequest", "ExpenseRequest", "TimeEntryRequest",
                "PaymentRequest")) {
            assertThat(schemas.path(body).path("properties").isObject()).as(body).isTrue();
        }
        assertThat(schemas.at("/ExpenseRequest/required").toString())
                .contains("\"clientId\"", "\"spentOn\"", "\"description\"", "\"amount\"");
        assertThat(schemas.at("/TimeEntryRequest/required").toString()).contains("\"start\"", "\"end\"");
        assertThat(schemas.at("/ServiceRequest/required").toString()).contains("\"name\"", "\"model\"", "\"prices\"");
        assertThat(schemas.at("/InvoiceRequest/required").toString()).contains("\"clientId\"");
        assertThat(schemas.at("/PaymentRequest/required").toString()).contains("\"amount\"");
        // A PATCH changes only what it sends: the same fields, none required.
        for (String[] change : new String[][] {{"/api/v1/expenses/{expenseId}", "ExpenseChange"},
                {"/api/v1/time-entries/{entryId}", "TimeEntryChange"}, {"/api/v1/services/{serviceId}", "ServiceChange"},
                {"/api/v1/invoices/{invoiceId}", "InvoiceChange"}}) {
            JsonNode body = api.path("paths").path(change[0]).path("patch").path("requestBody").path("content")
                    .path("application/json").path("schema");
            assertThat(body.path("$ref").asString()).as(change[0]).endsWith("/" + change[1]);
            assertThat(schemas.path(change[1]).has("required")).as(change[1]).isFalse();
            assertThat(schemas.path(change[1]).path("properties").has("clientId")
                    || schemas.path(change[1]).path("properties").has("name")).as(change[1]).isTrue();
        }
        assertThat(schemas.at("/InvoiceJson/properties/status/enum").toString()).contains("\"PARTIALLY_PAID\"");
        assertThat(schemas.at("/PaymentRequest/properties/method/enum").toString()).contains("\"WISE\"");
        assertThat(schemas.at("/LineJson/properties/unit/enum").toString()).contains("\"HOURS\"");
        assertThat(schemas.at("/ExpenseRequest/properties/amount/pattern").asString()).isNotEmpty();
        assertThat(schemas.at("/ExpenseRequest/properties/amount/description").asString()).contains("exact");
        assertThat(schemas.at("/ExpenseRequest/properties/spentOn/example").asString()).isEqualTo("2026-11-20");

        JsonNode send = api.at("/paths/~1api~1v1~1invoices~1{invoiceId}~1send/post/responses");
        assertThat(send.at("/422/description").asString()).contains("24 hours");
        assertThat(send.at("/422/content/application~1problem+json/examples/dailyLimit/value/errors/0/field")
                .asString()).isEqualTo("to");
        assertThat(api.at("/paths/~1api~1v1~1invoices~1{invoiceId}~1send/post").has("x-queues-mail")).isFalse();
        JsonNode unauthorized = api.at("/paths/~1api~1v1~1clients/get/responses/401");
        assertThat(unauthorized.at("/content/application~1problem+json/examples/expired/value/title").asString())
                .isEqualTo("Token expired");
        assertThat(unauthorized.at("/content/application~1problem+json/schema/$ref").asString()).endsWith("/Problem");
    }

    @Test
    void everyEnumOfTheDescriptionHoldsTheValuesTheCodeHas() throws Exception {
        JsonNode schemas = description().at("/components/schemas");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("/InvoiceJson/properties/status", names(app.clientdesk.billing.InvoiceStatus.values()));
        expected.put("/SummaryJson/properties/status", names(app.clientdesk.billing.InvoiceStatus.values()));
        expected.put("/InvoiceJson/properties/kind", names(app.clientdesk.billing.InvoiceKind.values()));
        expected.put("/InvoiceJson/properties/taxMode", names(app.clientdesk.billing.InvoiceMath.TaxMode.values()));
        expected.put("/InvoiceRequest/properties/taxMode", names(app.clientdesk.billing.InvoiceMath.TaxMode.values()));
        expected.put("/LineJson/properties/kind", names(app.clientdesk.billing.LineKind.values()));
        expected.put("/PaymentJson/properties/method", app.clientdesk.billing.Payment.METHODS);
        expected.put("/PaymentRequest/properties/method", app.clientdesk.billing.Payment.METHODS);
        expected.put("/ServiceJson/properties/model", names(app.clientdesk.billing.ServiceModel.values()));
        expected.put("/ServiceRequest/properties/model", names(app.clientdesk.billing.ServiceModel.values()));
        expected.put("/ClientJson/properties/status", names(app.clientdesk.clients.ClientStatus.values()));
        expected.put("/ClientSummaryJson/properties/status", names(app.clientdesk.clients.ClientStatus.values()));
        expected.put("/ProjectJson/properties/status", names(app.clientdesk.work.ProjectStatus.values()));
        expected.put("/TaskJson/properties/quadrant", names(app.clientdesk.work.Quadrant.values()));
        expected.put("/TaskJson/properties/stageKind", names(app.clientdesk.work.StageKind.values()));
        expected.put("/RecurrenceJson/properties/frequency", names(app.clientdesk.work.Recurrence.Frequency.values()));
        expected.put("/RequestJson/properties/state", names(app.clientdesk.requests.RequestState.values()));
        expected.put("/RequestJson/properties/source", names(app.clientdesk.requests.RequestSource.values()));
        expected.put("/RequestJson/properties/slaState", names(app.clientdesk.sla.SlaState.values()));
        expected.put("/RequestSummaryJson/properties/slaState", names(app.clientdesk.sla.SlaState.values()));
        expected.put("/RequestAuthorJson/properties/kind", names(app.clientdesk.requests.AuthorKind.values()));
        expected.forEach((pointer, values) -> {
            List<String> described = new ArrayList<>();
            // A nullable field's enum lists null too (JSON Schema needs it); the code's values are the rest.
            schemas.at(pointer + "/enum").forEach(v -> {
                if (!v.isNull()) {
                    described.add(v.asString());
                }
            });
            assertThat(described).as(pointer).containsExactlyInAnyOrderElementsOf(values);
        });
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    record Run(int status, String output) {
    }

    private static Run run(List<String> command, Duration limit) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("NO_COLOR", "1");
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Path log = Files.createTempFile("openapi-lint", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        try {
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Run(-1, "timed out after " + limit + ": " + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(-1, "interrupted");
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
