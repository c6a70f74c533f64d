package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.ui.pages.SignInPage;
import app.clientdesk.ui.pages.ViewsPage;
import app.clientdesk.work.StageKind;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.Tasks;
import app.clientdesk.work.Workflows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Dragging a card on the board moves the task for good; work waiting for the client dragged on is put back. */
class BoardDragUIT extends BrowserTest {

    @Autowired Clients clients;
    @Autowired Tasks tasks;
    @Autowired UserDetailsService users;
    @Autowired Workflows workflows;

    @Test
    void aCardDraggedFromToDoToDoingStaysThereAfterReload() {
        String email = uniqueEmail("owner");
        newWorkspaceOwnedBy(email);
        ViewsFixture fixture = new ViewsFixture(clients, tasks, users);
        CurrentUser owner = fixture.owner(email);
        var client = fixture.client(owner, "Harbour Bakery", "Australia/Sydney");
        fixture.task(owner, client, "Write the newsletter", false, true, "2026-12-01", null, null);
        TaskId waiting = fixture.task(owner, client, "Book the photographer", true, true, null, null, null);
        var clientApproval = workflows.standard(owner.workspaceId()).stages().stream()
                .filter(s -> s.kind() == StageKind.CLIENT_APPROVAL).findFirst().orElseThrow();
        tasks.move(owner, waiting, clientApproval.id(), null);
        SignInPage.open(page, baseUrl()).signIn(email, PASSWORD);

        ViewsPage board = ViewsPage.open(page, baseUrl() + "/board");
        assertThat(board.list("To do").locator("li").count()).isEqualTo(1);
        assertThat(board.list("Waiting on client").innerText()).contains("Book the photographer");
        board.drag("Write the newsletter", "Doing");

        board.again();
        assertThat(board.list("Doing").innerText()).contains("Write the newsletter");
        assertThat(board.list("To do").innerText()).doesNotContain("Write the newsletter");

        // Work waiting in "Waiting on client" leaves only by an approval: the card comes back and the reason is said.
        board.drag("Book the photographer", "Done");
        assertThat(board.status()).contains("“Waiting on client” waits for the client");
        assertThat(board.list("Waiting on client").innerText()).contains("Book the photographer");
        board.again();
        assertThat(board.list("Done").locator("li").count()).isEqualTo(0);
        assertThat(board.list("Waiting on client").innerText()).contains("Book the photographer");

        // Work that needs no approval skips the client's stage: it goes straight to Done.
        board.drag("Write the newsletter", "Done");
        board.again();
        assertThat(board.list("Done").innerText()).contains("Write the newsletter");
        assertThat(board.list("Done").locator("li").count()).isEqualTo(1);
    }
}
