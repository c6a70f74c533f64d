package app.clientdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.TestDatabase;
import app.clientdesk.support.TestDatabaseConfiguration;
import app.clientdesk.work.Workflows;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * {@code java -jar clientdesk.jar --demo=pt-BR}: the demo is there, and its owner can sign in, at the moment the
 * web server opens its port (not some seconds later), and it is in the language asked for.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, args = "--demo=pt-BR")
@AutoConfigureMockMvc
@Import({TestDatabaseConfiguration.class, DemoOnStartupIT.AtPortOpen.class})
@ExtendWith(TestDatabase.class)
class DemoOnStartupIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    /** Tries the demo owner's password when the web server has just started accepting requests. */
    @TestConfiguration(proxyBeanMethods = false)
    static class AtPortOpen {
        static final AtomicReference<String> seen = new AtomicReference<>("the web server never started");

        @Bean
        ApplicationListener<WebServerInitializedEvent> tryTheDemoOwner(UserDetailsService users, PasswordEncoder passwords) {
            return event -> {
                try {
                    var owner = users.loadUserByUsername(DemoData.OWNER_EMAIL);
                    seen.set(passwords.matches(DemoData.PASSWORD, owner.getPassword()) ? "signs in" : "wrong password");
                } catch (RuntimeException e) {
                    seen.set("no demo owner yet: " + e.getMessage());
                }
            };
        }
    }

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Workflows workflows;

    @Test
    void theDemoOwnerCanSignInAsSoonAsThePortIsOpen() throws Exception {
        assertThat(AtPortOpen.seen.get()).isEqualTo("signs in");

        mvc.perform(formLogin("/login").user("email", DemoData.OWNER_EMAIL).password(DemoData.PASSWORD))
                .andExpect(authenticated());
    }

    @Test
    void theDemoIsInTheLanguageAskedForOnTheCommandLine() throws Exception {
        CurrentUser owner = (CurrentUser) users.loadUserByUsername(DemoData.OWNER_EMAIL);
        assertThat(owner.locale().toLanguageTag()).isEqualTo("pt-BR");
        assertThat(workflows.all(owner.workspaceId())).extracting(w -> w.name()).contains("Padrão", "Redes sociais");

        MvcResult board = mvc.perform(get("/board").with(
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(owner)))
                .andReturn();
        String page = board.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Formatar o contrato Whitmore", "Aguardando cliente")
                .doesNotContain("Format the Whitmore contract");
    }

    @Test
    void theDemoInboxHasRequestsAndTheBellANotificationInTheDemosLanguage() throws Exception {
        CurrentUser owner = (CurrentUser) users.loadUserByUsername(DemoData.OWNER_EMAIL);
        String inbox = page("/requests", owner);
        assertThat(inbox).contains("Mudar o workshop de yoga de quinta para sábado", "Conflito de agenda no dia 14",
                        "Fotos para os posts de dezembro", "Pauta da chamada de descoberta", "Em risco",
                        "Prazo estourado")
                .doesNotContain("Diary clash on the 14th");

        String home = page("/board", owner);
        assertThat(home).contains("Notificações, 2 não lidas");
        assertThat(page("/notifications", owner)).contains(
                "“Mudar o workshop de yoga de quinta para sábado” de Harbour Wellness Studio está em risco",
                "“Conflito de agenda no dia 14” de Thames Legal Partners passou do prazo de resposta");
    }

    private String page(String path, CurrentUser who) throws Exception {
        MvcResult result = mvc.perform(get(path).with(
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(who)))
                .andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
