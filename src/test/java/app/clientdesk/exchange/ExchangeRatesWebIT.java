package app.clientdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/** The exchange-rates page as the owner uses it, in English and Brazilian Portuguese. */
class ExchangeRatesWebIT extends IntegrationTest {

    @Autowired ExchangeRates rates;

    private String page(CurrentUser who, String path) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ExchangeRatesWebIT.class.getResourceAsStream("/exchange/" + name)) {
            return in.readAllBytes();
        }
    }

    private MvcResult upload(CurrentUser who, String name, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/billing/exchange-rates/import").file(new MockMultipartFile("file", name,
                "text/csv", bytes)).with(user(who)).with(csrf())).andReturn();
    }

    @Test
    void anEmptyWorkspaceSeesHowToGetRatesAndItsBaseCurrency() throws Exception {
        TestWorkspace ws = newWorkspace();
        String html = page(ws.owner(), "/billing/exchange-rates");

        assertThat(html).contains("<h1>Exchange rates</h1>", "href=\"/billing/exchange-rates\" aria-current=\"page\"",
                "Your workspace reports in BRL.", "Clientdesk never fetches anything from the internet.",
                "No rates yet.", "enctype=\"multipart/form-data\"", "action=\"/billing/exchange-rates/import\"",
                "No rates stored yet.");
        mvc.perform(get("/billing/exchange-rates").with(user(addMember(ws)))).andExpect(status().isForbidden());
    }

    @Test
    void theOwnerImportsTheEcbFileAndSeesEveryCurrencyAgainstTheBase() throws Exception {
        TestWorkspace ws = newWorkspace();
        clock.set(java.time.Instant.parse("2026-11-30T12:00:00Z"));

        MvcResult done = upload(ws.owner(), "eurofxref.zip", resource("eurofxref.zip"));

        assertThat(done.getResponse().getStatus()).isEqualTo(302);
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/billing/exchange-rates");
        assertThat(done.getFlashMap().get("notice"))
                .isEqualTo("Imported 30 rates over one day (Nov 27, 2026 to Nov 27, 2026) from eurofxref.zip.");

        String html = page(ws.owner(), "/billing/exchange-rates");
        // 1 EUR = 5.6120 BRL; 1 BRL = 1.0550 / 5.6120 USD, crossed over the euro.
        assertThat(html).contains("Rates against BRL on Nov 30, 2026", "<tr data-currency=\"EUR\">",
                "5.612 BRL", "0.18799 USD", "via EUR", "href=\"/billing/exchange-rates/EUR-USD\"",
                "1 EUR = 1.055 USD");
        assertThat(html).doesNotContain("<tr data-currency=\"BRL\">");

        MvcResult history = upload(ws.owner(), "eurofxref-hist.csv", resource("eurofxref-hist.csv"));
        assertThat(history.getFlashMap().get("notice")).isEqualTo("Imported 99 rates over 3 days (Jan 2, 2008 to "
                + "Nov 26, 2026) from eurofxref-hist.csv. Left out 24 cells without a rate and 0 days without any.");
    }

    @Test
    void aFileThatIsNotFromTheEcbIsRefusedBesideTheUpload() throws Exception {
        TestWorkspace ws = newWorkspace();

        MvcResult refused = upload(ws.owner(), "not-ecb.csv", resource("not-ecb.csv"));

        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(refused.getResponse().getContentAsString()).contains("id=\"err-file\">This is not an ECB "
                + "reference-rate file: it should start with a “Date” column followed by currency codes (USD, JPY, …). "
                + "Nothing was imported.</p>");
        MvcResult none = mvc.perform(multipart("/billing/exchange-rates/import").with(user(ws.owner())).with(csrf()))
                .andReturn();
        assertThat(none.getResponse().getStatus()).isEqualTo(422);
        assertThat(none.getResponse().getContentAsString()).contains("Choose the file to import.");
        assertThat(rates.latest(ws.owner().workspaceId(), LocalDate.of(9999, 1, 1))).isEmpty();
    }

    @Test
    void aLargeEcbFileIsNotStoppedByTheBodySizeLimit() throws Exception {
        TestWorkspace ws = newWorkspace();
        byte[] big = new byte[2 * 1024 * 1024];
        int upload = mvc.perform(post("/billing/exchange-rates/import").with(user(ws.owner())).with(csrf())
                .contentType("multipart/form-data; boundary=x").content(big)).andReturn().getResponse().getStatus();
        int other = mvc.perform(post("/billing/exchange-rates").with(user(ws.owner())).with(csrf())
                .contentType("application/x-www-form-urlencoded").content(big)).andReturn().getResponse().getStatus();

        assertThat(upload).isNotEqualTo(413);
        assertThat(other).isEqualTo(413);
    }

    @Test
    void theOwnerTypesARateAndABadOneComesBackWithItsErrors() throws Exception {
        TestWorkspace ws = newWorkspace();
        MvcResult saved = mvc.perform(post("/billing/exchange-rates").with(user(ws.owner())).with(csrf())
                .param("day", "2026-11-02").param("base", "USD").param("quote", "BRL").param("rate", "5,3"))
                .andExpect(status().isFound()).andReturn();
        assertThat(saved.getFlashMap().get("notice")).isEqualTo("Rate saved: 1 USD = 5.3 BRL, of Nov 2, 2026.");

        String refused = mvc.perform(post("/billing/exchange-rates").with(user(ws.owner())).with(csrf())
                .param("day", "2-11-2026").param("base", "USD").param("quote", "USD").param("rate", "<b>x</b>"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"err-day\">Give a date, such as 2026-11-27.</p>",
                "id=\"err-quote\">Choose two different currencies: 1 USD is always 1 USD.</p>",
                "id=\"err-rate\">Give the rate as a number above zero, with at most 10 decimals.</p>",
                "id=\"rate-rate\" name=\"rate\" value=\"&lt;b").doesNotContain("<b>x</b>");
        assertThat(rates.history(ws.owner().workspaceId(), Currency.getInstance("USD"), Currency.getInstance("BRL"), null))
                .singleElement().satisfies(r -> assertThat(r.rate()).isEqualByComparingTo("5.3"));
    }

    @Test
    void theConvertCheckShowsTheResultAndTheRateItUsed() throws Exception {
        TestWorkspace ws = newWorkspace();
        upload(ws.owner(), "eurofxref.csv", resource("eurofxref.csv"));

        String answer = mvc.perform(get("/billing/exchange-rates/convert").with(user(ws.owner()))
                        .header("HX-Request", "true").param("amount", "1500").param("from", "USD").param("to", "BRL")
                        .param("date", "2026-11-30"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(answer).doesNotContain("<html").contains("$1,500.00 = <strong>R$7,979.15</strong>",
                "Rate used: 1 USD = 5.3194312796 BRL, of Nov 27, 2026", "ECB", "via EUR",
                "1 EUR = 1.055 USD", "1 EUR = 5.612 BRL");

        String none = page(ws.owner(), "/billing/exchange-rates/convert?amount=10&from=USD&to=BRL&date=2026-11-26");
        assertThat(none).contains("<h1>Exchange rates</h1>", "No rate for that date", "value=\"10\"");

        String bad = page(ws.owner(), "/billing/exchange-rates/convert?amount=1.5&from=JPY&to=BRL&date=2026-11-26");
        assertThat(bad).contains("Give an amount of zero or more, with at most 0 decimals.");
    }

    @Test
    void theHistoryOfAPairListsItsRatesAndOneCanBeRemoved() throws Exception {
        TestWorkspace ws = newWorkspace();
        rates.set(ws.owner(), "2026-11-02", "USD", "BRL", "5.30");
        rates.set(ws.owner(), "2026-11-16", "USD", "BRL", "5.35");

        String history = page(ws.owner(), "/billing/exchange-rates/USD-BRL");
        assertThat(history).contains("Rates USD → BRL", "1 USD = 5.35 BRL", "1 USD = 5.3 BRL",
                "action=\"/billing/exchange-rates/USD-BRL/2026-11-16/delete\"", "Typed");

        MvcResult removed = mvc.perform(post("/billing/exchange-rates/USD-BRL/2026-11-16/delete").with(user(ws.owner()))
                .with(csrf())).andExpect(status().isFound()).andReturn();
        assertThat(removed.getFlashMap().get("notice")).isEqualTo("Rate removed: 1 USD = 5.35 BRL, of Nov 16, 2026.");
        assertThat(removed.getResponse().getRedirectedUrl()).isEqualTo("/billing/exchange-rates/USD-BRL");
        assertThat(page(ws.owner(), "/billing/exchange-rates/USD-BRL")).doesNotContain("5.35");

        mvc.perform(post("/billing/exchange-rates/USD-BRL/2026-11-16/delete").with(user(ws.owner())).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/billing/exchange-rates/USD-XYZ").with(user(ws.owner()))).andExpect(status().isNotFound());
        mvc.perform(get("/billing/exchange-rates/USD-GBP").with(user(ws.owner()))).andExpect(status().isNotFound());
        mvc.perform(get("/billing/exchange-rates/USD-BRL").with(user(newWorkspace().owner())))
                .andExpect(status().isNotFound());
    }

    @Test
    void inBrazilianPortugueseThePageAndItsNumbersAreBrazilian() throws Exception {
        TestWorkspace ws = newWorkspace("Assistente " + java.util.UUID.randomUUID().toString().substring(0, 6), "pt-BR");
        clock.set(java.time.Instant.parse("2026-11-30T12:00:00Z"));
        MvcResult done = upload(ws.owner(), "eurofxref.csv", resource("eurofxref.csv"));
        assertThat(done.getFlashMap().get("notice"))
                .isEqualTo("30 taxas importadas de eurofxref.csv, em um dia (de 27 de nov. de 2026 a 27 de nov. de 2026).");

        String html = page(ws.owner(), "/billing/exchange-rates");
        assertThat(html).contains("<h1>Taxas de câmbio</h1>", "Seu espaço de trabalho usa BRL nos relatórios.",
                "Taxas em relação a BRL em 30 de nov. de 2026", "5,612 BRL", "Digitar uma taxa", "Importar arquivo do BCE",
                "BCE", "via EUR", "1 EUR = 1,055 USD");
        String answer = mvc.perform(get("/billing/exchange-rates/convert").with(user(ws.owner()))
                .header("HX-Request", "true").param("amount", "1500,00").param("from", "USD").param("to", "BRL")
                .param("date", "2026-11-30")).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("R$\u00a07.979,15", "Taxa usada: 1 USD = 5,3194312796 BRL, de 27 de nov. de 2026");
    }
}
