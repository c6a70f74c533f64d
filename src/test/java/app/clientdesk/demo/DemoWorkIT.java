package app.clientdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.work.Projects;
import app.clientdesk.work.StageKind;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskEvent;
import app.clientdesk.work.TaskQuery;
import app.clientdesk.work.Tasks;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "Load demo data" gives an empty workspace work to look at in every view. */
class DemoWorkIT extends IntegrationTest {

    @Autowired Tasks tasks;
    @Autowired Projects projects;

    @Test
    void theDemoButtonLoadsProjectsAndTasksInEveryStateAViewShows() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);

        mvc.perform(post("/demo").with(user(ws.owner())).with(csrf()));

        CurrentUser owner = ws.owner();
        LocalDate today = LocalDate.now(owner.zone());
        List<Task> all = tasks.search(owner, TaskQuery.all());
        assertThat(all).hasSizeGreaterThanOrEqualTo(15);
        assertThat(projects.list(owner, null, true)).extracting(p -> p.workflowName()).contains("Social media");
        assertThat(all).filteredOn(t -> t.stage().kind() == StageKind.CLIENT_APPROVAL && t.projectId() != null)
                .isNotEmpty();
        assertThat(all).filteredOn(t -> t.stage().kind() == StageKind.REVIEW)
                .singleElement().satisfies(t -> assertThat(t.assigneeId()).isEqualTo(member.id()));
        assertThat(all).filteredOn(Task::completed).isNotEmpty();
        assertThat(all).filteredOn(t -> t.recurrence() != null).isNotEmpty();
        assertThat(all).filteredOn(t -> t.due() != null && t.due().date().isBefore(today) && !t.completed())
                .isNotEmpty();
        assertThat(all).filteredOn(t -> t.due() != null && t.due().date().equals(today)).isNotEmpty();
        assertThat(all).filteredOn(t -> t.due() != null && t.due().date().isAfter(today.plusDays(7))).isNotEmpty();
        assertThat(all).extracting(Task::quadrant).contains(app.clientdesk.work.Quadrant.values());
        assertThat(all).filteredOn(t -> t.checklistTotal() > 0 && t.checklistDone() > 0).isNotEmpty();
        assertThat(all).anySatisfy(t -> assertThat(tasks.comments(owner, t.id())).isNotEmpty());
        assertThat(all).anySatisfy(t -> assertThat(tasks.history(owner, t.id()))
                .anySatisfy(e -> assertThat(e.kind() == TaskEvent.Kind.APPROVED && e.onBehalfOfClient()).isTrue()));
        assertThat(tasks.search(member, TaskQuery.all())).as("the member's view")
                .isNotEmpty().allSatisfy(t -> assertThat(t.clientName()).isEqualTo("Harbour Wellness Studio"));
    }

    @Autowired app.clientdesk.time.TimeEntries timeEntries;

    @Test
    void theDemoHasThreeWeeksOfPricedTimeByBothPeople() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);

        mvc.perform(post("/demo").with(user(ws.owner())).with(csrf()));

        CurrentUser owner = ws.owner();
        LocalDate today = LocalDate.now(owner.zone());
        var query = app.clientdesk.time.TimeQuery.between(today.minusDays(21), today);
        List<app.clientdesk.time.TimeEntry> time = timeEntries.search(owner, query);
        assertThat(time).hasSizeGreaterThan(40);
        assertThat(time).extracting(e -> e.userId()).contains(owner.id(), member.id());
        assertThat(time).filteredOn(e -> !e.billable()).isNotEmpty();
        assertThat(time).filteredOn(e -> e.clientName().startsWith("Thames"))
                .allSatisfy(e -> assertThat(e.rate()).hasToString("32.50 GBP"));
        assertThat(time).filteredOn(e -> e.taskId() != null).isNotEmpty();
        assertThat(timeEntries.search(member, query)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.userId()).isEqualTo(member.id()));
    }

    @Autowired app.clientdesk.billing.Services services;
    @Autowired app.clientdesk.billing.Expenses expenses;
    @Autowired app.clientdesk.billing.Retainers retainers;
    @Autowired app.clientdesk.billing.RecurringInvoices recurring;
    @Autowired app.clientdesk.billing.BillingSetup billingSetup;

    @Test
    void theDemoFillsTheServicesExpensesRetainersAndRecurringInvoicesScreens() throws Exception {
        TestWorkspace ws = newWorkspace();

        mvc.perform(post("/demo").with(user(ws.owner())).with(csrf()));

        CurrentUser owner = ws.owner();
        assertThat(services.list(owner, false)).extracting(s -> s.model().name())
                .containsExactlyInAnyOrder("HOURLY", "FIXED", "RETAINER");
        var spent = expenses.list(owner, app.clientdesk.billing.ExpenseQuery.all());
        assertThat(spent.total()).isEqualTo(4);
        assertThat(spent.items()).anySatisfy(e -> assertThat(e.billable()).isFalse());
        assertThat(retainers.list(owner)).singleElement()
                .satisfies(r -> assertThat(r.startsOn()).isEqualTo(LocalDate.now(clock.withZone(r.zone()))));
        assertThat(recurring.list(owner)).hasSize(1);
    }

    @Test
    void theDemoLoadsWhenItIsAlreadyTomorrowInSydney() throws Exception {
        // 13:30 UTC: 7 December for the owner, 8 December for Harbour (Sydney), whose retainer begins on its own today.
        clock.set(java.time.Instant.parse("2026-12-07T13:30:00Z"));
        TestWorkspace ws = newWorkspace();

        mvc.perform(post("/demo").with(user(ws.owner())).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection());

        assertThat(retainers.list(ws.owner())).singleElement()
                .satisfies(r -> assertThat(r.startsOn()).isEqualTo(LocalDate.parse("2026-12-08")));
    }

    @Test
    void theDemoButtonMakesTheDemoInTheOwnersLanguage() throws Exception {
        TestWorkspace english = newWorkspace("English VA", "en");
        TestWorkspace portuguese = newWorkspace("VA brasileira", "pt-BR");

        mvc.perform(post("/demo").with(user(english.owner())).with(csrf()));
        mvc.perform(post("/demo").with(user(portuguese.owner())).with(csrf()));

        assertThat(tasks.search(english.owner(), TaskQuery.all())).extracting(Task::title)
                .contains("Format the Whitmore contract").doesNotContain("Formatar o contrato Whitmore");
        assertThat(billingSetup.get(english.owner()).defaultNotes()).isEqualTo("Thank you for working with me!");
        assertThat(clients.choices(english.owner()).stream().map(c -> clients.get(english.owner(), c.id()).notes()))
                .contains("Discovery call booked for next week.")
                .doesNotContain("Chamada de descoberta marcada para a próxima semana.");

        assertThat(tasks.search(portuguese.owner(), TaskQuery.all())).extracting(Task::title)
                .contains("Formatar o contrato Whitmore").doesNotContain("Format the Whitmore contract");
        assertThat(projects.list(portuguese.owner(), null, true)).extracting(p -> p.workflowName()).contains("Redes sociais");
        assertThat(billingSetup.get(portuguese.owner()).defaultNotes()).isEqualTo("Obrigada pela parceria!");
    }

    @Autowired app.clientdesk.requests.Requests requests;
    @Autowired app.clientdesk.notifications.Notifications notifications;

    @Test
    void theDemoFillsTheRequestInboxAndTellsWhoAnswersOfTheRequestsAtRiskAndBreached() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);

        mvc.perform(post("/demo").with(user(ws.owner())).with(csrf()));

        var inbox = requests.inbox(ws.owner(), app.clientdesk.requests.RequestFilter.all()).items();
        assertThat(inbox).extracting(r -> r.clientName()).contains("Harbour Wellness Studio",
                "Thames Legal Partners", "Hudson Street Bakery", "Café Paulista Exportadora");
        assertThat(inbox).extracting(r -> r.source()).contains(app.clientdesk.requests.RequestSource.values());
        assertThat(inbox).extracting(r -> r.state()).contains(app.clientdesk.requests.RequestState.OPEN,
                app.clientdesk.requests.RequestState.WAITING_ON_CLIENT, app.clientdesk.requests.RequestState.CLOSED);
        assertThat(inbox).filteredOn(r -> r.slaState() == app.clientdesk.sla.SlaState.AT_RISK).extracting(
                r -> r.subject()).containsExactly("Move Thursday's yoga workshop to Saturday");
        assertThat(inbox).filteredOn(r -> r.slaState() == app.clientdesk.sla.SlaState.BREACHED).extracting(
                r -> r.subject()).containsExactly("Diary clash on the 14th");
        assertThat(inbox).filteredOn(r -> r.slaState() == app.clientdesk.sla.SlaState.MET).hasSizeGreaterThanOrEqualTo(4);
        assertThat(inbox).filteredOn(r -> r.taskId() != null).singleElement()
                .satisfies(r -> assertThat(tasks.get(member, r.taskId()).assigneeId()).isEqualTo(member.id()));

        // The owner hears of both; the member assigned to Harbour Wellness of its request only.
        assertThat(notifications.unread(ws.owner())).isEqualTo(2);
        assertThat(notifications.unread(member)).isEqualTo(1);
        assertThat(notifications.page(member, null).items()).singleElement()
                .satisfies(n -> assertThat(n.link()).startsWith("/requests/"));
        String inboxPage = mvc.perform(get("/requests").with(user(ws.owner()))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(inboxPage).contains("Diary clash on the 14th", "Wholesale order for the deli on 9th Avenue",
                "Notifications, 2 unread");
    }
}
