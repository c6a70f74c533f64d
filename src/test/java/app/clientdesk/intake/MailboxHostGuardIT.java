package app.clientdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.security.SecretBox;
import app.clientdesk.support.IntegrationTest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * With the default settings (clientdesk.intake.allow-private-hosts not set), the mailbox form and the poller refuse
 * servers on a private or local network: the owner cannot make the server probe 127.0.0.1:5432 or the cloud's
 * metadata address, neither by saving, nor by "test connection", nor through a row saved before.
 */
class MailboxHostGuardIT extends IntegrationTest {

    @Autowired Mailboxes mailboxes;
    @Autowired MailIntake intake;
    @Autowired JdbcClient jdbc;
    @Autowired SecretBox secrets;

    private TestWorkspace ws;
    private CurrentUser owner;

    @BeforeEach
    void anOwner() {
        ws = newWorkspace();
        owner = ws.owner();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "169.254.169.254", "10.1.2.3", "192.168.0.10", "[::1]",
        "0.0.0.0", "224.0.0.1", "100.64.0.1"})
    void savingAPrivateOrLocalServerIsRefusedOnTheField(String host) throws Exception {
        String page = answer(post("/settings/mailbox"), owner, host, "5432");

        assertThat(page).contains("This server is on a private or local network")
                .contains("id=\"host\" name=\"host\" value=\"" + host + "\"")
                .containsPattern("id=\"host\"[^>]*aria-invalid=\"true\"");
        assertThat(mailboxes.settings(owner)).isEmpty();
    }

    @Test
    void testConnectionToAPrivateServerIsRefusedBeforeAnyConnectionInPortugueseToo() throws Exception {
        try (ServerSocket local = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            local.setSoTimeout(500);
            CurrentUser dono = newWorkspace("Agência " + java.util.UUID.randomUUID().toString().substring(0, 4), "pt-BR").owner();

            String page = answer(post("/settings/mailbox/test"), dono, "127.0.0.1",
                    Integer.toString(local.getLocalPort()));

            assertThat(page).contains("Este servidor está em uma rede privada ou local");
            assertThat(catchAccept(local)).as("nobody connected to the local port").isTrue();
        }
    }

    @Test
    void portsOutsideOneTo65535AreRefused() throws Exception {
        for (String port : new String[] {"0", "65536", "-1"}) {
            assertThat(answer(post("/settings/mailbox/test"), owner, "192.0.2.10", port))
                    .contains("Enter a port between 1 and 65535.");
        }
    }

    /** A row saved before the rule (or while the admin allowed private servers): the poller still refuses it. */
    @Test
    void thePollerRefusesAPrivateServerSavedBeforeAndNeverConnects() throws Exception {
        try (ServerSocket local = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            local.setSoTimeout(500);
            saveDirectly("127.0.0.1", local.getLocalPort());

            MailIntake.PollResult result = intake.poll(ws.created().workspaceId());

            assertThat(result.error()).isEqualTo("intake.test.privateHost");
            assertThat(catchAccept(local)).as("nobody connected to the local port").isTrue();
            String page = mvc.perform(get("/settings/mailbox").with(user(owner))).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("127.0.0.1 is on a private or local network");
            // "Test connection" with the saved settings as they are says so on the field as well.
            assertThat(answer(post("/settings/mailbox/test"), owner, "127.0.0.1",
                    Integer.toString(local.getLocalPort()))).contains("This server is on a private or local network");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "10.1.2.3", "::1", "0.0.0.0"})
    void thePollerRefusesMetadataPrivateAndLoopbackAddresses(String host) {
        saveDirectly(host, 993);

        assertThat(intake.poll(ws.created().workspaceId()).error()).isEqualTo("intake.test.privateHost");
    }

    private void saveDirectly(String host, int port) {
        jdbc.sql("""
                insert into intake_mailboxes (workspace_id, host, port, security, username, password, folder,
                    enabled, updated_at)
                values (:w, :host, :port, 'NONE', 'desk@agency.test', :password, 'INBOX', true, :now)""")
                .param("w", ws.id()).param("host", host).param("port", port)
                .param("password", secrets.seal("imap-Secret-42", Mailbox.passwordContext(ws.created().workspaceId())))
                .param("now", java.time.OffsetDateTime.ofInstant(Instant.now(), java.time.ZoneOffset.UTC)).update();
    }

    private String answer(MockHttpServletRequestBuilder request, CurrentUser who, String host, String port)
            throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf()).param("host", host).param("port", port)
                        .param("security", "NONE").param("username", "desk@agency.test")
                        .param("password", "imap-Secret-42").param("folder", "INBOX").param("_enabled", "on"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static boolean catchAccept(ServerSocket local) throws Exception {
        try {
            local.accept().close();
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        }
    }
}
