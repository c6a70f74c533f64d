package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The catalogue's screens as the owner uses them, in English and in Brazilian Portuguese. */
class ServicesWebIT extends IntegrationTest {

    @Autowired Services services;

    private String page(CurrentUser who, String path) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** The form's second price row is left empty: it is skipped, and the third keeps its place for errors. */
    private static MockHttpServletRequestBuilder retainerForm(CurrentUser owner, String path, String name,
            String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("description", "Inbox kept at zero");
        fields.put("deliverables", "Daily triage\n\nWeekly report\n");
        fields.put("model", "RETAINER");
        fields.put("includedHours", "20");
        fields.put("taxName", "");
        fields.put("taxPercent", "");
        fields.put("prices[0].currency", "EUR");
        fields.put("prices[0].amount", "1000");
        fields.put("prices[0].overageRate", "60");
        fields.put("prices[1].currency", "");
        fields.put("prices[1].amount", "");
        fields.put("prices[1].overageRate", "");
        fields.put("prices[2].currency", "JPY");
        fields.put("prices[2].amount", "150000");
        fields.put("prices[2].overageRate", "");
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = post(path).with(user(owner)).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    @Test
    void theOwnerAddsARetainerAndSeesItPricedInEachCurrency() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser owner = ws.owner();

        String blank = page(owner, "/billing/services/new");
        assertThat(blank).contains("aria-current=\"page\">Services</a>", "name=\"prices[0].currency\" value=\"BRL\"",
                "name=\"prices[2].amount\"", "Add a price", "Monthly retainer",
                "The price is an hourly rate.", "One price for the whole package.",
                "A monthly fee with hours included; extra hours at their own rate.");

        MvcResult created = mvc.perform(retainerForm(owner, "/billing/services", "Inbox care"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/billing/services")).andReturn();
        assertThat(created.getFlashMap().get("notice")).isEqualTo("Service Inbox care created.");

        String list = page(owner, "/billing/services");
        assertThat(list).contains("Inbox care", "Monthly retainer", "20 h included a month", "€1,000.00 a month",
                "then €60.00 an hour", "¥150,000 a month", "2 deliverables", "1 service");

        Service saved = services.list(owner, false).get(0);
        assertThat(saved.deliverables()).containsExactly("Daily triage", "Weekly report");
        assertThat(page(owner, "/billing/services/" + saved.id() + "/edit"))
                .contains("value=\"Inbox care\"", "value=\"20:00\"", "name=\"prices[1].amount\" value=\"150000\"",
                        "name=\"prices[3].amount\"", "Archive service");
    }

    @Test
    void aRefusedFormKeepsWhatWasTypedAndShowsEachErrorBesideItsRow() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser owner = ws.owner();

        String refused = mvc.perform(retainerForm(owner, "/billing/services", "<script>alert(1)</script>",
                        "prices[2].amount", "15000.5", "includedHours", "ten"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(refused)
                .contains("id=\"err-prices-2--amount\">Not an amount in JPY: use digits, with no decimals.</p>",
                        "id=\"err-includedHours\">Write the hours as 20, 12.5 or 12:30 (whole minutes).</p>",
                        "name=\"prices[2].amount\" value=\"15000.5\"", "value=\"&lt;script>alert(1)&lt;/script>\"")
                .doesNotContain("<script>alert(1)</script>");
        assertThat(services.list(owner, true)).isEmpty();
    }

    @Test
    void archivingTakesItOutOfTheListUntilRestored() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser owner = ws.owner();
        mvc.perform(retainerForm(owner, "/billing/services", "Inbox care")).andExpect(status().isFound());
        UUID id = services.list(owner, false).get(0).id();

        mvc.perform(retainerForm(owner, "/billing/services/" + id, "Inbox care plus", "prices[0].amount", "1100"))
                .andExpect(status().isFound());
        assertThat(page(owner, "/billing/services")).contains("Inbox care plus", "€1,100.00 a month");

        mvc.perform(post("/billing/services/" + id + "/archive").with(user(owner)).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/billing/services"));
        assertThat(page(owner, "/billing/services")).doesNotContain("Inbox care plus").contains("No services yet");
        assertThat(page(owner, "/billing/services?archived=true")).contains("Inbox care plus", "Archived");
        assertThat(page(owner, "/billing/services/" + id + "/edit")).contains("Restore service");

        mvc.perform(post("/billing/services/" + id + "/restore").with(user(owner)).with(csrf()))
                .andExpect(status().isFound());
        assertThat(page(owner, "/billing/services")).contains("Inbox care plus");

        CurrentUser stranger = newWorkspace().owner();
        mvc.perform(get("/billing/services/" + id + "/edit").with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(post("/billing/services/" + id + "/archive").with(user(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(page(stranger, "/billing/services")).doesNotContain("Inbox care plus");
        assertThat(services.get(owner, id).archived()).isFalse();
    }

    @Test
    void inBrazilianPortugueseTheCatalogueSpeaksPortugueseAndWritesMoneyTheBrazilianWay() throws Exception {
        TestWorkspace ws = newWorkspace("Assistente " + UUID.randomUUID().toString().substring(0, 6), "pt-BR");
        CurrentUser owner = ws.owner();
        services.create(owner, new ServiceInput("Contabilidade", "", "Conciliação\nRelatório", "RETAINER", "12,5", "ISS",
                "5", List.of(new ServiceInput.Price("BRL", "1500", "95,5"), new ServiceInput.Price("BHD", "75.125", null))));
        services.create(owner, new ServiceInput("Logotipo", "", "", "FIXED", "", "", "",
                List.of(new ServiceInput.Price("BRL", "800", null))));

        String list = page(owner, "/billing/services");
        assertThat(list).contains("Serviços", "Novo serviço", "Mensalidade", "Preço fechado", "12,5 h incluídas por mês",
                "1.500,00 por mês", "depois R$", "95,50 por hora", "2 entregas", "0 entregas", "2 serviços", "ISS 5%",
                "Mostrar serviços arquivados");

        String refused = mvc.perform(post("/billing/services").with(user(owner)).with(csrf()).param("name", "Contabilidade")
                        .param("model", "FIXED").param("includedHours", "3")
                        .param("prices[0].currency", "BRL").param("prices[0].amount", "10,555"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Você já tem um serviço chamado Contabilidade.",
                "Só a mensalidade inclui horas; deixe este campo vazio.",
                "Não é um valor em BRL: use algarismos, com no máximo 2 casas decimais.", "Criar serviço");
    }
}
