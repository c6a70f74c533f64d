package app.clientdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.clients.ClientId;
import app.clientdesk.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a client generator reads is what the API answers: every JSON GET operation of /api/v1/openapi.json is
 * called on a workspace holding one of everything, and its answer validated against the operation's schema.
 * The description is also saved to target/openapi.json for the linters (README, "API").
 */
class OpenApiContractIT extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    TestWorkspace ws;
    String token;
    final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeEach
    void oneOfEverything() throws Exception {
        clock.set(Instant.parse("2026-11-20T15:00:00Z"));
        ws = newWorkspace();
        token = tokenFor(ws.owner());
        ClientId acme = createClient(ws, "Acme Ltd");
        ids.put("clientId", acme.value().toString());
        ids.put("projectId", create("/api/v1/projects", """
                {"clientId": "%s", "name": "Website", "budgetHours": 10, "budgetAmount": "500.00"}"""
                .formatted(acme.value())));
        ids.put("taskId", create("/api/v1/tasks", """
                {"clientId": "%s", "title": "Inbox zero", "dueDate": "2026-11-25", "dueTime": "10:00",
                 "recurrence": {"frequency": "WEEKLY", "weekdays": ["MONDAY"]}}""".formatted(acme.value())));
        create("/api/v1/tasks/" + ids.get("taskId") + "/checklist", "{\"text\": \"Archive\"}");
        create("/api/v1/tasks/" + ids.get("taskId") + "/comments", "{\"body\": \"Done *soon*\"}");
        create("/api/v1/tasks", "{\"clientId\": \"%s\", \"title\": \"Bare\"}".formatted(acme.value()));
        ids.put("entryId", create("/api/v1/time-entries", """
                {"clientId": "%s", "start": "2026-11-19T09:00:00Z", "end": "2026-11-19T10:30:00Z", "note": "Calls"}"""
                .formatted(acme.value())));
        ids.put("expenseId", create("/api/v1/expenses", """
                {"clientId": "%s", "spentOn": "2026-11-20", "description": "Domain", "amount": "12.50"}"""
                .formatted(acme.value())));
        ids.put("serviceId", create("/api/v1/services", """
                {"name": "Inbox care", "model": "RETAINER", "includedHours": "12:30",
                 "prices": [{"currency": "GBP", "amount": "750.00", "overageRate": "60"}]}"""));
        ids.put("invoiceId", create("/api/v1/invoices", """
                {"clientId": "%s", "lines": [{"description": "Inbox", "quantity": "2", "unitPrice": "40.10",
                  "taxName": "VAT", "taxRate": 20}]}""".formatted(acme.value())));
        call(post("/api/v1/invoices/" + ids.get("invoiceId") + "/issue"), null);
        create("/api/v1/invoices/" + ids.get("invoiceId") + "/payments", "{\"amount\": \"20.00\", \"fee\": \"1.00\"}");
        create("/api/v1/invoices", "{\"clientId\": \"%s\"}".formatted(acme.value()));
        ids.put("blockId", create("/api/v1/time-blocks", """
                {"clientId": "%s", "start": "2026-11-19T11:00:00Z", "end": "2026-11-19T12:00:00Z", "zone": "Europe/London",
                 "outsideHours": true}"""
                .formatted(ids.get("clientId"))));
        ids.put("meetingId", create("/api/v1/meetings", """
                {"title": "Weekly", "clientId": "%s", "start": "2026-11-23T10:00:00Z", "end": "2026-11-23T10:30:00Z",
                 "zone": "Europe/London", "weeks": 4, "videoUrl": "https://meet.example/acme",
                 "contactIds": ["%s"]}""".formatted(acme.value(), clients.get(ws.owner(), acme).contacts().get(0).id())));
        ids.put("requestId", create("/api/v1/requests", """
                {"clientId": "%s", "subject": "Book flights", "body": "To Lisbon", "desiredDate": "2026-12-20"}"""
                .formatted(acme.value())));
        create("/api/v1/requests/" + ids.get("requestId") + "/messages", "{\"body\": \"Internal\", \"visibleToClient\": false}");
        assertThat(call(post("/api/v1/requests/" + ids.get("requestId") + "/convert"), "{}").getStatus()).isEqualTo(201);
        create("/api/v1/timer/start", "{\"clientId\": \"%s\", \"note\": \"Now\"}".formatted(acme.value()));
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String body) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private String create(String path, String body) throws Exception {
        MockHttpServletResponse response = call(post(path), body);
        assertThat(response.getStatus()).as(path + " " + response.getContentAsString()).isEqualTo(201);
        String json = response.getContentAsString();
        return json.contains("\"id\"") && !json.startsWith("[") ? JsonPath.read(json, "$.id") : "";
    }

    @Test
    void everyGetOperationAnswersWhatItsSchemaSays() throws Exception {
        String description = call(get("/api/v1/openapi.json"), null).getContentAsString();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), description);
        JsonNode api = JSON.readTree(description);
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

        List<String> compared = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            JsonNode operation = path.getValue().get("get");
            if (operation == null) {
                continue;
            }
            JsonNode content = operation.path("responses").path("200").path("content");
            JsonNode schema = content.path("application/json").get("schema");
            if (schema == null) {
                continue; // a PDF or another file
            }
            String url = resolve(path.getKey());
            MockHttpServletResponse response = call(get(url), null);
            assertThat(response.getStatus()).as(url + " " + response.getContentAsString()).isEqualTo(200);
            ObjectNode document = JSON.createObjectNode();
            document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            document.set("components", api.get("components"));
            document.putArray("allOf").add(schema);
            Schema validator = registry.getSchema(document.toString());
            List<Error> errors = validator.validate(JSON.readTree(response.getContentAsString()));
            compared.add(path.getKey());
            errors.forEach(e -> mismatches.add("GET " + path.getKey() + ": " + e));
        }
        assertThat(compared).as("GET operations compared with a live answer").hasSizeGreaterThanOrEqualTo(14);
        assertThat(mismatches).as("answers that do not match the description").isEmpty();
        namesAreDistinctAndSaySomething(api);
    }

    /** (Part of the test above: one workspace of everything is slow to make.) */
    private void namesAreDistinctAndSaySomething(JsonNode api) {
        assertThat(api.get("components").get("schemas").propertyNames())
                .contains("ClientJson", "TaskJson", "ProjectJson", "ExpenseJson", "ServiceJson", "InvoiceJson",
                        "ClientRequest", "TaskRequest", "ProjectRequest", "Problem")
                .doesNotContain("Full", "Request", "Page", "Summary", "JsonNode");
        JsonNode unitPrice = api.at("/components/schemas/LineJson/properties/unitPrice");
        assertThat(unitPrice.path("pattern").asString()).isNotEmpty();
        assertThat(unitPrice.path("description").asString()).contains("exact");
        assertThat(api.at("/components/schemas/ClientJson/required").toString()).contains("\"id\"", "\"name\"");
        JsonNode create = api.at("/paths/~1api~1v1~1clients/post/responses");
        assertThat(create.has("201")).isTrue();
        assertThat(create.at("/422/content").has("application/problem+json")).isTrue();
        assertThat(api.at("/paths/~1api~1v1~1clients~1{clientId}/delete/responses").has("204")).isTrue();
        assertThat(api.at("/paths/~1api~1v1~1invoices~1{invoiceId}~1send/post/responses").has("202")).isTrue();
        assertThat(api.at("/paths/~1api~1v1~1services/post/requestBody/content/application~1json/schema/$ref")
                .asString()).endsWith("/ServiceRequest");
    }

    private String resolve(String template) {
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(template);
        StringBuilder url = new StringBuilder();
        while (m.find()) {
            String id = ids.get(m.group(1));
            assertThat(id).as("an id for " + m.group(1)).isNotNull();
            m.appendReplacement(url, id);
        }
        m.appendTail(url);
        return url.toString();
    }
}
