package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.billing.DraftInput.LineInput;
import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.mail.MailStatus;
import app.clientdesk.mail.Outbox;
import app.clientdesk.mail.OutboxDelivery;
import app.clientdesk.support.IntegrationTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An invoice sent by email reaches a real SMTP server (GreenMail) with its PDF, through the outbox. */
class InvoiceSendingIT extends IntegrationTest {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired Invoices invoices;
    @Autowired Outbox outbox;
    @Autowired OutboxDelivery delivery;

    private TestWorkspace ws;
    private CurrentUser owner;
    private Invoice issued;

    @BeforeEach
    void anIssuedInvoice() {
        clock.set(Instant.parse("2026-11-20T15:00:00Z"));
        ws = newWorkspace();
        owner = ws.owner();
        ClientId client = createClient(ws, "Acme Ltd");
        issued = invoices.issue(owner, invoices.createDraft(owner, new DraftInput(client.value().toString(), null,
                null, null, null, null, null, List.of(new LineInput(null, "Inbox management", "12", "HOURS", "45.00",
                        null, null, null)))).id(), null);
    }

    @Test
    void theClientReceivesTheInvoiceWithItsPdfAndTheInvoiceIsMarkedSent() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/billing/invoices/" + issued.id()).with(user(owner)))
                .andReturn().getResponse();
        assertThat(page.getContentAsString()).contains("primary@example.com")
                .contains("Invoice INV-2026-0001 from " + owner.workspaceName());

        MockHttpServletResponse sent = mvc.perform(post("/billing/invoices/" + issued.id() + "/send").with(user(owner))
                .with(csrf()).param("to", "primary@example.com, books@acme.example")
                .param("subject", "Invoice INV-2026-0001").param("text", "Hello,\nattached.")).andReturn().getResponse();
        assertThat(sent.getStatus()).isEqualTo(302);
        assertThat(invoices.get(owner, issued.id()).status()).isEqualTo(InvoiceStatus.SENT);
        assertThat(smtp.getReceivedMessages()).as("nothing leaves inside the transaction").isEmpty();

        delivery.deliverDue();
        // Other tests' messages wait in the same outbox: look at this one's, one copy per recipient.
        List<MimeMessage> received = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subjectOf(m).equals("Invoice INV-2026-0001")).toList();
        assertThat(received).hasSize(2);
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject()).isEqualTo("Invoice INV-2026-0001");
        Part pdf = attachment(mail);
        assertThat(pdf.getFileName()).isEqualTo("INV-2026-0001.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.getInputStream().readAllBytes())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("INV-2026-0001", "Acme Ltd", "Inbox management", "540.00");
        }
        assertThat(outbox.forReference(ws.created().workspaceId(), "invoice:" + issued.id())).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(MailStatus.SENT));
    }

    @Test
    void aDoubleClickOnSendEmailsTheClientOnce() throws Exception {
        for (int click = 0; click < 2; click++) {
            mvc.perform(post("/billing/invoices/" + issued.id() + "/send").with(user(owner)).with(csrf())
                    .param("to", "primary@example.com").param("subject", "Your invoice, sent once")
                    .param("text", "Hello").param("requestKey", "one-click")).andReturn();
        }
        assertThat(outbox.forReference(ws.created().workspaceId(), "invoice:" + issued.id())).hasSize(1);
    }

    @Test
    void aBadAddressIsAFieldErrorAndNothingIsQueuedOrMarked() throws Exception {
        MockHttpServletResponse refused = mvc.perform(post("/billing/invoices/" + issued.id() + "/send")
                .with(user(owner)).with(csrf()).param("to", "not an address").param("subject", "Invoice")
                .param("text", "Hello")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(invoices.get(owner, issued.id()).status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(outbox.forReference(ws.created().workspaceId(), "invoice:" + issued.id())).isEmpty();
    }

    @Test
    void theApiSendsWithTheDraftedTextAndServesThePdf() throws Exception {
        String token = tokenFor(owner);
        MockHttpServletResponse sent = mvc.perform(post("/api/v1/invoices/" + issued.id() + "/send")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept(MediaType.APPLICATION_JSON))
                .andReturn().getResponse();
        assertThat(sent.getStatus()).isEqualTo(202);
        assertThat(sent.getContentAsString()).contains("\"to\":\"primary@example.com\"")
                .contains("\"status\":\"SENT\"");
        MockHttpServletResponse pdf = mvc.perform(get("/api/v1/invoices/" + issued.id() + "/pdf")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn().getResponse();
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.getContentAsByteArray(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Part attachment(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part;
            }
        }
        throw new AssertionError("no attachment");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
