package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.time.RateInput;
import app.clientdesk.time.Rates;
import app.clientdesk.time.Rounding;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeEntryInput;
import app.clientdesk.ui.pages.SignInPage;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The time report of a month of a small agency, on a desktop and on a phone, in English and in Portuguese:
 * the figures and charts are there, nothing sticks out sideways on the phone, the custom dates switch the
 * range to "custom", and screenshots land in /tmp/reports-*.png for a person to look at.
 */
class TimeReportsUIT extends BrowserTest {

    private static final String MONTH = "from=2026-11-01&to=2026-11-30";

    @Autowired Clients clients;
    @Autowired Accounts accounts;
    @Autowired Tasks tasks;
    @Autowired TimeEntries entries;
    @Autowired Rates rates;
    @Autowired UserDetailsService users;

    @Test
    void theReportOfAMonthReadsWellOnADesktopAndAPhoneInBothLanguages() {
        String email = uniqueEmail("owner");
        newWorkspaceOwnedBy(email);
        CurrentUser owner = (CurrentUser) users.loadUserByUsername(email);
        String memberEmail = uniqueEmail("joana");
        accounts.add(owner.workspaceId(), Role.MEMBER, "Joana Araújo", memberEmail, PASSWORD, "pt-BR",
                "America/Sao_Paulo", null);
        CurrentUser joana = (CurrentUser) users.loadUserByUsername(memberEmail);
        ClientId bakery = client(owner, "Harbour Bakery", "GBP", List.of(joana.id().value()));
        ClientId legal = client(owner, "Thames Legal Partners", "GBP", List.of());
        ClientId studio = client(owner, "Estúdio Pilates São João", "BRL", List.of(joana.id().value()));
        rates.set(owner, new RateInput("WORKSPACE", null, "GBP", "35"));
        rates.set(owner, new RateInput("CLIENT", legal.value().toString(), "GBP", "60"));
        rates.set(owner, new RateInput("WORKSPACE", null, "BRL", "95"));
        entries.setRounding(owner, bakery, new Rounding(Rounding.Mode.UP, 15, Rounding.Scope.ENTRY));
        entries.setRounding(owner, studio, new Rounding(Rounding.Mode.NEAREST, 6, Rounding.Scope.DAY));
        String[][] bakeryWork = {{"Reply to supplier emails", "email"}, {"Schedule Instagram posts", "social"},
                {"Chase unpaid invoices", "invoice"}};
        String[][] legalWork = {{"Prepare the monthly invoice pack", "invoice"}, {"Research Edinburgh venues", "research"}};
        List<TaskId> studioTasks = List.of(task(owner, studio, "Responder e-mails de alunos", "email", null),
                task(owner, studio, "Atualizar a agenda de aulas", "scheduling", null));
        Random random = new Random(4);
        for (int day = 2; day <= 27; day++) {
            LocalDate date = LocalDate.of(2026, 11, day);
            if (date.getDayOfWeek().getValue() > 5) {
                continue;
            }
            LocalTime at = LocalTime.of(8, 30);
            for (int i = 0; i < 3; i++) {
                int minutes = 15 + 5 * random.nextInt(18);
                boolean forLegal = random.nextInt(3) == 0;
                // A task a sitting, estimated a little short as people do; emails and research more so.
                String[] work = forLegal ? legalWork[random.nextInt(2)] : bakeryWork[random.nextInt(3)];
                double optimism = work[1].equals("research") ? 0.6 : work[1].equals("email") ? 0.8 : 0.95;
                int estimate = Math.max(5, (int) Math.round(minutes * optimism * (0.8 + random.nextDouble() * 0.4) / 5) * 5);
                TaskId t = task(owner, forLegal ? legal : bakery, work[0], work[1], Integer.toString(estimate));
                log(owner, forLegal ? legal : bakery, t, date, at, minutes, random.nextInt(5) != 0,
                        random.nextInt(4) == 0 ? List.of("urgent") : List.of());
                at = at.plusMinutes(minutes + 10);
            }
            log(joana, studio, studioTasks.get(random.nextInt(2)), date, LocalTime.of(9, 0), 20 + random.nextInt(50),
                    true, random.nextBoolean() ? List.of("retainer") : List.of());
            log(joana, bakery, null, date, LocalTime.of(11, 0), 25, random.nextInt(4) != 0, List.of());
        }

        SignInPage.open(page, baseUrl()).signIn(email, PASSWORD);
        page.navigate(baseUrl() + "/time/reports?" + MONTH + "&group=client&then=type");
        assertThat(page.locator("main h1").innerText()).isEqualTo("Time reports");
        assertThat(page.locator(".report-table tbody tr.report-line").count()).isEqualTo(3);
        assertThat(page.locator("svg.days-chart rect").count()).isPositive();
        assertThat(page.locator("svg.bars-chart title").textContent()).isEqualTo("Hours by client");
        assertThat(page.locator("#rounding-note").innerText()).contains("Harbour Bakery: Rounded up to 15 min, each entry");
        shot(page, "/tmp/reports-en-desktop.png");

        // Dates the wrong way round: the page says so, with the filters as they were.
        page.navigate(baseUrl() + "/time/reports?from=2026-11-30&to=2026-11-01&group=client");
        assertThat(page.locator("#report-errors").innerText()).contains("The start date must be on or before the end date.");
        assertThat(page.locator("#r-to").getAttribute("aria-invalid")).isEqualTo("true");
        shot(page, "/tmp/reports-en-error.png");

        // Editing a date makes the range "custom" before the form goes.
        page.locator("#r-range").selectOption("this-month");
        page.locator("#r-from").fill("2026-11-09");
        page.locator("#r-from").dispatchEvent("change");
        assertThat(page.locator("#r-range").inputValue()).isEqualTo("custom");

        BrowserContext phone = newPhoneContext();
        Page small = newPage(phone);
        SignInPage.open(small, baseUrl()).signIn(email, PASSWORD);
        small.navigate(baseUrl() + "/time/reports?" + MONTH + "&group=client&then=type");
        shot(small, "/tmp/reports-en-phone.png");
        assertThat(fits(small)).as("the report on a phone").isTrue();

        // The same report in Portuguese, by the language switch in the header.
        small.waitForNavigation(() -> small.locator("form.lang-switch button[value='pt-BR']").click());
        small.navigate(baseUrl() + "/time/reports?" + MONTH + "&group=type");
        assertThat(small.locator("main h1").innerText()).isEqualTo("Relatórios de tempo");
        shot(small, "/tmp/reports-pt-phone.png");
        assertThat(fits(small)).as("the report on a phone, in Portuguese").isTrue();
        phone.close();

        page.waitForNavigation(() -> page.locator("form.lang-switch button[value='pt-BR']").click());
        page.navigate(baseUrl() + "/time/reports?" + MONTH + "&group=member&then=client");
        Locator estimates = page.locator(".report-estimates");
        assertThat(estimates.innerText()).contains("Estimativas e tempo real");
        shot(page, "/tmp/reports-pt-desktop.png");

        // A member sees their own time only, and no choice of person.
        BrowserContext hers = newContext("pt-BR", 1280, 800);
        Page herPage = newPage(hers);
        SignInPage.open(herPage, baseUrl()).signIn(memberEmail, PASSWORD);
        herPage.navigate(baseUrl() + "/time/reports?" + MONTH);
        assertThat(herPage.locator("#r-member").count()).isZero();
        assertThat(herPage.locator(".report-table").innerText()).contains("Estúdio Pilates São João")
                .doesNotContain("Thames Legal Partners");
        hers.close();
    }

    private static boolean fits(Page p) {
        return (Boolean) p.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");
    }

    /** The whole page, and for a long one also its parts a screen or two high, easier to look at. */
    private static void shot(Page p, String path) {
        p.screenshot(new Page.ScreenshotOptions().setPath(Paths.get(path)).setFullPage(true));
        double height = ((Number) p.evaluate("() => document.documentElement.scrollHeight")).doubleValue();
        double width = ((Number) p.evaluate("() => document.documentElement.clientWidth")).doubleValue();
        double part = width < 600 ? 1400 : 1600;
        for (int i = 0; i * part < height && height > part; i++) {
            p.screenshot(new Page.ScreenshotOptions().setPath(Paths.get(path.replace(".png", "-" + (i + 1) + ".png")))
                    .setFullPage(true).setClip(0, i * part, width, Math.min(part, height - i * part)));
        }
    }

    private ClientId client(CurrentUser owner, String name, String currency, List<UUID> members) {
        return clients.create(owner, new ClientInput(name, "ACTIVE", "Europe/London", currency, "en-GB", "GB",
                null, null, null, List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), "8", "EMAIL", "CHAT",
                "VIDEO", "EMAIL", null, null,
                List.of(new ClientInput.ContactInput(null, "Primary Person", "primary@example.com", null, "CEO", true)),
                members));
    }

    private TaskId task(CurrentUser owner, ClientId client, String title, String type, String estimate) {
        return tasks.create(owner, new TaskInput(title, null, client.value().toString(), null, null, false, false,
                null, null, null, estimate, null, type, null, null, List.of(), null, null, List.of()));
    }

    private void log(CurrentUser who, ClientId client, TaskId task, LocalDate day, LocalTime at, int minutes,
            boolean billable, List<String> tags) {
        entries.create(who, TimeEntryInput.ofLocal(client.value().toString(), null, task == null ? null : task.value().toString(),
                day.toString(), at.toString(), null, at.plusMinutes(minutes).toString(), "America/Sao_Paulo", billable,
                null, tags));
    }
}
