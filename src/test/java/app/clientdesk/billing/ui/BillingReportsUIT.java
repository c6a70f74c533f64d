package app.clientdesk.billing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.billing.DraftInput;
import app.clientdesk.billing.DraftInput.LineInput;
import app.clientdesk.billing.Invoice;
import app.clientdesk.billing.Invoices;
import app.clientdesk.billing.PaymentInput;
import app.clientdesk.billing.Payments;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.NewWorkspace;
import app.clientdesk.identity.WorkspaceCreated;
import app.clientdesk.ui.BrowserTest;
import app.clientdesk.ui.pages.SignInPage;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The owner reads the money reports in a browser: from a receivables amount to its invoices, and the share
 * warning. Every report page is photographed at 1280 and 390 pixels, in English and Portuguese, into
 * {@code -Dbillingreports.shots=DIR} (by default {@code /tmp/shots-reports}).
 */
class BillingReportsUIT extends BrowserTest {

    @Autowired Clients clients;
    @Autowired Invoices invoices;
    @Autowired Payments payments;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    private static ClientInput client(String name, String currency) {
        return new ClientInput(name, "ACTIVE", "Europe/London", currency, "en-GB", "GB", null, null, null,
                List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), "8", "EMAIL", "CHAT", "VIDEO", "EMAIL", null,
                null, List.of(), List.of());
    }

    /** A workspace (base BRL) with a year of invoices for three clients; returns the owner's email. */
    private String workspaceWithInvoices(String locale) {
        String email = uniqueEmail("rita");
        WorkspaceCreated created = workspaces.create(new NewWorkspace("Rita VA " + UUID.randomUUID().toString()
                .substring(0, 4), "Rita Owner", email, PASSWORD, "BRL", "America/Sao_Paulo", locale));
        CurrentUser owner = (CurrentUser) users.loadUserByUsername(email);
        ClientId padaria = clients.create(created.workspaceId(), client("Padaria Real", "BRL"));
        ClientId acme = clients.create(created.workspaceId(), client("Acme Ltd", "GBP"));
        ClientId nova = clients.create(created.workspaceId(), client("Nova Digital <b>Studio</b>", "BRL"));
        LocalDate today = invoices.today(created.workspaceId());
        for (int m = 11; m >= 0; m--) {
            LocalDate day = today.minusMonths(m).withDayOfMonth(Math.min(5, today.getDayOfMonth()));
            Invoice a = issue(owner, padaria, String.valueOf(3000 + m * 150) + ".00", day, 15);
            if (m > 2) {
                payments.record(owner, a.id(), new PaymentInput(a.total().plain(), null, null,
                        day.plusDays(m % 3 == 0 ? 25 : 10).toString(), "BANK", null, null, false), null);
            }
            if (m % 2 == 0) {
                Invoice b = issue(owner, acme, "400.00", day.plusDays(1), 30);
                if (m != 4) {
                    // through the module, so the revenue reports' monthly sums follow the rate
                    invoices.recordBaseRate(created.workspaceId(), b.id(), java.util.Currency.getInstance("BRL"),
                            new java.math.BigDecimal("6.8412"), b.issueDate());
                }
            }
            if (m % 3 == 1) {
                issue(owner, nova, "900.00", day.plusDays(2), 10);
            }
        }
        return email;
    }

    private Invoice issue(CurrentUser owner, ClientId client, String amount, LocalDate day, int netDays) {
        Invoice draft = invoices.createDraft(owner, new DraftInput(client.value().toString(), null,
                String.valueOf(netDays), null, null, null, null,
                List.of(new LineInput(null, "Monthly support", "1", null, amount, null, null, null))));
        return invoices.issue(owner, draft.id(), day);
    }

    @Test
    void anOwnerFollowsAnOverdueAmountToItsInvoicesAndSeesTheShareWarning() {
        String email = workspaceWithInvoices("en");
        SignInPage.open(page, baseUrl()).signIn(email, PASSWORD);
        page.navigate(baseUrl() + "/billing/reports");
        assertThat(page.locator("h1").innerText()).isEqualTo("Receivables by age");
        page.click("[data-total=over-90]");
        assertThat(page.url()).contains("bucket=over-90");
        assertThat(page.locator(".items-table tbody tr").count()).isPositive();
        page.navigate(baseUrl() + "/billing/reports/share");
        assertThat(page.locator(".billingreports-warning").innerText()).contains("Padaria Real brings in");
        page.fill("#threshold", "95");
        page.click(".billingreports-threshold button");
        assertThat(page.locator(".billingreports-warning").count()).isZero();

        Path folder = Paths.get(System.getProperty("billingreports.shots", "/tmp/shots-reports"));
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String language : new String[] {"en", "pt-BR"}) {
            String owner = language.equals("en") ? email : workspaceWithInvoices("pt-BR");
            for (int width : new int[] {1280, 390}) {
                BrowserContext ctx = width == 1280 ? newContext(language.equals("en") ? "en-US" : "pt-BR", 1280, 800)
                        : newPhoneContext();
                Page p = newPage(ctx);
                SignInPage.open(p, baseUrl()).signIn(owner, PASSWORD);
                String prefix = folder.resolve(language + "-" + width + "-").toString();
                for (String[] shot : new String[][] {{"1-ageing", "/billing/reports"},
                        {"2-items", "/billing/reports/ageing/invoices?bucket=1-30"},
                        {"3-revenue", "/billing/reports/revenue"}, {"4-late", "/billing/reports/late"},
                        {"5-share", "/billing/reports/share"}, {"6-forecast", "/billing/reports/forecast"},
                        {"7-export", "/billing/reports/export"}}) {
                    p.navigate(baseUrl() + shot[1]);
                    p.screenshot(new Page.ScreenshotOptions().setPath(Paths.get(prefix + shot[0] + ".png"))
                            .setFullPage(true));
                }
                ctx.close();
            }
        }
    }
}
