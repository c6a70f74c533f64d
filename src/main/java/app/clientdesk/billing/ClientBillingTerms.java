package app.clientdesk.billing;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.Violations;
import java.math.BigDecimal;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's own payment terms, as the client's page sets them: net days (blank: the workspace's) and a deposit
 * percentage asked up front (blank: none). Owner only; a client of another workspace is not found.
 */
@Service
public class ClientBillingTerms {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BillingSettingsStore store;
    private final Clients clients;
    private final Clock clock;

    ClientBillingTerms(BillingSettingsStore store, Clients clients, Clock clock) {
        this.store = store;
        this.clients = clients;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ClientTerms get(CurrentUser viewer, ClientId client) {
        viewer.requireOwner();
        clients.get(viewer, client);
        return store.terms(viewer.workspaceId(), client.value());
    }

    /** Sets the terms as typed; a field left blank clears it. Errors on {@code netDays} and {@code depositPercent}. */
    @Transactional
    public ClientTerms set(CurrentUser viewer, ClientId client, @Nullable String netDays,
            @Nullable String depositPercent) {
        viewer.requireOwner();
        clients.get(viewer, client);
        Violations v = new Violations();
        Integer net = netDays == null || netDays.isBlank() ? null : InvoiceRules.netDays(netDays, "netDays", v);
        BigDecimal deposit = null;
        if (depositPercent != null && !depositPercent.isBlank()) {
            try {
                deposit = new BigDecimal(depositPercent.strip().replace(',', '.').replace("%", "").strip());
                if (deposit.signum() <= 0 || deposit.compareTo(HUNDRED) >= 0
                        || deposit.stripTrailingZeros().scale() > 2) {
                    v.add("depositPercent", "invoices.terms.deposit.invalid");
                }
            } catch (NumberFormatException e) {
                v.add("depositPercent", "invoices.terms.deposit.invalid");
            }
        }
        v.throwIfAny();
        ClientTerms terms = new ClientTerms(net, deposit == null ? null : deposit.stripTrailingZeros());
        store.terms(viewer.workspaceId(), client.value(), terms, clock.instant());
        return terms;
    }
}
