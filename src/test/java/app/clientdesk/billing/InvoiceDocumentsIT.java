package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.billing.DraftInput.LineInput;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.time.RateInput;
import app.clientdesk.time.Rates;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeEntryInput;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** The invoice as the client keeps it: the PDF's text and the printable page. */
class InvoiceDocumentsIT extends IntegrationTest {

    @Autowired Invoices invoices;
    @Autowired InvoicePdfs pdfs;
    @Autowired BillingSetup setup;
    @Autowired TimeEntries time;
    @Autowired Rates rates;

    private TestWorkspace ws;
    private CurrentUser owner;

    @BeforeEach
    void workspace() {
        clock.set(Instant.parse("2026-11-20T15:00:00Z"));
        ws = newWorkspace("Ana Souza Assistência Virtual", "en");
        owner = ws.owner();
    }

    private ClientId client(String name, String currency, String locale, String address, String taxId) {
        ClientInput base = clientInput(name, List.of());
        return clients.create(owner, new ClientInput(base.name(), base.status(), base.timeZone(), currency, locale,
                base.country(), base.website(), address, taxId, base.businessHours(), base.responseTimeHours(),
                base.channelFormalRequest(), base.channelQuickQuestion(), base.channelMeeting(), base.channelReport(),
                base.culturalNotes(), base.notes(), base.contacts(), base.memberIds()));
    }

    private static LineInput item(String description, String quantity, String price, String taxName, String tax) {
        return new LineInput(null, description, quantity, null, price, null, taxName, tax);
    }

    private Invoice draft(ClientId client, String discount, LineInput... lines) {
        return invoices.createDraft(owner, new DraftInput(client.value().toString(), null, null, discount, null,
                "Thank you for your business.", "Late payments incur 2% a month.", List.of(lines)));
    }

    private void settings(String details, String payment) {
        BillingSettingsInput form = BillingSettingsInput.of(setup.get(owner));
        setup.save(owner, new BillingSettingsInput(form.invoicePattern(), form.creditNotePattern(), form.netDays(),
                form.taxName(), form.taxPercent(), form.taxMode(), details, payment, null, null, true, null,
                form.reminderDays()));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // Non-breaking spaces (R$ 1.234,50) read as plain spaces, as a person reads them.
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc).replace('\u00a0', ' ').replace('\u202f', ' ');
        }
    }

    @Test
    void thePdfHasTheNumberTheClientTheLinesTotalsThatAddUpAndHowToPay() throws Exception {
        settings("Rua das Flores 10\nSão Paulo SP 01000-000\nCNPJ 12.345.678/0001-90",
                "Bank: Banco Exemplo, IBAN GB00 TEST 0000 0000 0000 00\nPayPal: ana@example.com\nWise: @anasouza");
        ClientId acme = client("Acme Ltd", "GBP", "en", "1 Main Street\nLondon EC1A 1AA", "GB123456789");
        Invoice issued = invoices.issue(owner, draft(acme, null, item("Strategy call", "1.5", "80.10", "VAT", "20"),
                item("Setup", "3", "33.33", null, null)).id(), null);

        String text = text(pdfs.render(ws.created().workspaceId(), issued.id()));

        assertThat(text).contains("Invoice", "INV-2026-0001", "Ana Souza Assistência Virtual", "CNPJ 12.345.678/0001-90",
                "BILL TO", "Acme Ltd", "Attn: Primary Person", "1 Main Street", "London EC1A 1AA",
                "Tax ID: GB123456789", "Issue date", "November 20, 2026", "Due date", "December 4, 2026");
        assertThat(text).contains("Strategy call", "£120.15", "Setup", "£33.33", "£99.99");
        assertThat(text).as("subtotal + VAT = total: 220.14 + 24.03 = 244.17")
                .contains("Subtotal £220.14", "VAT 20% £24.03", "Total £244.17");
        assertThat(text).contains("IBAN GB00 TEST 0000 0000 0000 00", "PayPal: ana@example.com",
                "Wise: @anasouza", "HOW TO PAY", "page 1 of 1", "Thank you for your business.", "Late payments incur 2% a month.");
        assertThat(text).as("a document is what the client keeps").doesNotContain("DRAFT", "Overdue", "overdue");
    }

    @Test
    void aBrazilianClientsInvoiceIsInPortugueseWithRealsAsBraziliansWriteThem() throws Exception {
        settings(null, "Pix: financeiro@anasouza.com.br");
        ClientId brl = client("Padaria Pão Quente", "BRL", "pt-BR", "Av. Paulista 1000\nSão Paulo SP", "12.345.678/0001-90");
        Invoice issued = invoices.issue(owner, draft(brl, "10", item("Gestão de agenda", "10", "123.45", "ISS", "5"),
                item("Atendimento ao cliente", "2", "0.50", null, null)).id(), null);

        String text = text(pdfs.render(ws.created().workspaceId(), issued.id()));

        assertThat(text).contains("Fatura", "Número", "INV-2026-0001", "Data de emissão", "20 de novembro de 2026",
                "Vencimento", "4 de dezembro de 2026", "FATURAR PARA", "Padaria Pão Quente", "A/C: Primary Person",
                "Identificação fiscal: 12.345.678/0001-90", "DESCRIÇÃO", "QTD.", "PREÇO UNITÁRIO", "VALOR",
                "COMO PAGAR", "Pix: financeiro@anasouza.com.br", "página 1 de 1");
        assertThat(text).contains("Gestão de agenda", "R$ 123,45", "R$ 1.234,50", "R$ 1,00");
        // 1,234.50 + 1.00 = 1,235.50 of lines; less 10% = 1,111.95 (1,111.05 + 0.90); ISS 5% of 1,111.05 = 55.55.
        assertThat(text).contains("Total dos itens R$ 1.235,50", "Desconto de 10% -R$ 123,55",
                "Subtotal R$ 1.111,95", "ISS 5% R$ 55,55", "Total R$ 1.167,50");
        assertThat(issued.total().plain()).isEqualTo("1167.50");
        assertThat(text).doesNotContain("Invoice", "BILL TO", "Total of lines");
    }

    @Test
    void currenciesPrintWithTheirOwnDecimals() throws Exception {
        Invoice yen = invoices.issue(owner, draft(client("Tokyo KK", "JPY", "en", null, null), null,
                item("Design", "2.5", "3333", null, null)).id(), null);
        Invoice dinar = invoices.issue(owner, draft(client("Manama WLL", "BHD", "en", null, null), null,
                item("Design", "1", "10.125", null, null)).id(), null);

        assertThat(text(pdfs.render(ws.created().workspaceId(), yen.id()))).contains("Total ¥8,333");
        assertThat(text(pdfs.render(ws.created().workspaceId(), dinar.id()))).contains("Total BHD 10.125");
    }

    @Test
    void timeLinesShowHoursAndMinutesAndADepositIsDeductedFromTheFinalInvoice() throws Exception {
        ClientId acme = client("Acme Ltd", "GBP", "en", null, null);
        rates.set(owner, new RateInput("CLIENT", acme.value().toString(), "GBP", "60"));
        time.create(owner, TimeEntryInput.ofInstants(acme.value().toString(), null, null, "2026-11-16T09:00:00Z",
                "2026-11-16T10:45:00Z", true, "Inbox", List.of()));
        Invoice work = draft(acme, null, item("Website", "1", "1000.00", null, null));
        invoices.addTime(owner, work.id(), new TimeSelection(null, null, null, null, List.of(),
                TimeSelection.Grouping.PROJECT));
        Invoice deposit = invoices.issue(owner, invoices.createDeposit(owner, work.id(), "50").id(), null);
        Invoice last = invoices.issue(owner, work.id(), null);

        String depositText = text(pdfs.render(ws.created().workspaceId(), deposit.id()));
        assertThat(depositText).contains("Deposit invoice", "INV-2026-0001", "Total £552.50");
        String text = text(pdfs.render(ws.created().workspaceId(), last.id()));
        assertThat(text).as("1:45 at £60/h = £105").contains("1:45 h", "£60.00", "£105.00");
        assertThat(text).contains("INV-2026-0001", "-£552.50", "Total £552.50");
    }

    @Test
    void aDraftIsMarkedAndACreditNoteSaysWhatItCancels() throws Exception {
        ClientId acme = client("Acme Ltd", "GBP", "en", null, null);
        Invoice draft = draft(acme, null, item("Setup", "1", "100.00", null, null));
        String draftText = text(pdfs.render(ws.created().workspaceId(), draft.id()));
        assertThat(draftText).contains("DRAFT", "Payment terms", "Net 14 days").doesNotContain("INV-");

        Invoice issued = invoices.issue(owner, draft.id(), null);
        Invoice credit = invoices.voidWithCreditNote(owner, issued.id(), "Wrong client");
        String creditText = text(pdfs.render(ws.created().workspaceId(), credit.id()));
        assertThat(creditText).contains("Credit note", "CN-2026-0001", "Cancels invoice", "INV-2026-0001",
                "Total credited").doesNotContain("HOW TO PAY", "Due date");
        assertThat(text(pdfs.render(ws.created().workspaceId(), issued.id())))
                .contains("VOID", "Cancelled by credit note", "CN-2026-0001");
    }

    @Test
    void htmlInADescriptionIsPrintedAsTextAndNothingIsFetched() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String remote = "http://127.0.0.1:" + server.getAddress().getPort();
            settings("<img src=\"" + remote + "/details.png\">\n<link rel=\"stylesheet\" href=\"" + remote + "/x.css\">",
                    "<iframe src=\"" + remote + "/frame\"></iframe>");
            ClientId acme = client("Acme Ltd", "GBP", "en", null, null);
            Invoice invoice = draft(acme, null, item("<script>alert(1)</script>", "1", "10.00", null, null),
                    item("<img src=\"" + remote + "/x\">", "1", "5.00", null, null));

            String text = text(pdfs.render(ws.created().workspaceId(), invoice.id()));
            assertThat(text).contains("<script>alert(1)</script>", "<img src=\"" + remote + "/x\">",
                    "<img src=\"" + remote + "/details.png\">", "<iframe src=\"" + remote + "/frame\"></iframe>");

            MvcResult page = mvc.perform(get("/billing/invoices/{id}/view", invoice.id().value()).with(user(owner)))
                    .andExpect(status().isOk()).andReturn();
            String html = page.getResponse().getContentAsString();
            assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)")
                    .doesNotContain("<img src=\"" + remote);

            // The renderer itself refuses a remote address even where the markup really asks for one.
            InvoiceDocument doc = pdfs.document(ws.created().workspaceId(), invoice.id());
            InvoiceDocument hostile = new InvoiceDocument(doc.lang(), doc.title(), doc.number(), doc.mark(),
                    doc.fileName(), remote + "/logo.png", doc.logoAlt(), doc.businessName(), doc.businessLines(), doc.clientName(),
                    doc.clientLines(), doc.meta(), doc.columns(), doc.lines(), doc.totals(), doc.baseTotal(),
                    doc.paymentLines(), doc.notes(), doc.terms(), doc.labels());
            assertThat(pdfs.render(hostile)).isNotEmpty();
        } finally {
            server.stop(0);
        }
        assertThat(requests.get()).as("requests the renderer made to the outside").isZero();
    }

    @Test
    void theLogoIsEmbeddedFromTheDatabase() throws Exception {
        setup.uploadLogo(owner, BillingSettingsIT.png());
        Invoice invoice = draft(client("Acme Ltd", "GBP", "en", null, null), null, item("A", "1", "1.00", null, null));
        try (PDDocument doc = Loader.loadPDF(pdfs.render(ws.created().workspaceId(), invoice.id()))) {
            var resources = doc.getPage(0).getResources();
            long images = 0;
            for (var name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject) {
                    images++;
                }
            }
            assertThat(images).as("the logo on the first page").isEqualTo(1);
        }
    }

    @Test
    void thePageAndThePdfAreTheOwnersAndNamedForTheNumber() throws Exception {
        ClientId acme = client("Acme Ltd", "GBP", "en", null, null);
        Invoice draft = draft(acme, null, item("Setup", "1", "100.00", null, null));
        mvc.perform(get("/billing/invoices/{id}/pdf", draft.id().value()).with(user(owner)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", MediaType.APPLICATION_PDF_VALUE))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"draft-" + draft.id().value().toString().substring(0, 8) + ".pdf\""));
        Invoice issued = invoices.issue(owner, draft.id(), null);
        MvcResult pdf = mvc.perform(get("/billing/invoices/{id}/pdf", issued.id().value()).with(user(owner)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"INV-2026-0001.pdf\""))
                .andReturn();
        assertThat(text(pdf.getResponse().getContentAsByteArray())).contains("INV-2026-0001");
        mvc.perform(get("/billing/invoices/{id}/view", issued.id().value()).with(user(owner)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("INV-2026-0001")));

        CurrentUser member = addMember(ws);
        mvc.perform(get("/billing/invoices/{id}/pdf", issued.id().value()).with(user(member)))
                .andExpect(status().isForbidden());
        TestWorkspace other = newWorkspace();
        mvc.perform(get("/billing/invoices/{id}/pdf", issued.id().value()).with(user(other.owner())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/billing/invoices/{id}/view", issued.id().value()).with(user(other.owner())))
                .andExpect(status().isNotFound());
        assertThat(LocalDate.parse("2026-11-20")).isEqualTo(issued.issueDate());
    }

    // --- issue 11 ---------------------------------------------------------------------------------------------

    @Autowired Payments payments;

    private static String textOfPage(PDDocument doc, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(doc).replace('\u00a0', ' ');
    }

    @Test
    void theBusinessNameIsPrintedOnceWhenTheDetailsStartWithIt() throws Exception {
        settings("Ana Souza Assistência Virtual\nCNPJ 12.345.678/0001-90\nSão Paulo, Brasil", "Pix: ana@example.com");
        Invoice issued = invoices.issue(owner, draft(client("Acme Ltd", "GBP", "en", null, null), null,
                item("Setup", "1", "10.00", null, null)).id(), null);

        String text = text(pdfs.render(ws.created().workspaceId(), issued.id()));

        assertThat(text.split("Ana Souza Assistência Virtual", -1)).as("times the business name is printed")
                .hasSize(2);
        assertThat(text).contains("CNPJ 12.345.678/0001-90", "São Paulo, Brasil");
    }

    @Test
    void aPaidAmountAndTheBalanceDueArePrintedUnderTheTotal() throws Exception {
        ClientId acme = client("Acme Ltd", "GBP", "en", null, null);
        Invoice issued = invoices.issue(owner, draft(acme, null, item("Setup", "1", "100.00", "VAT", "20")).id(), null);
        payments.record(owner, issued.id(), new PaymentInput("50.00", null, null, "2026-11-20", "BANK", null,
                null, false), null);

        String text = text(pdfs.render(ws.created().workspaceId(), issued.id()));

        assertThat(text).contains("Total £120.00", "Paid -£50.00", "Balance due £70.00");

        payments.record(owner, issued.id(), new PaymentInput("70.00", null, null, "2026-11-20", "BANK", null,
                null, false), null);
        assertThat(text(pdfs.render(ws.created().workspaceId(), issued.id())))
                .contains("Total £120.00", "Paid -£120.00", "Balance due £0.00");
        // Nothing paid yet: the total is what is due, no empty "Paid" row.
        Invoice unpaid = invoices.issue(owner, draft(acme, null, item("Setup", "1", "10.00", null, null)).id(), null);
        assertThat(text(pdfs.render(ws.created().workspaceId(), unpaid.id()))).doesNotContain("Paid");
    }

    @Test
    void notesAndTermsNeverStandAloneOnTheLastPage() throws Exception {
        settings("Rua das Flores 10\nSão Paulo", "Wise: ana@example.com\nPayPal: ana@example.com\nPix: 12.345.678/0001-90");
        ClientId acme = client("Acme Ltd", "GBP", "en", "1 Main Street\nLondon", null);
        // However many lines there are, the page that holds the notes and terms holds the total too.
        for (int count = 14; count <= 30; count += 2) {
            LineInput[] lines = new LineInput[count];
            for (int i = 0; i < count; i++) {
                lines[i] = item("Work on day " + (i + 1), "1", "10.00", null, null);
            }
            Invoice invoice = draft(acme, null, lines);
            byte[] pdf = pdfs.render(ws.created().workspaceId(), invoice.id());
            // Left for a look at the pages (pdftoppm -png target/pdf-review/lines-20.pdf).
            java.nio.file.Path review = java.nio.file.Path.of("target", "pdf-review");
            java.nio.file.Files.createDirectories(review);
            java.nio.file.Files.write(review.resolve("lines-" + count + ".pdf"), pdf);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                    String text = textOfPage(doc, page);
                    if (text.contains("Late payments incur 2% a month.")) {
                        assertThat(text).as("%d lines, page %d", count, page).contains("Total £" + count * 10 + ".00",
                                "Thank you for your business.");
                    }
                }
            }
        }
    }

    @Test
    void thePdfIsTaggedForScreenReadersInTheInvoicesLanguage() throws Exception {
        setup.uploadLogo(owner, BillingSettingsIT.png());
        Invoice english = invoices.issue(owner, draft(client("Acme Ltd", "GBP", "en", null, null), null,
                item("Setup", "1", "10.00", "VAT", "20")).id(), null);
        Invoice portuguese = invoices.issue(owner, draft(client("Padaria", "BRL", "pt-BR", null, null), null,
                item("Gestão", "1", "10.00", null, null)).id(), null);

        try (PDDocument doc = Loader.loadPDF(pdfs.render(ws.created().workspaceId(), english.id()))) {
            var catalog = doc.getDocumentCatalog();
            assertThat(catalog.getMarkInfo()).as("MarkInfo").isNotNull();
            assertThat(catalog.getMarkInfo().isMarked()).as("marked as tagged").isTrue();
            assertThat(catalog.getLanguage()).isEqualTo("en");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Invoice INV-2026-0001");
            assertThat(catalog.getViewerPreferences().displayDocTitle()).as("the title, not the file name, is shown")
                    .isTrue();
            String xmp = new String(catalog.getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).as("PDF/UA identification").contains("pdfuaid:part").contains("1");
            var root = catalog.getStructureTreeRoot();
            assertThat(root).as("structure tree").isNotNull();
            java.util.List<String> types = new java.util.ArrayList<>();
            java.util.List<String> alts = new java.util.ArrayList<>();
            walk(root.getKids(), types, alts);
            assertThat(types).contains("H1", "Table", "TH", "TD", "P", "Figure");
            assertThat(alts).contains("Logo of Ana Souza Assistência Virtual");
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(name).isEmbedded()).as("font %s embedded", name).isTrue();
                }
            }
        }
        try (PDDocument doc = Loader.loadPDF(pdfs.render(ws.created().workspaceId(), portuguese.id()))) {
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("pt-BR");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Fatura INV-2026-0002");
        }
    }

    private static void walk(java.util.List<Object> kids, java.util.List<String> types, java.util.List<String> alts) {
        for (Object kid : kids) {
            if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
                types.add(e.getStructureType());
                if (e.getAlternateDescription() != null) {
                    alts.add(e.getAlternateDescription());
                }
                walk(e.getKids(), types, alts);
            }
        }
    }
}
