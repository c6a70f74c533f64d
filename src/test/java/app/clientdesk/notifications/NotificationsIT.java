package app.clientdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.UserId;
import app.clientdesk.shared.web.PublicUrls;
import app.clientdesk.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

/** In-app notifications: told once per key, counted on the bell, listed, marked read, mailed in the person's language. */
class NotificationsIT extends IntegrationTest {

    @Autowired Notifications notifications;
    @Autowired JdbcClient jdbc;
    @Autowired PublicUrls urls;

    private static Notice atRisk(String request) {
        return Notice.of("request.atRisk", "notifications.request.atRisk", request, "Acme", "today at 15:00");
    }

    @Test
    void aNotificationShowsOnTheBellAndOnThePageLinkingToItsSubject() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser owner = ws.owner();
        assertThat(page(owner, "/settings/account")).contains("aria-label=\"Notifications, none unread\"")
                .doesNotContain("bell-count");

        notifications.notify(ws.created().workspaceId(), owner.id(), atRisk("Logo <b>files</b>").linkTo("/clients"));
        notifications.notify(ws.created().workspaceId(), owner.id(), atRisk("Invoice question"));

        String header = page(owner, "/settings/account");
        assertThat(header).contains("href=\"/notifications\" aria-label=\"Notifications, 2 unread\"")
                .contains("<span class=\"bell-count\" aria-hidden=\"true\">2</span>");
        String list = page(owner, "/notifications");
        // Newest first, written in the reader's language, names escaped, each linking to its subject.
        assertThat(list.indexOf("Invoice question")).isLessThan(list.indexOf("Logo &lt;b&gt;files&lt;/b&gt;"));
        assertThat(list).contains("<a class=\"notification-text\" href=\"/clients\">The request “Logo &lt;b&gt;files"
                + "&lt;/b&gt;” from Acme is at risk: its first answer is due today at 15:00.</a>");
        assertThat(list).doesNotContain("<b>files");
    }

    @Test
    void theReaderSeesThemInTheirLanguageOfTheMoment() throws Exception {
        TestWorkspace ws = newWorkspace("VA Brasil", "pt-BR");
        notifications.notify(ws.created().workspaceId(), ws.owner().id(), atRisk("Logo"));

        assertThat(page(ws.owner(), "/notifications")).contains("A solicitação “Logo” de Acme está em risco")
                .contains("aria-label=\"Notificações, 1 não lida\"");
    }

    @Test
    void aDedupeKeyTellsAPersonOnceAndMailsOnce() {
        TestWorkspace ws = newWorkspace();
        Notice notice = atRisk("Logo").once("request:1:AT_RISK").byEmail();

        assertThat(notifications.notify(ws.created().workspaceId(), ws.owner().id(), notice)).isPresent();
        assertThat(notifications.notify(ws.created().workspaceId(), ws.owner().id(), notice)).isEmpty();
        // Another state change is another key.
        assertThat(notifications.notify(ws.created().workspaceId(), ws.owner().id(),
                atRisk("Logo").once("request:1:BREACHED"))).isPresent();

        assertThat(notifications.unread(ws.owner())).isEqualTo(2);
        assertThat(mails(ws)).hasSize(1);
    }

    @Test
    void theEmailGoesInTheRecipientsLanguageUnderTheWorkspacesNameWithTheConfiguredBaseUrl() {
        TestWorkspace ws = newWorkspace("Ana Assistente", "en");
        String email = uniqueEmail("membro");
        UserId member = accounts.add(ws.created().workspaceId(), Role.MEMBER, "Bruno", email, PASSWORD, "pt-BR",
                "America/Sao_Paulo", null);

        UUID id = notifications.notify(ws.created().workspaceId(), member,
                atRisk("Logo").linkTo("/tasks/123?tab=files").byEmail()).orElseThrow();

        List<Map<String, Object>> mails = mails(ws);
        assertThat(mails).hasSize(1);
        Map<String, Object> mail = mails.get(0);
        assertThat(mail.get("recipients")).isEqualTo(email);
        assertThat(mail.get("sender_name")).isEqualTo("Ana Assistente");
        assertThat(mail.get("reference")).isEqualTo("notification:" + id);
        assertThat((String) mail.get("subject"))
                .isEqualTo("A solicitação “Logo” de Acme está em risco: a primeira resposta vence today at 15:00.");
        assertThat((String) mail.get("body_text")).startsWith("Olá, Bruno,")
                .contains("Abrir: " + urls.base() + "/tasks/123?tab=files")
                .contains("Todas as suas notificações: " + urls.base() + "/notifications");
    }

    @Test
    void withoutTheFlagNothingIsMailed() {
        TestWorkspace ws = newWorkspace();
        notifications.notify(ws.created().workspaceId(), ws.owner().id(), atRisk("Logo"));
        assertThat(mails(ws)).isEmpty();
    }

    @Test
    void ownersAreToldAndMembersAreNot() {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);

        assertThat(notifications.notifyOwners(ws.created().workspaceId(), atRisk("Logo").once("x"))).hasSize(1);
        assertThat(notifications.notifyOwners(ws.created().workspaceId(), atRisk("Logo").once("x"))).isEmpty();

        assertThat(notifications.unread(ws.owner())).isEqualTo(1);
        assertThat(notifications.unread(member)).isZero();
    }

    @Test
    void aPersonOfAnotherWorkspaceCannotBeTold() {
        TestWorkspace ws = newWorkspace();
        TestWorkspace other = newWorkspace();
        assertThatThrownBy(() -> notifications.notify(ws.created().workspaceId(), other.owner().id(), atRisk("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void markingOneReadLowersTheCountAndMarkingAllClearsIt() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser owner = ws.owner();
        UUID first = notifications.notify(ws.created().workspaceId(), owner.id(), atRisk("One")).orElseThrow();
        notifications.notify(ws.created().workspaceId(), owner.id(), atRisk("Two"));
        notifications.notify(ws.created().workspaceId(), owner.id(), atRisk("Three"));

        // With htmx: the item comes back read, and the bell with it, out of band.
        MockHttpServletResponse htmx = mvc.perform(post("/notifications/" + first + "/read").with(user(owner))
                .with(csrf()).header("HX-Request", "true")).andReturn().getResponse();
        assertThat(htmx.getStatus()).isEqualTo(200);
        assertThat(htmx.getContentAsString()).contains("notification is-read").doesNotContain("Mark read")
                .contains("id=\"bell\"").contains("hx-swap-oob=\"true\"").contains("Notifications, 2 unread");
        assertThat(notifications.unread(owner)).isEqualTo(2);
        // Again is harmless.
        MockHttpServletResponse again = mvc.perform(post("/notifications/" + first + "/read").with(user(owner))
                .with(csrf())).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(302);
        assertThat(again.getRedirectedUrl()).isEqualTo("/notifications");

        MockHttpServletResponse all = mvc.perform(post("/notifications/read").with(user(owner)).with(csrf()))
                .andReturn().getResponse();
        assertThat(all.getRedirectedUrl()).isEqualTo("/notifications");
        assertThat(notifications.unread(owner)).isZero();
        assertThat(page(owner, "/notifications")).contains("Notifications, none unread").doesNotContain("Mark read<");
    }

    @Test
    void markingWithoutACsrfTokenIsRefused() throws Exception {
        TestWorkspace ws = newWorkspace();
        UUID id = notifications.notify(ws.created().workspaceId(), ws.owner().id(), atRisk("One")).orElseThrow();
        assertThat(mvc.perform(post("/notifications/" + id + "/read").with(user(ws.owner()))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(notifications.unread(ws.owner())).isEqualTo(1);
    }

    @Test
    void anotherPersonsNotificationIsNotFoundEvenInTheSameWorkspace() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        UUID ownersOwn = notifications.notify(ws.created().workspaceId(), ws.owner().id(), atRisk("Secret"))
                .orElseThrow();

        assertThat(mvc.perform(post("/notifications/" + ownersOwn + "/read").with(user(member)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/notifications").param("before", ownersOwn.toString()).with(user(member)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        mvc.perform(post("/notifications/read").with(user(member)).with(csrf()));
        assertThat(page(member, "/notifications")).doesNotContain("Secret");
        assertThat(notifications.unread(ws.owner())).isEqualTo(1);
    }

    @Test
    void thePageIsBoundedNewestFirstAndShowsMore() throws Exception {
        TestWorkspace ws = newWorkspace();
        for (int i = 1; i <= Notifications.PAGE_SIZE + 3; i++) {
            clock.advance(java.time.Duration.ofMinutes(1));
            notifications.notify(ws.created().workspaceId(), ws.owner().id(), atRisk("Number " + i + "."));
        }
        Notifications.Page first = notifications.page(ws.owner(), null);
        assertThat(first.items()).hasSize(Notifications.PAGE_SIZE);
        assertThat(first.more()).isTrue();

        String html = page(ws.owner(), "/notifications");
        assertThat(html).contains("Number 23.").contains("Number 4.").doesNotContain("Number 3.")
                .contains("hx-get=\"/notifications?before=" + first.lastId() + "\"");
        MockHttpServletResponse more = mvc.perform(get("/notifications").param("before", first.lastId().toString())
                .header("HX-Request", "true").with(user(ws.owner()))).andReturn().getResponse();
        assertThat(more.getContentAsString()).contains("Number 3.").contains("Number 1.").doesNotContain("Number 4.")
                .doesNotContain("<html").doesNotContain("notification-more");
    }

    private String page(CurrentUser viewer, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(user(viewer))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    private List<Map<String, Object>> mails(TestWorkspace ws) {
        return jdbc.sql("""
                select recipients, subject, body_text, sender_name, reference from mail_outbox
                where workspace_id = :w and reference like 'notification:%'""")
                .param("w", ws.id()).query().listOfRows().stream()
                .map(row -> {
                    Map<String, Object> lower = new java.util.HashMap<>();
                    row.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
                    return lower;
                }).toList();
    }
}
