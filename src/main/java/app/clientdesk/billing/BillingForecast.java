package app.clientdesk.billing;

import app.clientdesk.clients.ClientId;
import app.clientdesk.shared.money.Money;
import java.time.YearMonth;

/** An amount expected in a month from one client by a schedule (a retainer's fees, a recurring invoice), tax included. */
public record BillingForecast(YearMonth month, ClientId clientId, String clientName, String source, Money amount) {
}
