package app.clientdesk.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.support.IntegrationTest;
import app.clientdesk.support.QueryCounts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The clients list reads one page: the same statements and rows for a workspace of 60 clients as of 120. */
class ClientsPageQueriesIT extends IntegrationTest {

    @Test
    void theListCostsTheSameForTwiceTheClients() throws Exception {
        TestWorkspace small = workspaceWith(60);
        TestWorkspace large = workspaceWith(120);

        QueryCounts.Counts smallCounts = QueryCounts.during(() -> mvc.perform(get("/clients").with(user(small.owner())))
                .andExpect(status().isOk()));
        QueryCounts.Counts largeCounts = QueryCounts.during(() -> mvc.perform(get("/clients").with(user(large.owner())))
                .andExpect(status().isOk()));

        assertThat(smallCounts.rows()).as("the page reads its rows").isGreaterThanOrEqualTo(50);
        assertThat(largeCounts.statements()).as(largeCounts.toString()).isEqualTo(smallCounts.statements());
        assertThat(largeCounts.rows()).as(largeCounts.toString()).isEqualTo(smallCounts.rows());
        assertThat(largeCounts.statements()).as(largeCounts.toString()).isLessThanOrEqualTo(15);
    }

    private TestWorkspace workspaceWith(int clientCount) {
        TestWorkspace ws = newWorkspace();
        for (int i = 0; i < clientCount; i++) {
            clients.create(ws.owner(), clientInput("Client " + i, List.of()));
        }
        return ws;
    }
}
