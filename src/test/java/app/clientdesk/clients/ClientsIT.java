package app.clientdesk.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violation;
import app.clientdesk.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientsIT extends IntegrationTest {

    @Test
    void ownerCreatesAClientWithContactsAndFindsItBySearch() {
        TestWorkspace ws = newWorkspace();
        ClientId id = createClient(ws, "Thames Legal");

        Client client = clients.get(ws.owner(), id);
        assertThat(client.name()).isEqualTo("Thames Legal");
        assertThat(client.contacts()).singleElement().satisfies(c -> assertThat(c.primary()).isTrue());
        assertThat(clients.search(ws.owner(), new ClientQuery("primary@", null, false, 0, 50)).clients())
                .extracting(ClientSummary::name).containsExactly("Thames Legal");
    }

    @Test
    void invalidClientIsRefusedWithEveryBrokenRuleAndNothingIsSaved() {
        TestWorkspace ws = newWorkspace();
        ClientInput bad = new ClientInput("", "ACTIVE", "Mars/Olympus", "XYZ", "en", "ZZ", "not a url", null, null,
                List.of(new ClientInput.Day("MONDAY", "17:00", "09:00")), "0", null, null, null, null, null, null,
                List.of(new ClientInput.ContactInput(null, "Ann", "not-an-email", null, null, true)), List.of());

        assertThatThrownBy(() -> clients.create(ws.owner(), bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .contains("name", "timeZone", "currency", "country", "website", "businessHours[0].end",
                                "responseTimeHours", "contacts[0].email"));
        assertThat(clients.hasAny(ws.created().workspaceId())).isFalse();
    }

    @Test
    void memberSeesOnlyAssignedClientsAndAnotherWorkspaceSeesNone() {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        ClientId assigned = createClient(ws, "Assigned Co", member.id());
        ClientId other = createClient(ws, "Other Co");

        assertThat(clients.search(member, new ClientQuery(null, null, false, 0, 50)).clients())
                .extracting(ClientSummary::id).containsExactly(assigned);
        assertThat(clients.find(member, other)).isEmpty();

        TestWorkspace stranger = newWorkspace();
        assertThat(clients.find(stranger.owner(), assigned)).isEmpty();
        assertThat(clients.search(stranger.owner(), new ClientQuery(null, null, false, 0, 50)).total()).isZero();
    }

    @Test
    void archivedClientsLeaveTheListAndComeBackOnRestore() {
        TestWorkspace ws = newWorkspace();
        ClientId id = createClient(ws, "Paused Ltd");

        clients.archive(ws.owner(), id);
        assertThat(clients.search(ws.owner(), new ClientQuery(null, null, false, 0, 50)).total()).isZero();
        assertThat(clients.search(ws.owner(), new ClientQuery(null, null, true, 0, 50)).total()).isOne();

        clients.restore(ws.owner(), id);
        assertThat(clients.get(ws.owner(), id).archived()).isFalse();
    }
}
