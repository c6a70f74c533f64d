package app.clientdesk.support;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.ApiTokens;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.NewWorkspace;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceCreated;
import app.clientdesk.identity.Workspaces;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Base of every {@code *IT}: the whole application on a real database (H2, or PostgreSQL in the
 * second Failsafe run), driven through MockMvc with the real security filters. Each test makes its own
 * workspace with unique emails, so tests never see each other's data.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDatabaseConfiguration.class)
@ExtendWith(TestDatabase.class)
public abstract class IntegrationTest {

    public static final String PASSWORD = "correct horse battery";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired protected MockMvc mvc;
    @Autowired protected TestClock clock;
    @Autowired protected Workspaces workspaces;
    @Autowired protected Accounts accounts;
    @Autowired protected Clients clients;
    @Autowired protected ApiTokens apiTokens;
    @Autowired protected UserDetailsService userDetails;

    @org.junit.jupiter.api.AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /** A workspace with its owner, signed in as {@link #owner}. */
    public record TestWorkspace(WorkspaceCreated created, CurrentUser owner) {
        public UUID id() {
            return created.workspaceId().value();
        }
    }

    protected static String uniqueEmail(String who) {
        return who + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    protected TestWorkspace newWorkspace() {
        return newWorkspace("Test VA " + UUID.randomUUID().toString().substring(0, 6), "en");
    }

    protected TestWorkspace newWorkspace(String name, String locale) {
        WorkspaceCreated created = workspaces.create(new NewWorkspace(name, "Owner", uniqueEmail("owner"), PASSWORD,
                "BRL", "America/Sao_Paulo", locale));
        return new TestWorkspace(created, principal(created.ownerEmail()));
    }

    protected CurrentUser principal(String email) {
        return (CurrentUser) userDetails.loadUserByUsername(email);
    }

    protected CurrentUser addMember(TestWorkspace workspace) {
        String email = uniqueEmail("member");
        accounts.add(workspace.created().workspaceId(), Role.MEMBER, "Member", email, PASSWORD, "en",
                "America/Sao_Paulo", null);
        return principal(email);
    }

    protected CurrentUser addClientContact(TestWorkspace workspace, ClientId client) {
        String email = uniqueEmail("contact");
        accounts.add(workspace.created().workspaceId(), Role.CLIENT, "Contact", email, PASSWORD, "en",
                "Europe/London", client.value());
        return principal(email);
    }

    protected ClientId createClient(TestWorkspace workspace, String name, UserId... members) {
        return clients.create(workspace.owner(), clientInput(name,
                List.of(members).stream().map(UserId::value).toList()));
    }

    protected static ClientInput clientInput(String name, List<UUID> memberIds) {
        return new ClientInput(name, "ACTIVE", "Europe/London", "GBP", "en-GB", "GB", "https://example.com",
                null, null, List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), "8", "EMAIL", "CHAT",
                "VIDEO", "EMAIL", null, null,
                List.of(new ClientInput.ContactInput(null, "Primary Person", "primary@example.com", null, "CEO", true)),
                memberIds);
    }

    protected String tokenFor(CurrentUser user) {
        return apiTokens.create(accounts.find(user.workspaceId(), user.id()).orElseThrow(), "test").token();
    }
}
