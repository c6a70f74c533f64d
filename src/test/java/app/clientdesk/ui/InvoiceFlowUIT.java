package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.NewWorkspace;
import app.clientdesk.support.TestClock;
import app.clientdesk.time.RateInput;
import app.clientdesk.time.Rates;
import app.clientdesk.time.Rounding;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeEntryInput;
import app.clientdesk.ui.pages.InvoiceFormPage;
import app.clientdesk.ui.pages.InvoiceListPage;
import app.clientdesk.ui.pages.InvoicePage;
import app.clientdesk.ui.pages.SignInPage;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A VA bills a week of time: time logged → a new invoice → the week's time added with the client's rounding →
 * issued → a payment recorded (with a double click) → Paid. With {@code CLIENTDESK_SCREENSHOTS} (or
 * {@code -Dclientdesk.screenshots=true}) it leaves pictures of every screen at 1280 and 390 px in
 * {@code CLIENTDESK_SHOTS_DIR} (default {@code <build dir>/ui-review}).
 */
class InvoiceFlowUIT extends BrowserTest {

    private static final String HARBOUR = "Harbour Wellness Studio";

    @Autowired TestClock clock;
    @Autowired Clients clients;
    @Autowired Rates rates;
    @Autowired TimeEntries entries;
    @Autowired UserDetailsService users;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    private record Fixture(String email, CurrentUser owner, ClientId harbour) {
    }

    /** A workspace (BRL, São Paulo) with a client in GBP at £60 an hour, rounded up to 15 minutes, and a week of time. */
    private Fixture fixture() {
        return fixture("en");
    }

    private Fixture fixture(String locale) {
        clock.set(Instant.parse("2026-11-20T15:00:00Z"));
        String email = uniqueEmail("olga");
        workspaces.create(new NewWorkspace("Olga VA " + UUID.randomUUID().toString().substring(0, 4), "Olga Owner",
                email, PASSWORD, "BRL", "America/Sao_Paulo", locale));
        CurrentUser owner = (CurrentUser) users.loadUserByUsername(email);
        ClientId harbour = clients.create(owner, new ClientInput(HARBOUR, "ACTIVE", "Europe/London", "GBP", "en-GB",
                "GB", null, null, null, List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), "8", "EMAIL", "CHAT",
                "VIDEO", "EMAIL", null, null,
                List.of(new ClientInput.ContactInput(null, "Pat Lee", "pat@example.com", null, null, true)), List.of()));
        rates.set(owner, new RateInput("CLIENT", harbour.toString(), "GBP", "60"));
        entries.setRounding(owner, harbour, new Rounding(Rounding.Mode.UP, 15, Rounding.Scope.ENTRY));
        log(owner, harbour, "2026-11-16", "09:00", "10:07", "Inbox zero");
        log(owner, harbour, "2026-11-17", "14:00", "14:20", "Calendar <b>clean-up</b>");
        log(owner, harbour, "2026-11-18", "10:00", "10:30", "Next week");
        return new Fixture(email, owner, harbour);
    }

    private void log(CurrentUser owner, ClientId client, String day, String from, String to, String note) {
        entries.create(owner, TimeEntryInput.ofLocal(client.toString(), null, null, day, from, null, to,
                "America/Sao_Paulo", true, note, null));
    }

    @Test
    void aWeekOfTimeBecomesAnIssuedInvoiceThatIsPaidOnce() throws IOException {
        Fixture f = fixture();
        SignInPage.open(page, baseUrl()).signIn(f.email(), PASSWORD);

        InvoiceListPage list = InvoiceListPage.open(page, baseUrl());
        assertThat(list.heading()).isEqualTo("Invoices");
        assertThat(list.outstanding()).containsExactly("Nothing outstanding");
        shot(page, "list-empty");

        InvoiceFormPage form = list.newInvoice().client(HARBOUR).line(0, "Setup fee", "1", "50");
        assertThat(form.rows()).isEqualTo(3);
        form.line(3, "Spare", "1", "1").removeLine(3);
        assertThat(form.rows()).as("the removed row is hidden").isEqualTo(3);
        shot(page, "form");
        InvoicePage invoice = form.create();
        assertThat(invoice.notice()).isEqualTo("Draft invoice for " + HARBOUR + " created.");
        assertThat(invoice.status()).isEqualTo("Draft");
        assertThat(invoice.lines()).containsExactly("Setup fee · 1 · £50.00");

        invoice.openTimePicker();
        assertThat(invoice.roundingRule()).isEqualTo("Rounding: Billable time is rounded up to 15 minutes per entry.");
        assertThat(invoice.pickableEntries()).isEqualTo(3);
        assertThat(page.content()).contains("Calendar &lt;b&gt;clean-up&lt;/b&gt;");
        shot(page, "time");
        invoice.untick(2).groupBy("day").addTime();
        assertThat(invoice.notice()).isEqualTo("Added 2 entries as 2 lines.");
        // 1:07 → 1:15 and 0:20 → 0:30 at £60 an hour.
        assertThat(invoice.lines()).containsExactly("Setup fee · 1 · £50.00", "16 Nov 2026 · 1:15 · £75.00",
                "17 Nov 2026 · 0:30 · £30.00");
        assertThat(invoice.lineDetail(1)).contains("1:07", "1:15");
        assertThat(invoice.total("total")).isEqualTo("£155.00");
        shot(page, "draft");

        invoice.issue();
        assertThat(invoice.notice()).isEqualTo("Invoice INV-2026-0001 issued.");
        assertThat(invoice.heading()).isEqualTo("Invoice INV-2026-0001");
        assertThat(invoice.status()).isEqualTo("Issued");
        assertThat(invoice.total("due")).isEqualTo("£155.00");
        assertThat(invoice.rateFieldVisible()).as("the rate is asked only for another currency").isFalse();
        invoice.payIn("USD");
        assertThat(invoice.rateFieldVisible()).isTrue();
        invoice.payIn("GBP");
        shot(page, "issued");

        invoice.sendByEmail();
        // No SMTP server in this test: the email waits in the outbox, and the page says so.
        assertThat(invoice.notice()).contains("INV-2026-0001", "outbox");
        assertThat(invoice.status()).isEqualTo("Sent");
        assertThat(invoice.deliveries()).singleElement().asString().contains("Invoice INV-2026-0001", "Waiting");
        shot(page, "sent");

        invoice.recordPaymentDoubleClick("155.00");
        assertThat(invoice.status()).isEqualTo("Paid");
        assertThat(invoice.payments()).as("a double click records one payment").isEqualTo(1);
        assertThat(invoice.total("due")).isEqualTo("£0.00");
        assertThat(invoice.history()).anyMatch(h -> h.contains("Issued as INV-2026-0001"))
                .anyMatch(h -> h.contains("Invoice email to ") && h.contains("waiting in the outbox")).anyMatch(h -> h.contains("Payment of 155.00 GBP"));
        shot(page, "paid");

        list = InvoiceListPage.open(page, baseUrl()).tab("Paid");
        assertThat(list.rows()).containsExactly("INV-2026-0001 · " + HARBOUR + " · Paid");
        shot(page, "list");
        page.navigate(baseUrl() + "/clients/" + f.harbour());
        shot(page, "client");
    }

    @Autowired app.clientdesk.billing.Expenses expenses;

    @Test
    void unbilledExpensesAreAddedToADraftAtCost() {
        Fixture f = fixture();
        expenses.create(f.owner(), new app.clientdesk.billing.ExpenseInput(f.harbour().toString(), null, "2026-11-17",
                "Stock photos", null, "24.99", null, true), null);
        expenses.create(f.owner(), new app.clientdesk.billing.ExpenseInput(f.harbour().toString(), null, "2026-11-18",
                "Courier", null, "8.40", null, true), null);
        expenses.create(f.owner(), new app.clientdesk.billing.ExpenseInput(f.harbour().toString(), null, "2026-11-18",
                "Taxi", null, "12.00", null, false), null); // not billable: never offered
        SignInPage.open(page, baseUrl()).signIn(f.email(), PASSWORD);
        InvoicePage invoice = InvoiceListPage.open(page, baseUrl()).newInvoice().client(HARBOUR)
                .line(0, "Setup fee", "1", "50").create();

        invoice.openExpensePicker();
        assertThat(invoice.heading()).isEqualTo("Add unbilled expenses");
        assertThat(invoice.listedExpenses()).containsExactly("Stock photos · £24.99", "Courier · £8.40");
        assertThat(invoice.pickableExpenses()).isEqualTo(2);
        invoice.untickExpense("Courier").addExpenses();

        assertThat(invoice.notice()).isEqualTo("Added 1 expense.");
        assertThat(invoice.lines()).containsExactly("Setup fee · 1 · £50.00", "Stock photos · 1 · £24.99");
        assertThat(invoice.total("total")).isEqualTo("£74.99");
        invoice.openExpensePicker();
        assertThat(invoice.listedExpenses()).as("the billed one is no longer offered")
                .noneMatch(e -> e.startsWith("Stock photos")).anyMatch(e -> e.startsWith("Courier"));
    }

    @Test
    void onAPhoneEveryInvoiceScreenFitsTheWidth() throws IOException {
        Fixture f = fixture();
        BrowserContext phone = newPhoneContext();
        try {
            Page onPhone = newPage(phone);
            SignInPage.open(onPhone, baseUrl()).signIn(f.email(), PASSWORD);
            InvoiceListPage list = InvoiceListPage.open(onPhone, baseUrl());
            InvoicePage invoice = list.newInvoice().client(HARBOUR).line(0, "Setup fee", "1", "50").create();
            String draftUrl = onPhone.url();
            onPhone.navigate(draftUrl + "/edit");
            assertThat(list.fitsTheScreenWidth()).as("draft form at 390px").isTrue();
            shot(onPhone, "phone-form");
            invoice = InvoicePage.open(onPhone, baseUrl(), draftUrl.substring(draftUrl.lastIndexOf('/') + 1));
            invoice.openTimePicker();
            assertThat(invoice.fitsTheScreenWidth()).as("time picker at 390px").isTrue();
            shot(onPhone, "phone-time");
            invoice.addTime();
            assertThat(invoice.fitsTheScreenWidth()).as("draft at 390px").isTrue();
            shot(onPhone, "phone-draft");
            invoice.issue();
            assertThat(invoice.fitsTheScreenWidth()).as("issued invoice at 390px").isTrue();
            shot(onPhone, "phone-issued");
            list = InvoiceListPage.open(onPhone, baseUrl());
            assertThat(list.fitsTheScreenWidth()).as("list at 390px").isTrue();
            shot(onPhone, "phone-list");
            onPhone.navigate(baseUrl() + "/clients/" + f.harbour());
            assertThat(list.fitsTheScreenWidth()).as("client page at 390px").isTrue();
            shot(onPhone, "phone-client");
        } finally {
            phone.close();
        }
    }

    @Test
    void inPortuguese() throws IOException {
        Fixture f = fixture("pt-BR");
        BrowserContext desktop = newContext("pt-BR", 1280, 800);
        try {
            Page wide = newPage(desktop);
            SignInPage.open(wide, baseUrl()).signIn(f.email(), PASSWORD);
            InvoicePage invoice = InvoiceListPage.open(wide, baseUrl()).newInvoice().client(HARBOUR)
                    .line(0, "Configuração", "1", "50,00").create();
            assertThat(invoice.heading()).isEqualTo("Fatura (rascunho)");
            assertThat(invoice.status()).isEqualTo("Rascunho");
            invoice.openTimePicker();
            assertThat(invoice.roundingRule()).startsWith("Arredondamento: O tempo faturável é arredondado");
            shot(wide, "pt-time");
            invoice.addTime();
            assertThat(invoice.notice()).isEqualTo("3 lançamentos adicionados em 1 linha.");
            invoice.issue();
            assertThat(invoice.heading()).isEqualTo("Fatura INV-2026-0001");
            assertThat(invoice.total("due").replace('\u00a0', ' ')).isEqualTo("£ 185,00");
            shot(wide, "pt-issued");
            InvoiceListPage list = InvoiceListPage.open(wide, baseUrl());
            assertThat(list.outstanding()).map(m -> m.replace('\u00a0', ' ')).containsExactly("£ 185,00");
            assertThat(list.rows()).containsExactly("INV-2026-0001 · " + HARBOUR + " · Emitida");
            shot(wide, "pt-list");
        } finally {
            desktop.close();
        }
    }

    private static void shot(Page on, String name) throws IOException {
        if (!Boolean.getBoolean("clientdesk.screenshots") && System.getenv("CLIENTDESK_SCREENSHOTS") == null) {
            return;
        }
        String dir = System.getenv("CLIENTDESK_SHOTS_DIR");
        Path folder = dir == null || dir.isBlank() ? buildDirectory().resolve("ui-review") : Paths.get(dir);
        Files.createDirectories(folder);
        on.evaluate("() => { if (document.activeElement && document.activeElement.blur) document.activeElement.blur(); window.scrollTo(0, 0); }");
        on.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve("invoices-" + name + ".png")).setFullPage(true));
    }
}
