package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.ui.pages.SignInPage;
import app.clientdesk.ui.pages.ViewsPage;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.Tasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Dragging a card between the matrix's quadrants changes whether the task is urgent. */
class MatrixDragUIT extends BrowserTest {

    @Autowired Clients clients;
    @Autowired Tasks tasks;
    @Autowired UserDetailsService users;

    @Test
    void aCardDraggedFromDoToScheduleStaysThereAndIsNoLongerUrgent() {
        String email = uniqueEmail("owner");
        newWorkspaceOwnedBy(email);
        ViewsFixture fixture = new ViewsFixture(clients, tasks, users);
        CurrentUser owner = fixture.owner(email);
        var client = fixture.client(owner, "Harbour Bakery", "Australia/Sydney");
        TaskId id = fixture.task(owner, client, "Renew the domain", true, true, "2026-12-01", null, null);
        SignInPage.open(page, baseUrl()).signIn(email, PASSWORD);

        ViewsPage matrix = ViewsPage.open(page, baseUrl() + "/matrix");
        assertThat(matrix.list("Do").innerText()).contains("Renew the domain");
        matrix.drag("Renew the domain", "Schedule");
        // The card's buttons now offer the opposite of its new marks, before any reload.
        assertThat(matrix.card("Renew the domain").locator(".step-buttons button").allInnerTexts())
                .containsExactly("Urgent", "Not important");

        matrix.again();
        assertThat(matrix.card("Renew the domain").locator(".step-buttons button").allInnerTexts())
                .containsExactly("Urgent", "Not important");
        assertThat(matrix.list("Schedule").innerText()).contains("Renew the domain");
        assertThat(matrix.list("Do").locator("li").count()).isEqualTo(0);
        assertThat(tasks.get(owner, id).urgent()).isFalse();
        assertThat(tasks.get(owner, id).important()).isTrue();
    }
}
