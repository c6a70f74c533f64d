package app.clientdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.ApiTokens;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.PublicRoute;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.ProjectInput;
import app.clientdesk.work.Projects;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Templates;
import app.clientdesk.work.Tasks;
import app.clientdesk.work.WorkflowId;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the application serves, taken from Spring MVC itself, tried by the wrong people: a
 * stranger, the owner of another workspace, a client contact and a member. A new controller is swept
 * the day it is written; nobody has to add it to a list. Each sweep collects all holes before failing,
 * as {@code METHOD path → status}, so one run shows them all.
 */
class RouteSweepIT extends IntegrationTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::[^}]*)?}");

    /**
     * Routes only the owner may use, beyond {@code /members/**} (which the sweep finds by itself). Each
     * entry must exist, so renaming a route without updating this list fails the test.
     */
    private static final Set<String> OWNER_ONLY = Set.of(
            "GET /clients/new",
            "POST /clients",
            "GET /clients/{clientId}/edit",
            "POST /clients/{clientId}",
            "POST /clients/{clientId}/archive",
            "POST /clients/{clientId}/restore",
            "POST /demo",
            "GET /settings/workspace",
            "POST /settings/workspace",
            "POST /api/v1/clients",
            "PATCH /api/v1/clients/{clientId}",
            "DELETE /api/v1/clients/{clientId}",
            "GET /projects/new",
            "POST /projects",
            "GET /projects/{projectId}/edit",
            "POST /projects/{projectId}",
            "POST /projects/{projectId}/delete",
            "GET /workflows",
            "GET /workflows/new",
            "POST /workflows",
            "GET /workflows/{workflowId}/edit",
            "POST /workflows/{workflowId}",
            "GET /templates/tasks/new",
            "POST /templates/tasks",
            "GET /templates/tasks/{templateId}/edit",
            "POST /templates/tasks/{templateId}",
            "POST /templates/tasks/{templateId}/delete",
            "GET /templates/projects/new",
            "POST /templates/projects",
            "GET /templates/projects/{projectTemplateId}/edit",
            "POST /templates/projects/{projectTemplateId}",
            "POST /templates/projects/{projectTemplateId}/delete",
            "GET /templates/projects/{projectTemplateId}/apply",
            "POST /templates/projects/{projectTemplateId}/apply",
            "POST /api/v1/projects",
            "PATCH /api/v1/projects/{projectId}",
            "DELETE /api/v1/projects/{projectId}",
            "GET /time/rates",
            "GET /time/rates/preview",
            "POST /time/rates",
            "POST /time/rates/{rateId}/delete",
            "POST /time/clients/{clientId}/rounding",
            "POST /time/entries/rerate",
            "GET /time/import",
            "POST /time/import",
            "GET /time/import/{importId}",
            "POST /time/import/{importId}",
            "GET /time/import/{importId}/progress");

    /**
     * Whole areas only the owner may use: every route under these prefixes, present and future, is swept as
     * owner-only without being listed (billing: members, the subcontractors, see no money of the business).
     */
    private static final List<String> OWNER_ONLY_PREFIXES = List.of("/billing/", "/settings/outbox",
            "/api/v1/invoices", "/api/v1/services", "/api/v1/expenses");

    private static boolean ownerOnly(Route route) {
        return OWNER_ONLY.contains(route.toString()) || route.pattern().equals("/members")
                || route.pattern().startsWith("/members/")
                || OWNER_ONLY_PREFIXES.stream().anyMatch(prefix -> route.pattern().startsWith(prefix));
    }

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping;
    @Autowired JdbcClient jdbc;

    private TestWorkspace a;
    private CurrentUser member;
    private ClientId assigned;
    private ClientId unassigned;
    private ApiTokens.Issued ownerToken;
    private Map<String, String> aIds;
    private ProjectId projectId;
    private TaskId taskId;
    @Autowired Tasks tasks;
    @Autowired Projects projects;
    @Autowired Templates templates;
    @Autowired app.clientdesk.work.Attachments attachments;
    @Autowired app.clientdesk.time.TimeEntries timeEntries;
    @Autowired app.clientdesk.time.Rates rates;
    @Autowired app.clientdesk.time.TimeImports timeImports;
    @Autowired app.clientdesk.billing.Invoices invoices;

    /** Workspace A: an owner, a member with one of A's two clients, a pending invitation, the owner's API token. */
    @BeforeEach
    void workspaceA() throws Exception {
        a = newWorkspace();
        member = addMember(a);
        assigned = createClient(a, "Assigned Alpha", member.id());
        unassigned = createClient(a, "Unassigned Alpha");
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
        UUID entryId = timeEntries.create(member, app.clientdesk.time.TimeEntryInput.ofInstants(
                assigned.value().toString(), null, taskId.value().toString(), "2026-12-01T09:00:00Z",
                "2026-12-01T10:00:00Z", true, "Alpha work", List.of("alpha"))).id().value();
        UUID rateId = rates.set(a.owner(), new app.clientdesk.time.RateInput("CLIENT", assigned.value().toString(),
                "GBP", "55")).id();
        UUID importId;
        try (var csv = RouteSweepIT.class.getResourceAsStream("/imports/toggl-detailed.csv")) {
            importId = timeImports.upload(a.owner(), "toggl-detailed.csv", csv, "Europe/London").id();
        }
        UUID invoiceId = invoices.createDraft(a.owner(), new app.clientdesk.billing.DraftInput(
                assigned.value().toString(), null, null, null, null, null, null, List.of(
                        new app.clientdesk.billing.DraftInput.LineInput(null, "Alpha setup", "1", null, "100", null,
                                null, null)))).id().value();
        aIds = Map.ofEntries(
                Map.entry("invoiceId", invoiceId.toString()),
                Map.entry("taskId", taskId.value().toString()),
                Map.entry("projectId", projectId.value().toString()),
                Map.entry("workflowId", workflowId.value().toString()),
                Map.entry("templateId", templates.taskTemplates(a.owner()).get(0).id().toString()),
                Map.entry("projectTemplateId", templates.projectTemplates(a.owner()).get(0).id().toString()),
                Map.entry("itemId", itemId.toString()),
                Map.entry("attachmentId", attachmentId.toString()),
                Map.entry("clientId", assigned.value().toString()),
                Map.entry("userId", member.id().value().toString()),
                Map.entry("invitationId", invitationId.toString()),
                Map.entry("tokenId", ownerToken.id().toString()),
                Map.entry("entryId", entryId.toString()),
                Map.entry("rateId", rateId.toString()),
                Map.entry("importId", importId.toString()),
                Map.entry("token", invitationToken));
    }

    @Test
    void theSweepSeesTheApplicationsRoutes() {
        List<Route> routes = routes();
        assertThat(routes).extracting(Route::toString)
                .contains("GET /login", "GET /clients", "GET /clients/{clientId}", "POST /clients/{clientId}/archive",
                        "POST /members/{userId}/disable", "POST /settings/tokens/{tokenId}/revoke",
                        "GET /api/v1/clients", "DELETE /api/v1/clients/{clientId}", "GET /portal")
                .containsAll(OWNER_ONLY);
        assertThat(routes).filteredOn(Route::isPublic)
                .allSatisfy(route -> assertThat(route.publicReason()).as("reason of %s", route).isNotBlank());
    }

    @Test
    void strangersAreSentToSignInOrRefusedWithAProblem() throws Exception {
        List<String> holes = new ArrayList<>();
        for (Route route : protectedRoutes()) {
            // With a CSRF token, so that what refuses the stranger is the sign-in rule, not CSRF.
            MockHttpServletRequestBuilder request = route.request(aIds);
            if (!route.isApi()) {
                request.with(csrf());
            }
            MockHttpServletResponse response = perform(route, request, holes);
            if (response == null) {
                continue;
            }
            boolean refused = route.isApi()
                    ? response.getStatus() == 401 && isProblem(response)
                    : response.getStatus() == 302 && "/login".equals(path(response.getRedirectedUrl()));
            if (!refused) {
                holes.add(describe(route, route.expand(aIds), response));
            }
        }
        assertThat(holes).as("routes a stranger can use (expected %s)", "302 → /login, or 401 problem+json under /api")
                .isEmpty();
    }

    @Test
    void anotherWorkspacesOwnerGetsNotFoundForEverythingOfWorkspaceA() throws Exception {
        TestWorkspace b = newWorkspace();
        String bToken = tokenFor(b.owner());
        Snapshot before = snapshot();
        List<Route> withIds = protectedRoutes().stream().filter(Route::hasVariables).toList();
        assertThat(withIds).as("routes that take ids").isNotEmpty();

        List<String> holes = new ArrayList<>();
        for (Route route : withIds) {
            MockHttpServletRequestBuilder request = route.request(aIds);
            if (route.isApi()) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bToken);
            } else {
                request.with(user(b.owner())).with(csrf());
            }
            MockHttpServletResponse response = perform(route, request, holes);
            if (response != null && response.getStatus() != 404) {
                holes.add(describe(route, route.expand(aIds), response));
            }
        }
        Snapshot after = snapshot();
        if (!after.equals(before)) {
            holes.add("workspace A changed: " + before + " → " + after);
        }
        assertThat(holes).as("routes where workspace B's owner reached workspace A (expected 404)").isEmpty();
    }

    @Test
    void workspaceAsOwnReadsOfTheSameIdsSucceed() throws Exception {
        // The other side of the cross-workspace sweep: the 404s above are about the workspace, not broken routes.
        List<String> holes = new ArrayList<>();
        for (Route route : protectedRoutes()) {
            if (!route.hasVariables() || route.method() != HttpMethod.GET) {
                continue;
            }
            MockHttpServletRequestBuilder request = route.request(aIds);
            if (route.isApi()) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + ownerToken.token());
            } else {
                request.with(user(a.owner()));
            }
            MockHttpServletResponse response = perform(route, request, holes);
            if (response != null && response.getStatus() != 200) {
                holes.add(describe(route, route.expand(aIds), response));
            }
        }
        assertThat(holes).as("reads that fail for workspace A's own owner (expected 200)").isEmpty();
    }

    @Test
    void clientContactsAreKeptToThePortal() throws Exception {
        CurrentUser contact = addClientContact(a, assigned);
        Snapshot before = snapshot();
        List<String> holes = new ArrayList<>();
        for (Route route : protectedRoutes()) {
            if (route.pattern().equals("/portal") || route.pattern().startsWith("/portal/")) {
                continue;
            }
            // On /api too the contact comes as an authenticated principal: a contact can get no token (see
            // SignInSecurityIT), so this checks that the role alone keeps them out.
            MockHttpServletRequestBuilder request = route.request(aIds).with(user(contact));
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
            } else if (route.method() == HttpMethod.GET) {
                keptOut = status == 403 || status == 302 && "/portal".equals(path(response.getRedirectedUrl()));
            } else {
                keptOut = status == 403;
            }
            if (!keptOut) {
                holes.add(describe(route, route.expand(aIds), response));
            }
        }
        Snapshot after = snapshot();
        if (!after.equals(before)) {
            holes.add("workspace A changed: " + before + " → " + after);
        }
        assertThat(holes).as("routes a client contact reached outside the portal").isEmpty();

        MockHttpServletResponse portal = mvc.perform(get("/portal").with(user(contact))).andReturn().getResponse();
        assertThat(portal.getStatus()).isEqualTo(200);
        assertThat(portal.getContentAsString()).contains("Assigned Alpha").doesNotContain("Unassigned Alpha");
    }

    @Test
    void membersCannotUseTheOwnersRoutes() throws Exception {
        String memberToken = tokenFor(member);
        Map<String, String> assignedIds = aIds;
        Map<String, String> unassignedIds = new LinkedHashMap<>(aIds);
        unassignedIds.put("clientId", unassigned.value().toString());
        Snapshot before = snapshot();

        List<Route> ownerOnly = routes().stream()
                .filter(RouteSweepIT::ownerOnly)
                .toList();
        assertThat(ownerOnly).extracting(Route::toString).containsAll(OWNER_ONLY);

        List<String> holes = new ArrayList<>();
        for (Route route : ownerOnly) {
            if (route.variables().contains("clientId")) {
                expectMember(route, assignedIds, memberToken, Set.of(403), holes);
                expectMember(route, unassignedIds, memberToken, Set.of(404), holes);
            } else {
                expectMember(route, assignedIds, memberToken, Set.of(403, 404), holes);
            }
        }
        Snapshot after = snapshot();
        if (!after.equals(before)) {
            holes.add("workspace A changed: " + before + " → " + after);
        }
        assertThat(holes).as("owner-only routes a member could use (expected 403; 404 for an unassigned client)")
                .isEmpty();

        // The member does see the assigned client, so the 403s above are about the role.
        assertThat(mvc.perform(get("/clients/" + assigned.value()).with(user(member))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
    }

    private void expectMember(Route route, Map<String, String> ids, String memberToken, Set<Integer> expected,
            List<String> holes) throws Exception {
        MockHttpServletRequestBuilder request = route.request(ids);
        if (route.isApi()) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + memberToken);
        } else {
            request.with(user(member)).with(csrf());
        }
        MockHttpServletResponse response = perform(route, request, holes);
        if (response != null && !expected.contains(response.getStatus())) {
            holes.add(describe(route, route.expand(ids), response) + " (expected " + expected + ")");
        }
    }

    private MockHttpServletResponse perform(Route route, MockHttpServletRequestBuilder request, List<String> holes) {
        try {
            return mvc.perform(request).andReturn().getResponse();
        } catch (Exception e) {
            holes.add(route.method() + " " + route.expand(aIds) + " → threw " + e);
            return null;
        }
    }

    /** What an attacker could notice having changed in workspace A. */
    private record Snapshot(long clients, List<String> clientStates, long disabledPeople, long openInvitations,
            long activeTokens, String work) {
    }

    private Snapshot snapshot() {
        UUID workspace = a.id();
        List<String> states = List.of(assigned, unassigned).stream()
                .map(id -> clients.get(a.owner(), id))
                .map((Client c) -> c.name() + (c.archived() ? " (archived)" : ""))
                .toList();
        return new Snapshot(
                count("select count(*) from clients where workspace_id = :w", workspace),
                states,
                count("select count(*) from users where workspace_id = :w and disabled_at is not null", workspace),
                count("select count(*) from invitations where workspace_id = :w and accepted_at is null "
                        + "and revoked_at is null", workspace),
                count("select count(*) from api_tokens where workspace_id = :w and revoked_at is null", workspace),
                work(workspace));
    }

    /** Everything about workspace A's work that a write could change, as one comparable text. */
    private String work(UUID workspace) {
        return String.join(" | ", List.of(
                rows("select id, title, description, stage_id, position, urgent, important, due_date, assignee_id, "
                        + "completed_at, updated_at from tasks where workspace_id = :w order by id", workspace),
                rows("select id, name, status, workflow_id, updated_at from projects where workspace_id = :w order by id",
                        workspace),
                rows("select id, text, done from task_checklist_items where workspace_id = :w order by id", workspace),
                rows("select id from task_comments where workspace_id = :w order by id", workspace),
                rows("select id from task_attachments where workspace_id = :w order by id", workspace),
                rows("select id, name from workflows where workspace_id = :w order by id", workspace),
                rows("select id, name, kind, position from workflow_stages where workspace_id = :w order by id", workspace),
                rows("select id, name from task_templates where workspace_id = :w order by id", workspace),
                rows("select id, name from project_templates where workspace_id = :w order by id", workspace),
                rows("select id, user_id, client_id, project_id, task_id, started_at, ended_at, duration_seconds, "
                        + "billable, note, rate_amount, invoice_id, updated_at from time_entries where workspace_id = :w "
                        + "order by id", workspace),
                rows("select entry_id, tag from time_entry_tags where workspace_id = :w order by entry_id, tag", workspace),
                rows("select user_id, client_id, started_at, paused_at, break_seconds from time_timers "
                        + "where workspace_id = :w order by user_id", workspace),
                rows("select id, scope, scope_key, currency, amount from time_rates where workspace_id = :w order by id",
                        workspace),
                rows("select client_id, rounding_mode, rounding_minutes, rounding_scope from time_client_settings "
                        + "where workspace_id = :w order by client_id", workspace),
                rows("select user_id, pomodoro_work_minutes, pomodoro_break_minutes from time_user_settings "
                        + "where workspace_id = :w order by user_id", workspace),
                rows("select id, status from time_imports where workspace_id = :w order by id", workspace),
                rows("select invoice_pattern, credit_note_pattern, net_days, tax_mode, tax_name, tax_percent, "
                        + "business_details, payment_instructions, default_notes, default_terms, show_base_total, "
                        + "closed_through, reminder_days, logo_type, updated_at from billing_settings "
                        + "where workspace_id = :w", workspace)));
    }

    private String rows(String sql, UUID workspace) {
        return jdbc.sql(sql).param("w", workspace).query((rs, n) -> {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(rs.getObject(i)).append(',');
            }
            return row.toString();
        }).list().toString();
    }

    private long count(String sql, UUID workspace) {
        return jdbc.sql(sql).param("w", workspace).query(Long.class).single();
    }

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            // springdoc serves the OpenAPI document and Swagger UI: public by design (they describe the
            // API, hold no workspace data) and not ours to annotate.
            if (handler.getBeanType().getPackageName().startsWith("org.springdoc")) {
                continue;
            }
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            List<HttpMethod> httpMethods = methods.isEmpty() ? List.of(HttpMethod.GET)
                    : methods.stream().map(RequestMethod::asHttpMethod).toList();
            for (String pattern : entry.getKey().getPatternValues()) {
                for (HttpMethod method : httpMethods) {
                    routes.add(new Route(method, pattern, handler));
                }
            }
        }
        routes.sort(Comparator.comparing(Route::pattern).thenComparing(r -> r.method().name()));
        return routes;
    }

    private List<Route> protectedRoutes() {
        return routes().stream().filter(r -> !r.isPublic()).toList();
    }

    private static boolean isProblem(MockHttpServletResponse response) {
        String type = response.getContentType();
        return type != null && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(type));
    }

    private static String path(String url) {
        return url == null ? null : URI.create(url).getPath();
    }

    private static String describe(Route route, String path, MockHttpServletResponse response) {
        String where = response.getRedirectedUrl() == null ? "" : " " + response.getRedirectedUrl();
        return route.method() + " " + path + " → " + response.getStatus() + where;
    }

    record Route(HttpMethod method, String pattern, HandlerMethod handler) {

        boolean isApi() {
            return pattern.startsWith("/api/");
        }

        boolean isPublic() {
            return publicReason() != null;
        }

        String publicReason() {
            PublicRoute onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PublicRoute.class);
            PublicRoute onType = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PublicRoute.class);
            return onMethod != null ? onMethod.value() : onType != null ? onType.value() : null;
        }

        List<String> variables() {
            List<String> names = new ArrayList<>();
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        boolean hasVariables() {
            return !variables().isEmpty();
        }

        /** The path with each variable replaced by workspace A's value; an unknown variable fails the test. */
        String expand(Map<String, String> values) {
            Matcher m = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                if (value == null) {
                    fail("Route " + this + " (" + handler.getShortLogMessage() + ") has a path variable {"
                            + m.group(1) + "} that RouteSweepIT does not know. Teach the sweep: add \"" + m.group(1)
                            + "\" with an id of workspace A to the map built in RouteSweepIT.workspaceA(), so that "
                            + "the cross-workspace sweep can try it. Known: " + values.keySet().stream().sorted()
                            .collect(Collectors.joining(", ")));
                }
                m.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            m.appendTail(path);
            return path.toString();
        }

        /** A request for this route; writes carry an empty body of the kind the route reads. */
        MockHttpServletRequestBuilder request(Map<String, String> values) {
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, URI.create(expand(values)));
            boolean write = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
            if (isApi()) {
                request.accept(MediaType.APPLICATION_JSON);
                if (write) {
                    request.contentType(MediaType.APPLICATION_JSON).content("{}");
                }
            } else if (write) {
                request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
            }
            return request;
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }
}
