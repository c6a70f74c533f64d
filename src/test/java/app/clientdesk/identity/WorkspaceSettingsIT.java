package app.clientdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class WorkspaceSettingsIT extends IntegrationTest {

    @Test
    void ownerRenamesTheBusinessAndChangesItsBaseCurrency() throws Exception {
        TestWorkspace ws = newWorkspace();

        mvc.perform(post("/settings/workspace").with(user(ws.owner())).with(csrf())
                        .param("name", "Ana Souza VA Ltda").param("baseCurrency", "EUR")
                        .param("timeZone", "Europe/Lisbon").param("locale", "pt-BR"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/settings/workspace"));

        WorkspaceSettings saved = workspaces.settings(ws.created().workspaceId());
        assertThat(saved).extracting(WorkspaceSettings::name, WorkspaceSettings::baseCurrency,
                WorkspaceSettings::timeZone, WorkspaceSettings::locale)
                .containsExactly("Ana Souza VA Ltda", "EUR", "Europe/Lisbon", "pt-BR");
    }

    @Test
    void badValuesAreShownBesideTheFieldsAndNothingChanges() throws Exception {
        TestWorkspace ws = newWorkspace();
        WorkspaceSettings before = workspaces.settings(ws.created().workspaceId());

        mvc.perform(post("/settings/workspace").with(user(ws.owner())).with(csrf())
                        .param("name", " ").param("baseCurrency", "XXQ").param("timeZone", "Mars/Base")
                        .param("locale", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Fill this in.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("ISO 4217")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("IANA")));

        assertThat(workspaces.settings(ws.created().workspaceId())).isEqualTo(before);
    }

    @Test
    void membersCannotSeeOrChangeTheWorkspaceSettings() throws Exception {
        TestWorkspace ws = newWorkspace();
        var member = addMember(ws);
        WorkspaceSettings before = workspaces.settings(ws.created().workspaceId());

        mvc.perform(get("/settings/workspace").with(user(member))).andExpect(status().isForbidden());
        mvc.perform(post("/settings/workspace").with(user(member)).with(csrf()).param("name", "Taken over")
                .param("baseCurrency", "USD").param("timeZone", "UTC").param("locale", "en"))
                .andExpect(status().isForbidden());

        assertThat(workspaces.settings(ws.created().workspaceId())).isEqualTo(before);
    }
}
