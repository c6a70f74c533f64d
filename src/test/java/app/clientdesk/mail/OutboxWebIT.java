package app.clientdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox page without SMTP set up: messages wait, the owner is told how to set mail up, and can retry. */
class OutboxWebIT extends IntegrationTest {

    private static final byte[] PDF = "%PDF-1.4 invoice".getBytes(StandardCharsets.US_ASCII);

    @Autowired Outbox outbox;
    @Autowired OutboxDelivery delivery;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;

    private TransactionTemplate tx;

    @BeforeEach
    void transactions() {
        tx = new TransactionTemplate(transactions);
    }

    @Test
    void theOwnerSeesWaitingMessagesAndHowToSetMailUp() throws Exception {
        clock.set(Instant.parse("2026-12-01T12:03:00Z"));
        TestWorkspace ws = newWorkspace();
        UUID id = enqueue(ws, "Invoice <b>INV-7</b> from Ana", List.of("client@example.com", "boss@example.com"));

        assertThat(delivery.deliverDue()).as("no SMTP: nothing sent, nothing lost").isZero();
        String page = page(ws.owner(), "/settings/outbox");

        assertThat(page).contains("Outbox", "Mail is not set up", "SPRING_MAIL_HOST", "SPRING_MAIL_PORT",
                "SPRING_MAIL_USERNAME", "SPRING_MAIL_PASSWORD", "CLIENTDESK_MAIL_FROM")
                .contains("Invoice &lt;b&gt;INV-7&lt;/b&gt; from Ana").doesNotContain("<b>INV-7</b>")
                .contains("To: client@example.com, boss@example.com")
                .contains("Waiting", "Waiting: mail is not set up")
                // 12:03 UTC in São Paulo, the owner's zone.
                .contains("9:03")
                .contains("href=\"/settings/outbox/" + id + "/attachments/")
                .contains("INV-7.pdf")
                .contains("action=\"/settings/outbox/" + id + "/retry\"", "Retry now")
                .contains("<a href=\"/settings/outbox\" aria-current=\"page\">Outbox</a>");
        assertThat(outbox.get(ws.owner(), id).status()).isEqualTo(MailStatus.WAITING);
    }

    @Test
    void thePageSpeaksPortuguese() throws Exception {
        TestWorkspace ws = newWorkspace("Ana VA", "pt-BR");
        enqueue(ws, "Fatura FAT-1", List.of("cliente@example.com"));
        UUID sent = enqueue(ws, "Fatura FAT-2", List.of("cliente@example.com"));
        UUID failed = enqueue(ws, "Fatura FAT-3", List.of("cliente@example.com"));
        markSent(sent);
        markFailed(failed, "Connection refused");

        assertThat(page(ws.owner(), "/settings/outbox")).contains("Caixa de saída", "O e-mail não está configurado",
                "Aguardando: o e-mail não está configurado", "Enviada em", "Falhou",
                "Desistimos depois de 8 tentativas: Connection refused", "Tentar agora", "Para: cliente@example.com");
    }

    @Test
    void aFailedMessageCanBeRetriedAndASentOneCannot() throws Exception {
        TestWorkspace ws = newWorkspace();
        UUID failed = enqueue(ws, "Stuck invoice", List.of("client@example.com"));
        UUID sent = enqueue(ws, "Delivered invoice", List.of("client@example.com"));
        markFailed(failed, "Connection refused");
        markSent(sent);

        String before = page(ws.owner(), "/settings/outbox");
        assertThat(before).contains("Failed", "Gave up after 8 tries: Connection refused", "Sent")
                .contains("action=\"/settings/outbox/" + failed + "/retry\"")
                .doesNotContain("action=\"/settings/outbox/" + sent + "/retry\"");

        mvc.perform(post("/settings/outbox/" + failed + "/retry").with(user(ws.owner())).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/settings/outbox"))
                .andExpect(flash().attribute("notice", "“Stuck invoice” will be sent as soon as mail is set up."));
        OutboxMessage retried = outbox.get(ws.owner(), failed);
        assertThat(retried.status()).isEqualTo(MailStatus.WAITING);
        assertThat(retried.nextAttemptAt()).isBeforeOrEqualTo(clock.instant());

        mvc.perform(post("/settings/outbox/" + sent + "/retry").with(user(ws.owner())).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", "“Delivered invoice” was already sent."));
        assertThat(outbox.get(ws.owner(), sent).status()).isEqualTo(MailStatus.SENT);
    }

    @Test
    void nobodyElseCanRetryOrDownload() throws Exception {
        TestWorkspace ws = newWorkspace();
        UUID id = enqueue(ws, "Private invoice", List.of("client@example.com"));
        markFailed(id, "Connection refused");
        UUID file = outbox.get(ws.owner(), id).attachments().get(0).id();
        TestWorkspace other = newWorkspace();
        CurrentUser member = addMember(ws);

        mvc.perform(post("/settings/outbox/" + id + "/retry").with(user(other.owner())).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/settings/outbox/" + id + "/attachments/" + file).with(user(other.owner())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/settings/outbox/" + id + "/retry").with(user(member)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/settings/outbox").with(user(member))).andExpect(status().isForbidden());
        assertThat(outbox.get(ws.owner(), id).status()).isEqualTo(MailStatus.FAILED);
        assertThat(page(other.owner(), "/settings/outbox")).doesNotContain("Private invoice")
                .contains("No emails yet.");
    }

    @Test
    void theOwnerDownloadsTheFileThatWasSent() throws Exception {
        TestWorkspace ws = newWorkspace();
        UUID id = enqueue(ws, "Invoice with PDF", List.of("client@example.com"));
        UUID file = outbox.get(ws.owner(), id).attachments().get(0).id();

        byte[] body = mvc.perform(get("/settings/outbox/" + id + "/attachments/" + file).with(user(ws.owner())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename=\"INV-7.pdf\"")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(body).isEqualTo(PDF);
    }

    @Test
    void longOutboxesArePaged() throws Exception {
        TestWorkspace ws = newWorkspace();
        tx.executeWithoutResult(s -> {
            for (int i = 1; i <= 30; i++) {
                clock.set(Instant.parse("2026-12-01T12:00:00Z").plusSeconds(i));
                outbox.enqueue(ws.created().workspaceId(),
                        OutgoingMail.text(List.of("client@example.com"), "Message number " + i + ".", "Body"));
            }
        });

        String first = page(ws.owner(), "/settings/outbox");
        assertThat(first).contains("Messages 1–25 of 30", "Message number 30.", "Message number 6.")
                .doesNotContain("Message number 5.").contains("href=\"/settings/outbox?offset=25\"");
        assertThat(first.indexOf("Message number 30.")).isLessThan(first.indexOf("Message number 29."));
        String second = page(ws.owner(), "/settings/outbox?offset=25");
        assertThat(second).contains("Messages 26–30 of 30", "Message number 5.", "Message number 1.")
                .doesNotContain("Message number 6.");
    }

    private UUID enqueue(TestWorkspace ws, String subject, List<String> to) {
        return tx.execute(s -> outbox.enqueue(ws.created().workspaceId(), new OutgoingMail(to, null, subject,
                "Hello", null, List.of(new MailAttachment("INV-7.pdf", "application/pdf", PDF)), null)));
    }

    private void markSent(UUID id) {
        jdbc.sql("update mail_outbox set status = 'SENT', attempts = 1, sent_at = next_attempt_at where id = :id")
                .param("id", id).update();
    }

    private void markFailed(UUID id, String error) {
        jdbc.sql("update mail_outbox set status = 'FAILED', attempts = 8, last_error = :error where id = :id")
                .param("id", id).param("error", error).update();
    }

    private String page(CurrentUser viewer, String url) throws Exception {
        return mvc.perform(get(url).with(user(viewer))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
