package app.clientdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;

import app.clientdesk.billing.DraftInput;
import app.clientdesk.billing.ExpenseInput;
import app.clientdesk.billing.Invoice;
import app.clientdesk.billing.InvoiceId;
import app.clientdesk.billing.RetainerInput;
import app.clientdesk.billing.ServiceInput;
import app.clientdesk.billing.TimeSelection;
import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.PublicRoute;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.time.RateInput;
import app.clientdesk.time.TimeEntryInput;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.ProjectInput;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A member sees durations, never the business's money: every GET route Spring MVC serves (found from the
 * handler mapping, so a new route is swept the day it is written) is called as a member of a workspace with
 * rates, priced entries, a project budget, an expense, a retainer, a service and an issued invoice holding
 * the member's own time, bare and with every query parameter the handler declares, in HTML, JSON and CSV.
 * A response fails when it shows one of the seeded figures (in any of the ways the app writes numbers), a
 * currency sign, the invoice number, a JSON field about money, a CSV column about money, or a page text
 * that speaks of rates, amounts or invoices. The owner seeing the same markers proves they are the right ones.
 */
class MemberMoneySweepIT extends IntegrationTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::[^}]*)?}");
    /** JSON field names, split at capitals, that carry money: {@code rate}, {@code rateSource}, {@code budgetAmount}. */
    private static final Set<String> MONEY_WORDS = Set.of("rate", "rates", "amount", "amounts", "price", "prices",
            "fee", "fees", "invoice", "invoices", "revenue", "cost", "costs", "money", "paid", "balance");
    /** Words a page (English) or a CSV header uses for money. */
    private static final Pattern MONEY_TEXT = Pattern.compile(
            "(?iu)\\b(rate|rates|amount|amounts|invoice|invoices|invoiced|price|revenue|valor|valores|taxa|taxas"
                    + "|tarifa|tarifas|fatura|faturas|preço)\\b");
    /** Figures as the seeded values and their sums appear, to the cent. */
    private static final List<String> FIGURES = List.of("87.35", "64.20", "128.40", "96.30", "224.70", "1234.56",
            "4321.09", "43.21", "1357.90", "2468.13", "312.05");

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping;
    @Autowired app.clientdesk.work.Tasks tasks;
    @Autowired app.clientdesk.work.Projects projects;
    @Autowired app.clientdesk.work.Templates templates;
    @Autowired app.clientdesk.work.Attachments attachments;
    @Autowired app.clientdesk.time.TimeEntries timeEntries;
    @Autowired app.clientdesk.time.Rates rates;
    @Autowired app.clientdesk.time.TimeImports timeImports;
    @Autowired app.clientdesk.billing.Invoices invoices;
    @Autowired app.clientdesk.billing.Expenses expenses;
    @Autowired app.clientdesk.billing.Services services;
    @Autowired app.clientdesk.billing.Retainers retainers;
    @Autowired app.clientdesk.billing.RecurringInvoices recurringInvoices;
    @Autowired app.clientdesk.exchange.ExchangeRates exchangeRates;
    @Autowired app.clientdesk.requests.Requests requests;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired ObjectMapper json;

    private TestWorkspace a;
    private CurrentUser member;
    private String memberToken;
    private ClientId assigned;
    private UUID lockedEntry;
    private String invoiceNumber;
    private List<String> figures;
    private Map<String, String> ids;
    private Map<String, String> queryValues;

    @BeforeEach
    void aWorkspaceWithMoney() throws Exception {
        clock.set(Instant.parse("2026-12-03T15:00:00Z"));
        a = newWorkspace();
        member = addMember(a);
        memberToken = tokenFor(member);
        assigned = createClient(a, "Assigned Alpha", member.id());
        rates.set(a.owner(), new RateInput("CLIENT", assigned.value().toString(), "GBP", "87.35"));
        rates.set(a.owner(), new RateInput("MEMBER", member.id().value().toString(), "GBP", "64.20"));
        ProjectId project = projects.create(a.owner(), new ProjectInput(assigned.value().toString(), "Alpha project",
                "ACTIVE", null, null, "10", "4321.09", null));
        TaskId task = tasks.create(a.owner(), new TaskInput("Alpha task", "Some work", assigned.value().toString(),
                project.value().toString(), null, true, false, "2026-12-10", null, null, "30",
                member.id().value().toString(), "email", null, null, List.of(), null, null, List.of("First step")));
        UUID itemId = tasks.checklist(a.owner(), task).get(0).id();
        UUID attachmentId = attachments.add(a.owner(), task, "brief.pdf",
                new ByteArrayInputStream("%PDF-1.4 brief".getBytes(StandardCharsets.US_ASCII))).id();
        // The member's time: 2 h on the 1st (invoiced below) and 1.5 h on the 2nd, at their own 64.20 an hour.
        lockedEntry = timeEntries.create(member, TimeEntryInput.ofInstants(assigned.value().toString(),
                project.value().toString(), task.value().toString(), "2026-12-01T09:00:00Z", "2026-12-01T11:00:00Z",
                true, "Alpha work", List.of("alpha"))).id().value();
        UUID openEntry = timeEntries.create(member, TimeEntryInput.ofInstants(assigned.value().toString(),
                project.value().toString(), task.value().toString(), "2026-12-02T09:00:00Z", "2026-12-02T10:30:00Z",
                true, "More alpha work", List.of("alpha"))).id().value();
        // The owner's own hour on the same client, at the client's 87.35.
        timeEntries.create(a.owner(), TimeEntryInput.ofInstants(assigned.value().toString(), project.value().toString(),
                null, "2026-12-01T13:00:00Z", "2026-12-01T14:00:00Z", true, "Owner review", List.of()));
        UUID expenseId = expenses.create(a.owner(), new ExpenseInput(assigned.value().toString(),
                project.value().toString(), "2026-12-01", "Alpha fonts", "Software", "43.21", null, true), null).id();
        InvoiceId invoiceId = invoices.createDraft(a.owner(), new DraftInput(assigned.value().toString(), null, null,
                null, null, null, null, List.of(new DraftInput.LineInput(null, "Alpha setup", "1", null, "1234.56", null,
                        null, null)))).id();
        invoices.addTime(a.owner(), invoiceId, new TimeSelection(LocalDate.parse("2026-12-01"),
                LocalDate.parse("2026-12-01"), null, null, List.of(), TimeSelection.Grouping.ENTRY));
        Invoice issued = invoices.issue(a.owner(), invoiceId, null);
        invoiceNumber = issued.number();
        UUID serviceId = services.create(a.owner(), new ServiceInput("Alpha care", null, "Monthly report", "RETAINER",
                "10", null, null, List.of(new ServiceInput.Price("GBP", "2468.13", "60")))).id();
        UUID retainerId = retainers.create(a.owner(), new RetainerInput(assigned.value().toString(), "Alpha retainer",
                "1357.90", "20", "80.00", "true", "2", "1", null, null, "2030-01-01", null)).id();
        UUID recurringId = recurringInvoices.create(a.owner(), new app.clientdesk.billing.RecurringInput(
                assigned.value().toString(), "Alpha hosting", "1", "MONTH", "2030-01-01", null, null, null,
                List.of(new DraftInput.LineInput(null, "Hosting", "1", null, "25.00", null, null, null)))).id();
        exchangeRates.set(a.owner(), "2026-11-27", "EUR", "USD", "1.055");
        UUID importId;
        try (var csv = MemberMoneySweepIT.class.getResourceAsStream("/imports/toggl-detailed.csv")) {
            importId = timeImports.upload(a.owner(), "toggl-detailed.csv", csv, "Europe/London").id();
        }
        figures = new ArrayList<>(FIGURES);
        figures.add(issued.total().amount().toPlainString());

        ids = new LinkedHashMap<>();
        ids.put("clientId", assigned.value().toString());
        ids.put("projectId", project.value().toString());
        ids.put("taskId", task.value().toString());
        ids.put("itemId", itemId.toString());
        ids.put("attachmentId", attachmentId.toString());
        ids.put("entryId", lockedEntry.toString());
        ids.put("userId", member.id().value().toString());
        ids.put("workflowId", tasks.get(a.owner(), task).workflowId().value().toString());
        ids.put("templateId", templates.taskTemplates(a.owner()).get(0).id().toString());
        ids.put("projectTemplateId", templates.projectTemplates(a.owner()).get(0).id().toString());
        ids.put("invoiceId", invoiceId.value().toString());
        ids.put("expenseId", expenseId.toString());
        ids.put("serviceId", serviceId.toString());
        ids.put("retainerId", retainerId.toString());
        ids.put("recurringId", recurringId.toString());
        ids.put("importId", importId.toString());
        ids.put("rateId", jdbc.sql("select id from time_rates where workspace_id = :w and scope = 'CLIENT'")
                .param("w", a.id()).query(UUID.class).single().toString());
        // Owner-only areas: the member is refused before any lookup, so any well-formed value serves.
        // A request of the assigned client with a file: the request pages must not show money either.
        app.clientdesk.requests.RequestId requestId = requests.submitManually(a.owner(),
                new app.clientdesk.requests.ManualSubmission(assigned.value().toString(), "Alpha request",
                        "Alpha details", null, List.of(new app.clientdesk.requests.NewAttachment("alpha.pdf",
                                new java.io.ByteArrayInputStream("%PDF-1.4 alpha".getBytes(
                                        java.nio.charset.StandardCharsets.US_ASCII))))));
        ids.put("requestId", requestId.value().toString());
        ids.put("requestAttachmentId",
                requests.get(a.owner(), requestId).messages().get(0).attachments().get(0).id().toString());
        ids.put("intakeId", UUID.randomUUID().toString());
        ids.put("notificationId", UUID.randomUUID().toString());
        ids.put("contactId", UUID.randomUUID().toString());
        ids.put("messageId", UUID.randomUUID().toString());
        ids.put("mailAttachmentId", UUID.randomUUID().toString());
        ids.put("invitationId", UUID.randomUUID().toString());
        ids.put("tokenId", UUID.randomUUID().toString());
        ids.put("blockId", UUID.randomUUID().toString());
        ids.put("blockTemplateId", UUID.randomUUID().toString());
        ids.put("meetingId", UUID.randomUUID().toString());
        ids.put("pair", "EUR-USD");
        ids.put("day", "2026-11-27");
        ids.put("token", "no-such-invitation");

        // Values for query parameters, by the name a handler declares; a name not here is left out.
        queryValues = new LinkedHashMap<>();
        queryValues.put("from", "2026-11-01");
        queryValues.put("to", "2026-12-31");
        queryValues.put("range", "custom");
        queryValues.put("week", "2026-11-30");
        queryValues.put("date", "2026-12-01");
        queryValues.put("day", "2026-12-01");
        queryValues.put("client", assigned.value().toString());
        queryValues.put("clientId", assigned.value().toString());
        queryValues.put("project", project.value().toString());
        queryValues.put("projectId", project.value().toString());
        queryValues.put("task", task.value().toString());
        queryValues.put("taskId", task.value().toString());
        queryValues.put("user", member.id().value().toString());
        queryValues.put("userId", member.id().value().toString());
        queryValues.put("member", member.id().value().toString());
        queryValues.put("entryId", openEntry.toString());
        queryValues.put("group", "type");
        queryValues.put("then", "client");
        queryValues.put("view", "all");
        queryValues.put("status", "all");
    }

    @Test
    void theMarkersAreWhatTheOwnerSees() throws Exception {
        // Without this, a sweep whose markers never match anything would pass for ever.
        String entries = body(get("/time/entries?from=2026-11-01&to=2026-12-31").with(user(a.owner())));
        assertThat(leaks(entries, "text/html")).anyMatch(l -> l.contains("64.20"))
                .anyMatch(l -> l.contains(invoiceNumber));
        String api = body(get("/api/v1/time-entries").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(a.owner())));
        assertThat(leaks(api, "application/json")).anyMatch(l -> l.contains("field rate"));
        String csv = body(get("/time/reports/entries.csv?range=custom&from=2026-11-01&to=2026-12-31")
                .with(user(a.owner())));
        assertThat(leaks(csv, "text/csv")).anyMatch(l -> l.contains("128.40"))
                .anyMatch(l -> l.contains("CSV column"));
        String report = body(get("/time/reports?range=custom&from=2026-11-01&to=2026-12-31").with(user(a.owner())));
        assertThat(leaks(report, "text/html")).anyMatch(l -> l.contains("the figure 312.05"));
    }

    @Test
    void aMemberSeesNoMoneyOnAnyRoute() throws Exception {
        sweep(member);
    }

    @Test
    void aMemberReadingPortugueseSeesNoMoneyEither() throws Exception {
        // The same person with Portuguese screens: the money words and the decimal commas of that language.
        sweep(member.with(member.displayName(), Locale.forLanguageTag("pt-BR"), member.zone()));
    }

    private void sweep(CurrentUser member) throws Exception {
        List<Route> routes = routes();
        assertThat(routes).extracting(Route::toString).contains("GET /time", "GET /time/entries",
                "GET /time/reports", "GET /time/reports/entries.csv", "GET /api/v1/time-entries",
                "GET /api/v1/time-entries/{entryId}", "GET /clients/{clientId}", "GET /projects/{projectId}");
        List<String> holes = new ArrayList<>();
        Set<String> answered = new LinkedHashSet<>();
        for (Route route : routes) {
            String path = route.expand(ids);
            String query = route.query(queryValues);
            for (String url : query.isEmpty() ? List.of(path) : List.of(path, path + "?" + query)) {
                MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get(URI.create(url));
                if (route.isApi()) {
                    request.header(HttpHeaders.AUTHORIZATION, "Bearer " + memberToken).accept(MediaType.APPLICATION_JSON);
                } else {
                    request.with(user(member));
                }
                MockHttpServletResponse response;
                try {
                    response = mvc.perform(request).andReturn().getResponse();
                } catch (Exception e) {
                    holes.add("GET " + url + " → threw " + e);
                    continue;
                }
                if (response.getStatus() == 200) {
                    answered.add(route.toString());
                }
                String type = response.getContentType() == null ? "" : response.getContentType();
                for (String leak : leaks(response.getContentAsString(StandardCharsets.UTF_8), type)) {
                    holes.add("GET " + url + " → " + response.getStatus() + ": " + leak);
                }
            }
        }
        // The member did read the pages that show their time, so the sweep looked at real content.
        assertThat(answered).contains("GET /time", "GET /time/entries", "GET /time/reports",
                "GET /time/reports.csv", "GET /time/reports/entries.csv", "GET /api/v1/time-entries",
                "GET /api/v1/time-entries/{entryId}", "GET /clients/{clientId}", "GET /projects/{projectId}",
                "GET /tasks/{taskId}", "GET /time/entries/{entryId}/edit");
        assertThat(holes).as("money a member saw").isEmpty();
    }

    @Test
    void aMemberIsToldAnEntryIsLockedWithoutTheInvoice() throws Exception {
        MockHttpServletResponse api = mvc.perform(patch("/api/v1/time-entries/" + lockedEntry)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + memberToken).contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"changed\"}")).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(422);
        assertThat(leaks(api.getContentAsString(StandardCharsets.UTF_8), "application/problem+json")).isEmpty();
        assertThat(api.getContentAsString(StandardCharsets.UTF_8)).containsIgnoringCase("locked");

        MockHttpServletResponse form = mvc.perform(MockMvcRequestBuilders.post("/time/entries/" + lockedEntry)
                .with(user(member)).with(csrf()).param("clientId", assigned.value().toString())
                .param("date", "2026-12-01").param("startTime", "09:00").param("endTime", "11:30").param("zone", "UTC")
                .param("billable", "true"))
                .andReturn().getResponse();
        assertThat(form.getStatus()).isEqualTo(422);
        assertThat(leaks(form.getContentAsString(StandardCharsets.UTF_8), "text/html")).isEmpty();
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as("owner's %s", response.getContentType()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** What in this response shows money: empty when nothing does. */
    private List<String> leaks(String body, String contentType) {
        List<String> found = new ArrayList<>();
        for (String figure : figures) {
            for (String written : writings(new BigDecimal(figure))) {
                if (containsNumber(body, written)) {
                    found.add("the figure " + written + near(body, written));
                }
            }
        }
        if (invoiceNumber != null && body.contains(invoiceNumber)) {
            found.add("the invoice number " + invoiceNumber + near(body, invoiceNumber));
        }
        for (String sign : List.of("£", "R$")) {
            if (body.contains(sign)) {
                found.add("the currency sign " + sign + near(body, sign));
            }
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.contains("json") && !body.isBlank()) {
            moneyFields(json.readTree(body), "$", found);
        } else if (type.startsWith("text/csv")) {
            String header = body.lines().findFirst().orElse("");
            Matcher m = MONEY_TEXT.matcher(header);
            if (m.find()) {
                found.add("the CSV column \"" + m.group() + "\" in " + header);
            }
        } else if (type.startsWith("text/html")) {
            String text = Jsoup.parse(body).text();
            Matcher m = MONEY_TEXT.matcher(text);
            if (m.find()) {
                found.add("the word \"" + m.group() + "\"" + near(text, m.group()));
            }
        }
        return found;
    }

    private static void moneyFields(JsonNode node, String path, List<String> found) {
        if (node.isObject()) {
            for (var field : node.properties()) {
                String name = field.getKey();
                boolean money = java.util.Arrays.stream(name.split("(?=[A-Z])"))
                        .anyMatch(word -> MONEY_WORDS.contains(word.toLowerCase(Locale.ROOT)));
                if (money && !field.getValue().isNull()) {
                    found.add("the JSON field " + name + " at " + path);
                }
                moneyFields(field.getValue(), path + "." + name, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                moneyFields(node.get(i), path + "[" + i + "]", found);
            }
        }
    }

    /** The ways a page, a JSON answer or a CSV file may write this figure. */
    private static Set<String> writings(BigDecimal figure) {
        String plain = figure.setScale(2).toPlainString();
        Set<String> out = new LinkedHashSet<>();
        out.add(plain);
        out.add(plain.replace('.', ','));
        String stripped = figure.stripTrailingZeros().toPlainString();
        if (stripped.length() >= 4) {
            out.add(stripped);
            out.add(stripped.replace('.', ','));
        }
        if (figure.compareTo(BigDecimal.valueOf(1000)) >= 0) {
            String en = String.format(Locale.US, "%,.2f", figure);
            out.add(en);
            out.add(en.replace(',', ' ').replace('.', ',').replace(' ', '.'));
        }
        return out;
    }

    /** The figure as a whole number: 64.20 is found in "£64.20" and "64,20", not in "164.201". */
    private static boolean containsNumber(String body, String figure) {
        return Pattern.compile("(?<![0-9])(?<![0-9][.,])" + Pattern.quote(figure) + "(?![0-9])").matcher(body).find();
    }

    private static String near(String body, String what) {
        int at = body.indexOf(what);
        if (at < 0) {
            return "";
        }
        String around = body.substring(Math.max(0, at - 60), Math.min(body.length(), at + what.length() + 40));
        return " in «" + around.replaceAll("\\s+", " ") + "»";
    }

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (handler.getBeanType().getPackageName().startsWith("org.springdoc")) {
                continue;
            }
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PublicRoute.class)
                    || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PublicRoute.class)) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                routes.add(new Route(pattern, handler));
            }
        }
        routes.sort(Comparator.comparing(Route::pattern));
        return routes;
    }

    record Route(String pattern, HandlerMethod handler) {

        boolean isApi() {
            return pattern.startsWith("/api/");
        }

        String expand(Map<String, String> values) {
            Matcher m = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                if (value == null) {
                    fail("Route " + this + " has a path variable {" + m.group(1) + "} that MemberMoneySweepIT does "
                            + "not know: add a value of the seeded workspace for it in aWorkspaceWithMoney()");
                }
                m.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            m.appendTail(path);
            return path.toString();
        }

        /** Every query parameter the handler declares, directly or through a form record, with a seeded value. */
        String query(Map<String, String> values) {
            List<String> names = new ArrayList<>();
            for (Parameter p : handler.getMethod().getParameters()) {
                RequestParam param = p.getAnnotation(RequestParam.class);
                if (param != null) {
                    String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                            : p.getName();
                    names.add(name);
                } else if (p.getAnnotation(ModelAttribute.class) != null && p.getType().isRecord()) {
                    for (RecordComponent c : p.getType().getRecordComponents()) {
                        names.add(c.getName());
                    }
                }
            }
            return names.stream().filter(values::containsKey)
                    .map(n -> n + "=" + values.get(n)).reduce((x, y) -> x + "&" + y).orElse("");
        }

        @Override
        public String toString() {
            return "GET " + pattern;
        }
    }
}
