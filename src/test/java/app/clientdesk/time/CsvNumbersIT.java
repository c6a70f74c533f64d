package app.clientdesk.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import app.clientdesk.billing.DraftInput;
import app.clientdesk.billing.Invoice;
import app.clientdesk.billing.Invoices;
import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A Brazilian spreadsheet reads the CSV files' numbers as numbers: in Portuguese they come with a decimal
 * comma in semicolon-separated cells, and the machine-readable form (decimal point, commas) is one parameter
 * away. Each file is read back by commons-csv and the numbers by Java's own pt-BR number parsing, not by the
 * code that wrote them; formula neutralisation stays.
 */
class CsvNumbersIT extends IntegrationTest {

    private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
    private static final String RANGE = "range=custom&from=2026-12-01&to=2026-12-31";

    @Autowired TimeEntries entries;
    @Autowired Rates rates;
    @Autowired Invoices invoices;

    private CurrentUser owner;
    private Invoice invoice;

    @BeforeEach
    void aPortugueseWorkspaceWithPricedTime() {
        clock.set(Instant.parse("2026-12-10T12:00:00Z"));
        owner = newWorkspace("VA Brasil", "pt-BR").owner();
        setUp(owner);
    }

    private void setUp(CurrentUser who) {
        ClientId client = clients.create(who, clientInput("Cliente Alfa", List.of()));
        rates.set(who, new RateInput("CLIENT", client.value().toString(), "GBP", "64.20"));
        // 2 h at 64.20 = 128.40; the note would run as a formula in a spreadsheet.
        entries.create(who, TimeEntryInput.ofInstants(client.value().toString(), null, null, "2026-12-01T09:00:00Z",
                "2026-12-01T11:00:00Z", true, "=HYPERLINK(\"http://evil.example\")", List.of()));
        invoice = invoices.issue(who, invoices.createDraft(who, new DraftInput(client.value().toString(), null, null,
                null, null, null, null, List.of(new DraftInput.LineInput(null, "Setup", "1", null, "1234.56", null, null,
                        null)))).id(), null);
    }

    @Test
    void portugueseEntriesHaveDecimalCommasInSemicolonCells() throws Exception {
        List<CSVRecord> rows = parse(csv("/time/reports/entries.csv?" + RANGE, owner), ';');
        CSVRecord header = rows.get(0);
        CSVRecord entry = rows.get(1);
        assertThat(header.size()).as("columns split on ';'").isGreaterThan(10);
        assertThat(ptBr(entry.get(column(header, "Valor")))).isEqualByComparingTo("128.40");
        assertThat(ptBr(entry.get(column(header, "Tarifa por hora")))).isEqualByComparingTo("64.20");
        assertThat(ptBr(entry.get(column(header, "Minutos registrados")))).isEqualByComparingTo("120");
        assertThat(entry.get(column(header, "Observação"))).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
    }

    @Test
    void portugueseTableHasDecimalCommas() throws Exception {
        List<CSVRecord> rows = parse(csv("/time/reports.csv?" + RANGE, owner), ';');
        CSVRecord header = rows.get(0);
        CSVRecord total = rows.get(rows.size() - 1);
        assertThat(ptBr(total.get(column(header, "Valor (GBP)")))).isEqualByComparingTo("128.40");
        assertThat(ptBr(total.get(header.size() - 1))).isEqualByComparingTo("100");
    }

    @Test
    void theMachineReadableFormStaysAnOption() throws Exception {
        List<CSVRecord> rows = parse(csv("/time/reports/entries.csv?" + RANGE + "&numbers=plain", owner), ',');
        CSVRecord header = rows.get(0);
        assertThat(new BigDecimal(rows.get(1).get(column(header, "Valor")))).isEqualTo(new BigDecimal("128.40"));
        assertThat(rows.get(1).get(column(header, "Observação"))).startsWith("'=");

        List<CSVRecord> invoiceRows = parse(csv("/billing/reports/export/invoices.csv?from=2026-12-01&to=2026-12-31"
                + "&numbers=plain", owner), ',');
        assertThat(new BigDecimal(invoiceRows.get(1).get(column(invoiceRows.get(0), "total"))))
                .isEqualTo(invoice.total().amount());
    }

    @Test
    void theAccountantsFilesFollowTheOwnersLanguage() throws Exception {
        List<CSVRecord> rows = parse(csv("/billing/reports/export/invoices.csv?from=2026-12-01&to=2026-12-31", owner),
                ';');
        CSVRecord header = rows.get(0);
        assertThat(ptBr(rows.get(1).get(column(header, "total")))).isEqualByComparingTo("1234.56")
                .isEqualByComparingTo(invoice.total().amount());
        List<CSVRecord> lines = parse(csv("/billing/reports/export/lines.csv?from=2026-12-01&to=2026-12-31", owner),
                ';');
        assertThat(ptBr(lines.get(1).get(column(lines.get(0), "unit_price")))).isEqualByComparingTo("1234.56");
        assertThat(ptBr(lines.get(1).get(column(lines.get(0), "quantity")))).isEqualByComparingTo("1");
    }

    @Test
    void englishKeepsThePointAndCommas() throws Exception {
        CurrentUser english = newWorkspace("VA English", "en").owner();
        setUp(english);
        List<CSVRecord> rows = parse(csv("/time/reports/entries.csv?" + RANGE, english), ',');
        assertThat(new BigDecimal(rows.get(1).get(column(rows.get(0), "Amount")))).isEqualTo(new BigDecimal("128.40"));
    }

    private String csv(String url, CurrentUser who) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(user(who))).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/csv");
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFF");
        return body.substring(1);
    }

    private static List<CSVRecord> parse(String body, char delimiter) throws Exception {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).get().parse(new StringReader(body)).getRecords();
    }

    private static int column(CSVRecord header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name + " in " + header);
    }

    /** The number as a spreadsheet in Brazilian Portuguese reads it; the whole cell must be the number. */
    private static BigDecimal ptBr(String cell) {
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(PT_BR);
        format.setParseBigDecimal(true);
        ParsePosition at = new ParsePosition(0);
        BigDecimal value = (BigDecimal) format.parse(cell, at);
        assertThat(at.getIndex()).as("«%s» read as a pt-BR number to its end", cell).isEqualTo(cell.length());
        return value;
    }
}
