package app.clientdesk.billing;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.money.Money;
import java.time.YearMonth;
import java.util.List;

/**
 * Money a workspace expects in coming months from one kind of arrangement (retainers, recurring invoices),
 * per client and month, in the currency it will be invoiced in. The revenue forecast adds up every source.
 */
public interface ForecastSource {

    /** One expected amount: the client, the month it will be invoiced in, the amount, and what it comes from. */
    record Expected(ClientId clientId, String clientName, YearMonth month, Money amount, String source) {
    }

    /** What is expected in the {@code months} months from {@code from}, per client and month. */
    List<Expected> expected(WorkspaceId workspace, YearMonth from, int months);
}
