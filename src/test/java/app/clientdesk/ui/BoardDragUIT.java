package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.ui.pages.SignInPage;
import app.clientdesk.ui.pages.ViewsPage;
import app.clientdesk.work.Tasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Dragging a card on the board moves the task for good; a drag past the client's approval is put back. */
class BoardDragUIT extends BrowserTest {

    @Autowired Clients clients;
    @Autowired Tasks tasks;
    @Autowired UserDetailsService users;

    @Test
    void aCardDraggedFromToDoToDoingStaysThereAfterReload() {
        String email = uniqueEmail("owner");
        newWorkspaceOwnedBy(email);
        ViewsFixture fixture = new ViewsFixture(clients, tasks, users);
        CurrentUser owner = fixture.owner(email);
        var client = fixture.client(owner, "Harbour Bakery", "Australia/Sydney");
        fixture.task(owner, client, "Write the newsletter", false, true, "2026-12-01", null, null);
        fixture.task(owner, client, "Book the photographer", true, true, null, null, null);
        SignInPage.open(page, baseUrl()).signIn(email, PASSWORD);

        ViewsPage board = ViewsPage.open(page, baseUrl() + "/board");
        assertThat(board.list("To do").locator("li").count()).isEqualTo(2);
        board.drag("Write the newsletter", "Doing");

        board.again();
        assertThat(board.list("Doing").innerText()).contains("Write the newsletter");
        assertThat(board.list("To do").innerText()).doesNotContain("Write the newsletter");

        // Past "Waiting on client" no drag goes: the card comes back and the reason is said.
        board.drag("Book the photographer", "Done");
        assertThat(board.status()).contains("waits for the client");
        assertThat(board.list("To do").innerText()).contains("Book the photographer");
        board.again();
        assertThat(board.list("Done").locator("li").count()).isEqualTo(0);
    }
}
