package app.clientdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.ApiTokens;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.security.RouteRequests.Route;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.ProjectInput;
import app.clientdesk.work.Projects;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import app.clientdesk.work.Templates;
import app.clientdesk.work.WorkflowId;
import app.clientdesk.work.Workflows;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.NameValueExpression;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every route the application serves, taken from Spring MVC itself (the actuator's included), tried by
 * the wrong people: a stranger, the owner and a member of another workspace, a member against a client
 * not assigned to them, a client contact, and a member on the owner's routes. Each route is called with
 * every method it answers plus HEAD and OPTIONS, with the headers that select it, and with the other
 * workspace's ids wherever the handler reads an id: in the path, in the query, in the form or in the
 * JSON body, the parameter names taken from the handler's signature and its form or body records. A
 * refusal must change nothing: the victim's rows stay as they were, and no row of the attacker's
 * workspace points at a victim's id. Which routes are the owner's comes from {@code @OwnerOnly}, the
 * mark the application itself enforces. A new controller is swept the day it is written; nobody has to
 * add it to a list. Each sweep collects all holes before failing, so one run shows them all.
 * See docs/SECURITY.md, "Who may call what: the route sweep".
 */
class RouteSweepIT extends IntegrationTest {

    /** Appears in every name of workspace A's data; another workspace must never see it. */
    private static final String A_MARK = "Alpha";
    /** Appears in every name of the data of A's client that A's member is not assigned to. */
    private static final String HIDDEN_MARK = "Zulu";
    private static final Set<Integer> REFUSED = Set.of(403, 404, 422);

    /** The ids of A's data that belong to a client, replaced by the unassigned client's for A's member. */
    private static final List<String> CLIENT_SCOPED = List.of("clientId", "projectId", "taskId", "itemId",
            "attachmentId", "entryId", "commentId", "requestId", "requestAttachmentId", "meetingId");

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired JsonMapper json;

    private TestWorkspace a;
    private CurrentUser member;
    private ClientId assigned;
    private ClientId unassigned;
    private ApiTokens.Issued ownerToken;
    private Map<String, String> aIds;
    /** A's ids with those of the assigned client replaced by the unassigned client's. */
    private Map<String, String> hiddenIds;
    private ProjectId projectId;
    private TaskId taskId;
    private List<Route> routes;
    @Autowired Tasks tasks;
    @Autowired Projects projects;
    @Autowired Templates templates;
    @Autowired Workflows workflows;
    @Autowired app.clientdesk.work.Attachments attachments;
    @Autowired app.clientdesk.time.TimeEntries timeEntries;
    @Autowired app.clientdesk.time.Rates rates;
    @Autowired app.clientdesk.time.TimeImports timeImports;
    @Autowired app.clientdesk.billing.Invoices invoices;
    @Autowired app.clientdesk.billing.Payments payments;
    @Autowired app.clientdesk.mail.Outbox outbox;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
    @Autowired app.clientdesk.billing.Expenses expenses;
    @Autowired app.clientdesk.billing.Services services;
    @Autowired app.clientdesk.billing.Retainers retainers;
    @Autowired app.clientdesk.billing.RecurringInvoices recurringInvoices;
    @Autowired app.clientdesk.exchange.ExchangeRates exchangeRates;
    @Autowired app.clientdesk.notifications.Notifications notifications;
    @Autowired app.clientdesk.requests.Requests requests;
    @Autowired app.clientdesk.planning.TimeBlocks timeBlocks;
    @Autowired app.clientdesk.planning.BlockTemplates blockTemplates;
    @Autowired app.clientdesk.planning.Meetings meetings;

    /** Workspace A: an owner, a member with one of A's two clients, a pending invitation, the owner's API token. */
    @BeforeEach
    void workspaceA() throws Exception {
        a = newWorkspace();
        member = addMember(a);
        assigned = createClient(a, "Assigned Alpha", member.id());
        unassigned = createClient(a, "Unassigned " + HIDDEN_MARK);
        String invitee = uniqueEmail("invitee");
        MvcResult invited = mvc.perform(post("/members/invitations").with(user(a.owner())).with(csrf())
                .param("displayName", "Invitee").param("email", invitee)).andReturn();
        String link = (String) invited.getFlashMap().get("invitationLink");
        assertThat(link).as("the owner's invitation link").isNotNull();
        String invitationToken = link.substring(link.lastIndexOf('/') + 1);
        UUID invitationId = jdbc.sql("select id from invitations where email = :email").param("email", invitee)
                .query(UUID.class).single();
        ownerToken = apiTokens.create(accounts.find(a.created().workspaceId(), a.owner().id()).orElseThrow(), "A");
        projectId = projects.create(a.owner(), new ProjectInput(assigned.value().toString(), "Alpha project", "ACTIVE",
                null, null, "10", null, null));
        taskId = tasks.create(a.owner(), new TaskInput("Alpha task", "Some *work*", assigned.value().toString(),
                projectId.value().toString(), null, true, false, "2026-12-01", null, null, "30", null, "email", null,
                null, List.of(), null, null, List.of("First step")));
        UUID itemId = tasks.checklist(a.owner(), taskId).get(0).id();
        UUID attachmentId = attachments.add(a.owner(), taskId, "brief.pdf",
                new java.io.ByteArrayInputStream("%PDF-1.4 brief".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .id();
        WorkflowId workflowId = tasks.get(a.owner(), taskId).workflowId();
        // The task waits for the client's approval, so the portal's approval routes have something to reach.
        tasks.move(a.owner(), taskId, workflows.get(a.created().workspaceId(), workflowId).stages().stream()
                .filter(s -> s.kind() == app.clientdesk.work.StageKind.CLIENT_APPROVAL).findFirst().orElseThrow().id(),
                null);
        UUID entryId = timeEntries.create(member, app.clientdesk.time.TimeEntryInput.ofInstants(
                assigned.value().toString(), null, taskId.value().toString(), "2026-12-01T09:00:00Z",
                "2026-12-01T10:00:00Z", true, "Alpha work", List.of("alpha"))).id().value();
        UUID rateId = rates.set(a.owner(), new app.clientdesk.time.RateInput("CLIENT", assigned.value().toString(),
                "GBP", "55")).id();
        UUID importId;
        try (var csv = RouteSweepIT.class.getResourceAsStream("/imports/toggl-detailed.csv")) {
            importId = timeImports.upload(a.owner(), "toggl-detailed.csv", csv, "Europe/London").id();
        }
        // An issued invoice of the assigned client, partly paid.
        app.clientdesk.billing.InvoiceId invoiceId = invoices.createDraft(a.owner(), new app.clientdesk.billing.DraftInput(
                assigned.value().toString(), null, null, null, null, null, null, List.of(
                        new app.clientdesk.billing.DraftInput.LineInput(null, "Alpha setup", "1", null, "100.00", null,
                                null, null)))).id();
        invoices.issue(a.owner(), invoiceId, null);
        payments.record(a.owner(), invoiceId, new app.clientdesk.billing.PaymentInput("10.00", null, null, null, "BANK",
                null, null, false), null);
        UUID messageId = new org.springframework.transaction.support.TransactionTemplate(transactions).execute(
                status -> outbox.enqueue(a.created().workspaceId(), new app.clientdesk.mail.OutgoingMail(
                        List.of("client@example.com"), null, "Invoice from A", "Hello", null,
                        List.of(new app.clientdesk.mail.MailAttachment("invoice.pdf", "application/pdf",
                                "%PDF-1.4 invoice".getBytes(java.nio.charset.StandardCharsets.US_ASCII))),
                        "invoice:" + UUID.randomUUID())));
        UUID mailAttachmentId = outbox.get(a.owner(), messageId).attachments().get(0).id();
        UUID expenseId = expenses.create(a.owner(), new app.clientdesk.billing.ExpenseInput(assigned.value().toString(),
                projectId.value().toString(), "2026-12-01", "Alpha fonts", "Software", "19.90", null, true),
                new app.clientdesk.billing.ExpenseReceiptUpload("fonts.pdf", new java.io.ByteArrayInputStream(
                        "%PDF-1.4 fonts".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))).id();
        UUID serviceId = services.create(a.owner(), new app.clientdesk.billing.ServiceInput("Alpha retainer", null,
                "Monthly report", "RETAINER", "10", null, null,
                List.of(new app.clientdesk.billing.ServiceInput.Price("GBP", "500", "60")))).id();
        UUID retainerId = retainers.create(a.owner(), new app.clientdesk.billing.RetainerInput(
                assigned.value().toString(), "Alpha retainer", "1000.00", "20", "80.00", "true", "2", "1", null, null,
                "2030-01-01", null)).id();
        UUID recurringId = recurringInvoices.create(a.owner(), new app.clientdesk.billing.RecurringInput(
                assigned.value().toString(), "Alpha hosting", "1", "MONTH", "2030-01-01", null, null, null,
                List.of(new app.clientdesk.billing.DraftInput.LineInput(null, "Hosting", "1", null, "25.00", null, null,
                        null)))).id();
        exchangeRates.set(a.owner(), "2026-11-27", "EUR", "USD", "1.055");
        tasks.comment(a.owner(), taskId, "Alpha comment");
        UUID commentId = tasks.comments(a.owner(), taskId).get(0).id();
        UUID stageId = workflows.get(a.created().workspaceId(), workflowId).stages().get(1).id().value();
        // A notification of A's owner: nobody else may read or mark it.
        UUID notificationId = notifications.notify(a.created().workspaceId(), a.owner().id(),
                app.clientdesk.notifications.Notice.of("request.atRisk", "notifications.request.atRisk",
                        "Alpha request", "Assigned Alpha", "soon").linkTo("/clients/" + assigned.value()))
                .orElseThrow();
        // A request of the assigned client with a file, and a second one to merge into.
        app.clientdesk.requests.RequestId requestId = requests.submitManually(a.owner(),
                new app.clientdesk.requests.ManualSubmission(assigned.value().toString(), "Alpha request",
                        "Alpha details", null, List.of(new app.clientdesk.requests.NewAttachment("alpha.pdf",
                                new java.io.ByteArrayInputStream("%PDF-1.4 alpha".getBytes(StandardCharsets.US_ASCII))))));
        requests.submitManually(a.owner(), new app.clientdesk.requests.ManualSubmission(
                assigned.value().toString(), "Alpha second request", "More", null, List.of()));
        UUID requestAttachmentId = requests.get(a.owner(), requestId).messages().get(0).attachments().get(0).id();
        // An email from an unknown sender waiting in A's review list (email intake).
        UUID intakeId = UUID.randomUUID();
        jdbc.sql("""
                insert into intake_messages (id, workspace_id, uid_validity, uid, message_id, state, attempts,
                    from_address, subject, preview, received_at, raw)
                values (:id, :w, 1, 1, '<alpha@sender.test>', 'REVIEW', 1, 'alpha@sender.test', 'Alpha mail',
                    'Alpha text', current_timestamp, :raw)
                """).param("id", intakeId).param("w", a.id()).param("raw", ("From: alpha@sender.test\r\n"
                + "Subject: Alpha mail\r\nMessage-ID: <alpha@sender.test>\r\n\r\nAlpha text\r\n")
                .getBytes(StandardCharsets.US_ASCII)).update();
        // A block of the member's week for the assigned client (issue 14's planner).
        UUID blockId = timeBlocks.create(member, new app.clientdesk.planning.BlockInput(null, "2026-12-01", "09:00",
                "10:00", null, null, "Europe/London", assigned.value().toString(), null, null, "Alpha block",
                true)).id();
        blockTemplates.add(member, accounts.find(a.created().workspaceId(), member.id()).orElseThrow(), "MONDAY",
                new app.clientdesk.planning.BlockInput(null, null, "09:00", "10:00", null, null, null,
                        assigned.value().toString(), null, null, "Alpha usual", true));
        UUID blockTemplateId = jdbc.sql("select id from block_templates where user_id = :u")
                .param("u", member.id().value()).query(UUID.class).single();
        // A meeting the member organizes with the assigned client and its contact (issue 14's meetings).
        UUID meetingId = meetings.create(member, new app.clientdesk.planning.MeetingInput("Alpha meeting", null, null,
                assigned.value().toString(), "2026-12-01T11:00:00Z", "2026-12-01T11:30:00Z", "Europe/London", "2",
                List.of(), List.of(clients.get(a.owner(), assigned).contacts().get(0).id().toString()))).id();
        aIds = Map.ofEntries(
                Map.entry("blockTemplateId", blockTemplateId.toString()),
                Map.entry("blockId", blockId.toString()),
                Map.entry("meetingId", meetingId.toString()),
                Map.entry("intakeId", intakeId.toString()),
                Map.entry("requestId", requestId.value().toString()),
                Map.entry("requestAttachmentId", requestAttachmentId.toString()),
                Map.entry("notificationId", notificationId.toString()),
                Map.entry("stageId", stageId.toString()),
                Map.entry("commentId", commentId.toString()),
                Map.entry("messageId", messageId.toString()),
                Map.entry("mailAttachmentId", mailAttachmentId.toString()),
                Map.entry("invoiceId", invoiceId.toString()),
                Map.entry("retainerId", retainerId.toString()),
                Map.entry("recurringId", recurringId.toString()),
                Map.entry("taskId", taskId.value().toString()),
                Map.entry("projectId", projectId.value().toString()),
                Map.entry("workflowId", workflowId.value().toString()),
                Map.entry("templateId", templates.taskTemplates(a.owner()).get(0).id().toString()),
                Map.entry("projectTemplateId", templates.projectTemplates(a.owner()).get(0).id().toString()),
                Map.entry("itemId", itemId.toString()),
                Map.entry("attachmentId", attachmentId.toString()),
                Map.entry("clientId", assigned.value().toString()),
                Map.entry("contactId", clients.get(a.owner(), assigned).contacts().get(0).id().toString()),
                Map.entry("userId", member.id().value().toString()),
                Map.entry("invitationId", invitationId.toString()),
                Map.entry("tokenId", ownerToken.id().toString()),
                Map.entry("entryId", entryId.toString()),
                Map.entry("rateId", rateId.toString()),
                Map.entry("importId", importId.toString()),
                Map.entry("expenseId", expenseId.toString()),
                Map.entry("serviceId", serviceId.toString()),
                Map.entry("pair", "EUR-USD"),
                Map.entry("day", "2026-11-27"),
                Map.entry("token", invitationToken));
        hiddenIds = hiddenWork();
        routes = routes();
    }

    /** The unassigned client's project, task (with a checklist item, a comment and an attachment) and time. */
    private Map<String, String> hiddenWork() {
        ProjectId project = projects.create(a.owner(), new ProjectInput(unassigned.value().toString(),
                HIDDEN_MARK + " project", "ACTIVE", null, null, "10", null, null));
        TaskId task = tasks.create(a.owner(), new TaskInput(HIDDEN_MARK + " task", "Hidden *work*",
                unassigned.value().toString(), project.value().toString(), null, true, false, "2026-12-02", null, null,
                "30", null, "email", null, null, List.of(), null, null, List.of(HIDDEN_MARK + " step")));
        tasks.comment(a.owner(), task, HIDDEN_MARK + " comment");
        UUID attachment = attachments.add(a.owner(), task, "zulu.pdf", new java.io.ByteArrayInputStream(
                "%PDF-1.4 zulu".getBytes(StandardCharsets.US_ASCII))).id();
        UUID entry = timeEntries.create(a.owner(), app.clientdesk.time.TimeEntryInput.ofInstants(
                unassigned.value().toString(), null, task.value().toString(), "2026-12-02T09:00:00Z",
                "2026-12-02T10:00:00Z", true, HIDDEN_MARK + " work", List.of("zulu"))).id().value();
        Map<String, String> ids = new LinkedHashMap<>(aIds);
        ids.put("clientId", unassigned.value().toString());
        ids.put("projectId", project.value().toString());
        ids.put("taskId", task.value().toString());
        ids.put("itemId", tasks.checklist(a.owner(), task).get(0).id().toString());
        ids.put("attachmentId", attachment.toString());
        ids.put("commentId", tasks.comments(a.owner(), task).get(0).id().toString());
        ids.put("entryId", entry.toString());
        blockTemplates.add(a.owner(), accounts.find(a.created().workspaceId(), a.owner().id()).orElseThrow(), "MONDAY",
                new app.clientdesk.planning.BlockInput(null, null, "09:00", "10:00", null, null, null,
                        unassigned.value().toString(), null, null, HIDDEN_MARK + " usual", true));
        ids.put("blockTemplateId", jdbc.sql("select id from block_templates where user_id = :u")
                .param("u", a.owner().id().value()).query(UUID.class).single().toString());
        ids.put("blockId", timeBlocks.create(a.owner(), new app.clientdesk.planning.BlockInput(null, "2026-12-02",
                "09:00", "10:00", null, null, "Europe/London", unassigned.value().toString(), null, null,
                HIDDEN_MARK + " block", true)).id().toString());
        ids.put("meetingId", meetings.create(a.owner(), new app.clientdesk.planning.MeetingInput(HIDDEN_MARK
                + " meeting", null, null, unassigned.value().toString(), "2026-12-02T11:00:00Z", "2026-12-02T11:30:00Z",
                "Europe/London", "1", List.of(),
                List.of(clients.get(a.owner(), unassigned).contacts().get(0).id().toString()))).id().toString());
        app.clientdesk.requests.RequestId request = requests.submitManually(a.owner(),
                new app.clientdesk.requests.ManualSubmission(unassigned.value().toString(), HIDDEN_MARK + " request",
                        HIDDEN_MARK + " details", null, List.of(new app.clientdesk.requests.NewAttachment("zulu.pdf",
                                new java.io.ByteArrayInputStream("%PDF-1.4 zulu".getBytes(StandardCharsets.US_ASCII))))));
        ids.put("requestId", request.value().toString());
        ids.put("requestAttachmentId",
                requests.get(a.owner(), request).messages().get(0).attachments().get(0).id().toString());
        return ids;
    }

    @Test
    void theSweepSeesTheApplicationsRoutes() {
        assertThat(routes).extracting(Route::toString)
                .contains("GET /login", "GET /clients", "HEAD /clients", "OPTIONS /clients", "GET /clients/{clientId}",
                        "POST /clients/{clientId}/archive", "POST /members/{userId}/disable",
                        "POST /settings/tokens/{tokenId}/revoke", "GET /api/v1/clients",
                        "DELETE /api/v1/clients/{clientId}", "GET /portal", "GET /actuator/health",
                        "POST /board/move [X-Requested-With]", "POST /matrix/move [X-Requested-With]",
                        "POST /board/move", "POST /matrix/move", "GET /requests", "GET /requests/{requestId}",
                        "POST /requests", "POST /requests/{requestId}/merge",
                        "GET /requests/{requestId}/attachments/{requestAttachmentId}");
        assertThat(routes).filteredOn(Route::isPublic)
                .allSatisfy(route -> assertThat(route.publicReason()).as("reason of %s", route).isNotBlank());
        // The owner's routes come from @OwnerOnly, the mark the application enforces, not from a list here.
        assertThat(routes).filteredOn(Route::ownerOnly).extracting(Route::toString)
                .contains("POST /clients", "GET /members", "POST /time/entries/rerate", "GET /billing/invoices",
                        "POST /api/v1/invoices", "GET /settings/outbox", "POST /templates/projects/{projectTemplateId}/apply")
                .doesNotContain("GET /clients", "POST /tasks", "GET /time");
        // The ids a handler reads from the query or the body are found from its signature and records.
        for (String name : List.of("POST /board/move [X-Requested-With]", "POST /matrix/move [X-Requested-With]",
                "POST /time/cells", "POST /timer/start", "POST /tasks", "POST /time/entries/rerate", "GET /time",
                "POST /api/v1/tasks", "POST /api/v1/projects", "GET /api/v1/tasks", "GET /board", "POST /requests")) {
            Route route = routes.stream().filter(r -> r.toString().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no route " + name));
            assertThat(route.carried(aIds)).as("victim ids that %s carries", name).isNotEmpty();
        }
    }

    @Test
    void strangersAreSentToSignInOrRefusedWithAProblem() throws Exception {
        List<String> holes = new ArrayList<>();
        for (Route route : protectedRoutes()) {
            for (AbstractMockHttpServletRequestBuilder<?> request : route.requests(aIds)) {
                // With a CSRF token, so that what refuses the stranger is the sign-in rule, not CSRF.
                if (!route.isApi()) {
                    request.with(csrf());
                }
                MockHttpServletResponse response = perform(route, request, holes);
                if (response == null) {
                    continue;
                }
                // The portal's pages send a stranger to the portal's own sign-in page.
                String signIn = isPortal(route) ? "/portal/sign-in" : "/login";
                boolean refused = route.isApi()
                        ? response.getStatus() == 401 && (isProblem(response) || route.method() == HttpMethod.HEAD)
                        : response.getStatus() == 302 && signIn.equals(path(response.getRedirectedUrl()));
                if (!refused) {
                    holes.add(describe(route, aIds, response));
                }
            }
        }
        assertThat(holes).as("routes a stranger can use (expected %s)", "302 → /login, or 401 problem+json under /api")
                .isEmpty();
    }

    @Test
    void theActuatorTellsAStrangerOnlyWhetherTheAppIsUp() throws Exception {
        List<Route> actuator = routes.stream().filter(r -> r.pattern().startsWith("/actuator")).toList();
        assertThat(actuator).extracting(Route::toString).contains("GET /actuator/health");
        for (Route route : actuator.stream().filter(Route::isPublic).toList()) {
            if (route.method() != HttpMethod.GET || route.hasVariables() || route.pattern().contains("*")) {
                continue;
            }
            MockHttpServletResponse response = mvc.perform(get(route.pattern())).andReturn().getResponse();
            assertThat(response.getStatus()).as(route.toString()).isEqualTo(200);
            // The names of the probe groups (liveness, readiness) at most, never a component or a detail.
            Set<String> health = new java.util.HashSet<>();
            ((Map<?, ?>) json.readValue(response.getContentAsString(), Map.class)).keySet().forEach(k -> health.add(k.toString()));
            assertThat(health).as(route.toString()).contains("status").isSubsetOf("status", "groups");
        }
    }

    @Test
    void anotherWorkspacesOwnerIsRefusedEverythingOfWorkspaceA() throws Exception {
        TestWorkspace b = newWorkspace();
        createClient(b, "Beta client");
        Actor owner = new Actor("workspace B's owner", b.owner(), tokenFor(b.owner()));
        List<String> holes = sweep(owner, aIds, route -> REFUSED, List.of(A_MARK, HIDDEN_MARK), b.id());
        assertThat(holes).as("what workspace B's owner reached of workspace A (expected %s, nothing changed)", REFUSED)
                .isEmpty();
    }

    @Test
    void anotherWorkspacesMemberIsRefusedEverythingOfWorkspaceA() throws Exception {
        TestWorkspace b = newWorkspace();
        CurrentUser bMember = addMember(b);
        createClient(b, "Beta client", bMember.id());
        Actor attacker = new Actor("workspace B's member", bMember, tokenFor(bMember));
        List<String> holes = sweep(attacker, aIds, route -> REFUSED, List.of(A_MARK, HIDDEN_MARK), b.id());
        assertThat(holes).as("what workspace B's member reached of workspace A (expected %s, nothing changed)",
                REFUSED).isEmpty();
    }

    @Test
    void aMemberIsRefusedTheWorkOfAClientNotAssignedToThem() throws Exception {
        Actor attacker = new Actor("A's member", member, tokenFor(member));
        Set<String> hidden = CLIENT_SCOPED.stream().map(hiddenIds::get).collect(Collectors.toSet());
        List<String> holes = sweep(attacker, hiddenIds, route -> REFUSED, List.of(HIDDEN_MARK), null,
                route -> route.carried(hiddenIds).values().stream().flatMap(List::stream).anyMatch(hidden::contains));
        assertThat(holes).as("what A's member reached of the unassigned client (expected %s, nothing changed)",
                REFUSED).isEmpty();

        // The member does see the assigned client's work, so the refusals above are about the assignment.
        assertThat(mvc.perform(get("/tasks/" + taskId.value()).with(user(member))).andReturn().getResponse()
                .getContentAsString()).contains("Alpha task");
    }

    @Test
    void workspaceAsOwnReadsOfTheSameIdsSucceed() throws Exception {
        // The other side of the cross-workspace sweeps: the refusals above are about the workspace, not broken routes.
        // The portal's reads are made by a contact of the assigned client, whose invoice the ids name.
        CurrentUser ownContact = addClientContact(a, assigned);
        List<String> holes = new ArrayList<>();
        for (Route route : protectedRoutes()) {
            if (!route.hasVariables() || route.method() != HttpMethod.GET) {
                continue;
            }
            AbstractMockHttpServletRequestBuilder<?> request = route.bare(aIds);
            if (isPortal(route)) {
                request.with(user(ownContact));
            } else if (route.isApi()) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + ownerToken.token());
            } else {
                request.with(user(a.owner()));
            }
            MockHttpServletResponse response = perform(route, request, holes);
            if (response != null && response.getStatus() != 200) {
                holes.add(describe(route, aIds, response));
            }
        }
        assertThat(holes).as("reads that fail for workspace A's own owner (expected 200)").isEmpty();
    }

    @Test
    void clientContactsAreKeptToThePortal() throws Exception {
        CurrentUser contact = addClientContact(a, assigned);
        String before = state(a.id());
        List<String> holes = new ArrayList<>();
        for (Route route : protectedRoutes()) {
            if (route.pattern().equals("/portal") || route.pattern().startsWith("/portal/")) {
                continue;
            }
            for (AbstractMockHttpServletRequestBuilder<?> request : route.requests(aIds)) {
                // On /api too the contact comes as an authenticated principal: a contact can get no token (see
                // SignInSecurityIT), so this checks that the role alone keeps them out.
                request.with(user(contact));
                if (!route.isApi()) {
                    request.with(csrf());
                }
                MockHttpServletResponse response = perform(route, request, holes);
                if (response == null) {
                    continue;
                }
                int status = response.getStatus();
                boolean keptOut;
                if (route.isApi()) {
                    keptOut = status == 403 || status == 401;
                } else if (route.method() == HttpMethod.GET || route.method() == HttpMethod.HEAD) {
                    keptOut = status == 403 || status == 302 && "/portal".equals(path(response.getRedirectedUrl()));
                } else {
                    keptOut = status == 403;
                }
                if (!keptOut) {
                    holes.add(describe(route, aIds, response));
                }
            }
        }
        String after = state(a.id());
        if (!after.equals(before)) {
            holes.add("workspace A changed: " + difference(before, after));
        }
        assertThat(holes).as("routes a client contact reached outside the portal").isEmpty();

        MockHttpServletResponse portal = mvc.perform(get("/portal").with(user(contact))).andReturn().getResponse();
        assertThat(portal.getStatus()).isEqualTo(200);
        assertThat(portal.getContentAsString()).contains("Assigned Alpha").doesNotContain("Unassigned " + HIDDEN_MARK);
    }

    @Test
    void membersAreRefusedEveryOwnerOnlyRouteAndOnlyThose() throws Exception {
        String memberToken = tokenFor(member);
        String before = state(a.id());
        List<Route> ownerOnly = protectedRoutes().stream().filter(Route::ownerOnly).toList();
        assertThat(ownerOnly).as("routes marked @OwnerOnly").hasSizeGreaterThan(50);

        List<String> holes = new ArrayList<>();
        for (Route route : ownerOnly) {
            if (route.method() == HttpMethod.OPTIONS) {
                continue;
            }
            for (Map<String, String> ids : List.of(aIds, hiddenIds)) {
                for (AbstractMockHttpServletRequestBuilder<?> request : route.requests(ids)) {
                    MockHttpServletResponse response = perform(route, as(route, request, member, memberToken), holes);
                    if (response != null && response.getStatus() != 403) {
                        holes.add(describe(route, ids, response) + " (expected 403)");
                    }
                }
            }
        }
        String after = state(a.id());
        if (!after.equals(before)) {
            holes.add("workspace A changed: " + difference(before, after));
        }
        // The other way round: a read a member is refused without the mark means the mark is missing, and the
        // sweep above would not have tried the route's writes as a member.
        for (Route route : protectedRoutes()) {
            if (route.ownerOnly() || route.method() != HttpMethod.GET || route.pattern().startsWith("/portal")) {
                continue;
            }
            MockHttpServletResponse response = perform(route, as(route, route.bare(aIds), member, memberToken), holes);
            if (response != null && response.getStatus() == 403) {
                holes.add(describe(route, aIds, response) + " refused to a member, but not marked @OwnerOnly");
            }
        }
        assertThat(holes).as("owner-only routes a member could use, and member refusals without @OwnerOnly").isEmpty();

        // The member does see the assigned client, so the 403s above are about the role.
        assertThat(mvc.perform(get("/clients/" + assigned.value()).with(user(member))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
    }

    @Test
    void portalRoutesShowAContactOnlyTheirOwnClientAndNoStaffAtAll() throws Exception {
        List<Route> portal = protectedRoutes().stream().filter(RouteSweepIT::isPortal).toList();
        assertThat(portal).extracting(Route::toString).contains("GET /portal", "GET /portal/invoices",
                "GET /portal/invoices/{invoiceId}", "GET /portal/invoices/{invoiceId}/pdf", "POST /portal/password",
                "GET /portal/approvals", "POST /portal/approvals/{taskId}/approve", "POST /portal/approvals/{taskId}/changes",
                "GET /portal/approvals/{taskId}/attachments/{attachmentId}", "GET /portal/requests",
                "GET /portal/requests/new", "POST /portal/requests", "GET /portal/requests/{requestId}",
                "POST /portal/requests/{requestId}/messages",
                "GET /portal/requests/{requestId}/attachments/{requestAttachmentId}");
        TestWorkspace b = newWorkspace();
        ClientId bClient = createClient(b, "Beta client");
        List<Actor> contacts = List.of(
                new Actor("a contact of A's other client", addClientContact(a, unassigned), ""),
                new Actor("a contact of workspace B's client", addClientContact(b, bClient), ""));
        String before = state(a.id());
        List<String> holes = new ArrayList<>();
        for (Actor contact : contacts) {
            for (Route route : portal) {
                if (route.carried(aIds).isEmpty() && route.writes()) {
                    continue;
                }
                for (AbstractMockHttpServletRequestBuilder<?> request : route.requests(aIds)) {
                    MockHttpServletResponse response = perform(route, request.with(user(contact.user())).with(csrf()),
                            holes);
                    if (response == null || route.method() == HttpMethod.OPTIONS) {
                        continue;
                    }
                    String body = response.getContentAsString();
                    if (!route.carried(aIds).isEmpty() && response.getStatus() != 404) {
                        holes.add(contact.name() + ": " + describe(route, aIds, response) + " (expected 404)");
                    } else if (body.contains(A_MARK)) {
                        holes.add(contact.name() + ": " + describe(route, aIds, response) + " shows " + A_MARK);
                    }
                }
            }
        }
        // Staff of the workspace (and of another) are not contacts: every portal route refuses them.
        for (CurrentUser staff : List.of(a.owner(), member, b.owner())) {
            for (Route route : portal) {
                if (route.method() == HttpMethod.OPTIONS) {
                    continue;
                }
                for (AbstractMockHttpServletRequestBuilder<?> request : route.requests(aIds)) {
                    MockHttpServletResponse response = perform(route, request.with(user(staff)).with(csrf()), holes);
                    if (response != null && response.getStatus() != 403) {
                        holes.add(staff.role() + " " + staff.email() + ": " + describe(route, aIds, response)
                                + " (expected 403)");
                    }
                }
            }
        }
        String after = state(a.id());
        if (!after.equals(before)) {
            holes.add("workspace A changed: " + difference(before, after));
        }
        assertThat(holes).as("portal routes that reached another client's data or let staff in").isEmpty();
    }

    private static boolean isPortal(Route route) {
        return route.pattern().equals("/portal") || route.pattern().startsWith("/portal/");
    }

    /** Who attacks: a signed-in person on the screens, the same person's API token on /api. */
    private record Actor(String name, CurrentUser user, String token) {
    }

    private static AbstractMockHttpServletRequestBuilder<?> as(Route route, AbstractMockHttpServletRequestBuilder<?> request,
            CurrentUser user, String token) {
        if (route.isApi()) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        } else {
            request.with(user(user)).with(csrf());
        }
        return request;
    }

    private List<String> sweep(Actor actor, Map<String, String> ids, Function<Route, Set<Integer>> expected,
            List<String> marks, @Nullable UUID attackerWorkspace) throws Exception {
        return sweep(actor, ids, expected, marks, attackerWorkspace, route -> !route.carried(ids).isEmpty());
    }

    /**
     * Sends every protected route, as the actor, requests carrying the victim's ids. A request that carries one
     * must be refused; any request (one without victim ids is sent only if it reads) must not show the victim's
     * marks. After every write, and once at the end for the reads, the victim's rows must be as they were and no
     * row of the attacker's workspace may point at a victim id.
     */
    private List<String> sweep(Actor actor, Map<String, String> ids, Function<Route, Set<Integer>> expected,
            List<String> marks, @Nullable UUID attackerWorkspace, Predicate<Route> attacks) throws Exception {
        UUID victim = a.id();
        Set<String> victimIds = victimIds();
        String before = state(victim);
        List<String> holes = new ArrayList<>();
        for (Route route : protectedRoutes()) {
            boolean attacking = attacks.test(route);
            if (!attacking && route.writes()) {
                continue;
            }
            for (AbstractMockHttpServletRequestBuilder<?> request : route.requests(ids)) {
                MockHttpServletResponse response = perform(route, as(route, request, actor.user(), actor.token()),
                        holes);
                if (response == null) {
                    continue;
                }
                String body = response.getContentAsString();
                if (attacking && route.method() != HttpMethod.OPTIONS
                        && !expected.apply(route).contains(response.getStatus())) {
                    holes.add(describe(route, ids, response));
                } else if (marks.stream().anyMatch(body::contains)) {
                    holes.add(describe(route, ids, response) + " shows " + marks.stream().filter(body::contains)
                            .toList());
                }
                if (route.writes()) {
                    checkNothingChanged(route, victim, before, attackerWorkspace, victimIds, holes);
                }
            }
        }
        checkNothingChanged(null, victim, before, attackerWorkspace, victimIds, holes);
        return holes;
    }

    private void checkNothingChanged(@Nullable Route after, UUID victim, String before,
            @Nullable UUID attackerWorkspace, Set<String> victimIds, List<String> holes) {
        String where = after == null ? "after the reads" : "after " + after;
        String now = state(victim);
        if (!now.equals(before)) {
            holes.add("workspace A changed " + where + ": " + difference(before, now));
            holes.add("(the sweep stops here: the next requests would be judged against changed data)");
            throw new AssertionError(String.join("\n", holes));
        }
        if (attackerWorkspace != null) {
            List<String> pointing = pointingAt(attackerWorkspace, victimIds);
            if (!pointing.isEmpty()) {
                holes.add("the attacker's workspace points at workspace A " + where + ": " + pointing);
            }
        }
    }

    /** Every id of workspace A's data, in any of its sets, and the workspace itself. */
    private Set<String> victimIds() {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(a.id().toString());
        for (Map<String, String> set : List.of(aIds, hiddenIds)) {
            set.values().stream().filter(RouteRequests::isUuid).forEach(ids::add);
        }
        ids.add(a.owner().id().value().toString());
        return ids;
    }

    private MockHttpServletResponse perform(Route route, AbstractMockHttpServletRequestBuilder<?> request, List<String> holes) {
        try {
            return mvc.perform(request).andReturn().getResponse();
        } catch (Exception e) {
            holes.add(route + " → threw " + e);
            return null;
        }
    }

    /** The tables that hold a workspace's rows, with their columns, read once from the database itself. */
    private record Table(String name, List<String> columns, List<String> uuidColumns, List<String> textIdColumns) {
    }

    private static @Nullable List<Table> tables;

    private List<Table> tables() {
        if (tables == null) {
            Map<String, List<String[]>> columns = new TreeMap<>();
            try (Connection connection = dataSource.getConnection()) {
                DatabaseMetaData meta = connection.getMetaData();
                try (ResultSet rs = meta.getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
                    while (rs.next()) {
                        columns.computeIfAbsent(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT), t -> new ArrayList<>())
                                .add(new String[] {rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                                        rs.getString("TYPE_NAME"), Integer.toString(rs.getInt("DATA_TYPE"))});
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            List<Table> found = new ArrayList<>();
            columns.forEach((table, cols) -> {
                if (cols.stream().noneMatch(c -> c[0].equals("workspace_id"))) {
                    return;
                }
                // A time someone last did something moves on by itself; everything else must stay.
                List<String> kept = cols.stream().map(c -> c[0]).filter(c -> !c.startsWith("last_")).toList();
                List<String> uuids = cols.stream().filter(c -> "uuid".equalsIgnoreCase(c[1]))
                        .map(c -> c[0]).filter(c -> !c.equals("workspace_id")).toList();
                List<String> texts = cols.stream().filter(c -> Set.of(Types.VARCHAR, Types.CHAR, Types.NVARCHAR)
                        .contains(Integer.parseInt(c[2])) && (c[0].endsWith("_id") || c[0].endsWith("_key")))
                        .map(c -> c[0]).toList();
                found.add(new Table(table, kept, uuids, texts));
            });
            assertThat(found).extracting(Table::name).contains("tasks", "time_entries", "invoices");
            tables = found;
        }
        return tables;
    }

    /** Every row of a workspace in every table that has a workspace_id, as one comparable text. */
    private String state(UUID workspace) {
        StringBuilder all = new StringBuilder();
        for (Table table : tables()) {
            List<String> rows = jdbc.sql("select " + String.join(", ", table.columns()) + " from " + table.name()
                    + " where workspace_id = :w").param("w", workspace).query((rs, n) -> {
                        StringBuilder row = new StringBuilder(table.name()).append('(');
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            Object value = rs.getObject(i);
                            if (value instanceof byte[] bytes) {
                                value = "bytes#" + Arrays.hashCode(bytes);
                            } else if (value instanceof java.sql.Blob || value instanceof java.sql.Clob) {
                                value = "lob#" + Objects.hashCode(rs.getString(i));
                            }
                            row.append(value).append(i < rs.getMetaData().getColumnCount() ? "," : ")");
                        }
                        return row.toString();
                    }).list();
            rows.stream().sorted().forEach(row -> all.append(row).append('\n'));
        }
        return all.toString();
    }

    private static String difference(String before, String after) {
        Set<String> was = new LinkedHashSet<>(before.lines().toList());
        Set<String> is = new LinkedHashSet<>(after.lines().toList());
        List<String> gone = was.stream().filter(l -> !is.contains(l)).limit(5).toList();
        List<String> came = is.stream().filter(l -> !was.contains(l)).limit(5).toList();
        return "gone " + gone + ", new " + came;
    }

    private final Set<String> reported = new LinkedHashSet<>();

    /** Rows of the attacker's workspace with a column that holds one of the victim's ids, not reported yet. */
    private List<String> pointingAt(UUID attacker, Set<String> victimIds) {
        List<UUID> uuids = victimIds.stream().map(UUID::fromString).toList();
        List<String> found = new ArrayList<>();
        for (Table table : tables()) {
            List<String> conditions = new ArrayList<>();
            table.uuidColumns().forEach(c -> conditions.add(c + " in (:uuids)"));
            table.textIdColumns().forEach(c -> conditions.add(c + " in (:texts)"));
            if (conditions.isEmpty()) {
                continue;
            }
            String columns = String.join(", ", table.uuidColumns().isEmpty() ? table.textIdColumns()
                    : table.uuidColumns());
            jdbc.sql("select " + columns + " from " + table.name() + " where workspace_id = :w and ("
                    + String.join(" or ", conditions) + ")")
                    .param("w", attacker).param("uuids", uuids).param("texts", List.copyOf(victimIds))
                    .query((rs, n) -> {
                        StringBuilder row = new StringBuilder(table.name()).append('(');
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            row.append(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT)).append('=')
                                    .append(rs.getObject(i)).append(' ');
                        }
                        return row.append(')').toString();
                    }).list().stream().filter(reported::add).forEach(found::add);
        }
        return found;
    }

    private List<Route> protectedRoutes() {
        return routes.stream().filter(r -> !r.isPublic()).toList();
    }

    /**
     * Every route of every request mapping Spring MVC holds (the application's and the actuator's), once per
     * method it answers, plus HEAD for every GET and one OPTIONS per path.
     */
    private List<Route> routes() {
        Map<String, Route> routes = new TreeMap<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                HandlerMethod handler = entry.getValue();
                // springdoc serves the OpenAPI document and Swagger UI: public by design (they describe the
                // API, hold no workspace data) and not ours to annotate.
                if (handler.getBeanType().getPackageName().startsWith("org.springdoc")) {
                    continue;
                }
                RequestMappingInfo info = entry.getKey();
                Map<String, String> headers = new TreeMap<>();
                for (NameValueExpression<String> header : info.getHeadersCondition().getExpressions()) {
                    if (!header.isNegated()) {
                        headers.put(header.getName(), header.getValue() == null ? "XMLHttpRequest" : header.getValue());
                    }
                }
                Map<String, String> params = new TreeMap<>();
                for (NameValueExpression<String> param : info.getParamsCondition().getExpressions()) {
                    if (!param.isNegated()) {
                        params.put(param.getName(), param.getValue() == null ? "1" : param.getValue());
                    }
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                List<HttpMethod> httpMethods = new ArrayList<>(methods.isEmpty() ? List.of(HttpMethod.GET)
                        : methods.stream().map(RequestMethod::asHttpMethod).toList());
                if (httpMethods.contains(HttpMethod.GET)) {
                    httpMethods.add(HttpMethod.HEAD);
                }
                for (String pattern : info.getPatternValues()) {
                    for (HttpMethod method : httpMethods) {
                        Route route = new Route(method, pattern, handler, headers, params);
                        routes.putIfAbsent(route.toString(), route);
                    }
                    Route options = new Route(HttpMethod.OPTIONS, pattern, handler, Map.of(), Map.of());
                    routes.putIfAbsent(options.toString(), options);
                }
            }
        }
        return routes.values().stream().sorted(Comparator.comparing(Route::pattern)
                .thenComparing(r -> r.method().name()).thenComparing(Route::toString)).toList();
    }

    private static boolean isProblem(MockHttpServletResponse response) {
        String type = response.getContentType();
        return type != null && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(type));
    }

    private static String path(String url) {
        return url == null ? null : URI.create(url).getPath();
    }

    private static String describe(Route route, Map<String, String> ids, MockHttpServletResponse response) {
        String where = response.getRedirectedUrl() == null ? "" : " " + response.getRedirectedUrl();
        Set<String> carried = route.carried(ids).keySet();
        return route + " " + route.expand(ids) + (carried.isEmpty() ? "" : " with " + carried) + " → "
                + response.getStatus() + where;
    }

}
