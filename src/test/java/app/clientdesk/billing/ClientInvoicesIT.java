package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.billing.DraftInput.LineInput;
import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.money.Money;
import app.clientdesk.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the portal's home says a client owes: every open invoice counted, not only the ones a page lists. */
class ClientInvoicesIT extends IntegrationTest {

    @Autowired Invoices invoices;
    @Autowired Payments payments;
    @Autowired ClientInvoices clientInvoices;

    private Invoice issue(CurrentUser owner, ClientId client, String currency, String price) {
        Invoice draft = invoices.createDraft(owner, new DraftInput(client.value().toString(), currency, null, null,
                null, null, null, List.of(new LineInput(null, "Inbox management", "1", null, price, null, null,
                        null))));
        return invoices.issue(owner, draft.id(), null);
    }

    private static List<String> shown(List<Money> sums) {
        return sums.stream().map(m -> m.currency().getCurrencyCode() + " " + m.plain()).toList();
    }

    @Test
    void theBalanceSumsEveryOpenInvoicePerCurrencyAndTheOverduePartOnly() {
        clock.set(Instant.parse("2026-10-01T12:00:00Z"));
        TestWorkspace ws = newWorkspace();
        CurrentUser owner = ws.owner();
        ClientId client = createClient(ws, "Acme Ltd");
        ClientId other = createClient(ws, "Other Ltd");

        Invoice late = issue(owner, client, null, "100.00");
        payments.record(owner, late.id(), new PaymentInput("30.00", null, null, "2026-10-01", "BANK", null, null,
                false), null);
        Invoice settled = issue(owner, client, null, "10.00");
        payments.record(owner, settled.id(), new PaymentInput("10.00", null, null, "2026-10-01", "BANK", null, null,
                false), null);
        issue(owner, other, null, "500.00");

        clock.advance(Duration.ofDays(90));
        issue(owner, client, null, "50.00");
        issue(owner, client, "EUR", "80.00");
        invoices.createDraft(owner, new DraftInput(client.value().toString(), null, null, null, null, null, null,
                List.of(new LineInput(null, "Never sent", "1", null, "999.00", null, null, null))));

        ClientInvoices.Balance balance = clientInvoices.balance(ws.created().workspaceId(), client);
        assertThat(shown(balance.due())).as("70 left on the late one, 50 new; a draft and a paid invoice owe nothing")
                .containsExactly("EUR 80.00", "GBP 120.00");
        assertThat(shown(balance.overdue())).as("only the one past its due date").containsExactly("GBP 70.00");
        assertThat(shown(clientInvoices.balance(ws.created().workspaceId(), other).due())).containsExactly("GBP 500.00");
    }
}
