package app.clientdesk.demo;

import app.clientdesk.billing.BillingSettingsInput;
import app.clientdesk.billing.BillingSetup;
import app.clientdesk.billing.DraftInput;
import app.clientdesk.billing.DraftInput.LineInput;
import app.clientdesk.billing.Invoice;
import app.clientdesk.billing.Invoices;
import app.clientdesk.billing.PaymentInput;
import app.clientdesk.billing.Payments;
import app.clientdesk.billing.TimeSelection;
import app.clientdesk.clients.ClientId;
import app.clientdesk.exchange.ExchangeRates;
import app.clientdesk.identity.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The demo's billing: the business's details and payment instructions, exchange rates into reais, and one
 * invoice in each state a VA meets in a week: the first fortnight of Thames Legal's time paid, Harbour's first
 * fortnight issued and now overdue, and a draft of the bakery's time waiting to be issued. Besides: the service
 * catalogue (hourly, fixed and retainer prices), a few expenses (billable or not), Harbour's monthly retainer
 * from today and a recurring monthly invoice for the coffee exporter from next month, so that no billing screen
 * opens empty. Made through the same services a person uses, after the demo's time, in the demo's language.
 */
@Component
class DemoBilling {

    private final BillingSetup setup;
    private final Invoices invoices;
    private final Payments payments;
    private final ExchangeRates rates;
    private final DemoCatalogue catalogue;
    private final Clock clock;

    DemoBilling(BillingSetup setup, Invoices invoices, Payments payments, ExchangeRates rates,
            DemoCatalogue catalogue, Clock clock) {
        this.setup = setup;
        this.invoices = invoices;
        this.payments = payments;
        this.rates = rates;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** @param clients Harbour Wellness, Thames Legal, Hudson Street Bakery and Café Paulista, in that order */
    void load(CurrentUser owner, List<ClientId> clients, DemoText say) {
        LocalDate today = clock.instant().atZone(owner.zone()).toLocalDate();
        setup.save(owner, new BillingSettingsInput("INV-{yyyy}-{seq:4}", "CN-{yyyy}-{seq:4}", "14", null, null,
                "EXCLUSIVE", "Ana Souza Assistência Virtual\nCNPJ 12.345.678/0001-90\n" + say.t("São Paulo, Brazil", "São Paulo, Brasil"),
                "Wise (USD, GBP, AUD): ana@souza-va.example\nPayPal: pagamentos@souza-va.example\nPIX: 12.345.678/0001-90",
                say.t("Thank you for working with me!", "Obrigada pela parceria!"),
                say.t("Payment within the agreed term, by Wise, PayPal or PIX.",
                        "Pagamento no prazo combinado, por Wise, PayPal ou PIX."), true, null,
                "-3, 0, 7, 14"));
        LocalDate rated = today.minusDays(30);
        rates.set(owner, rated.toString(), "AUD", "BRL", "3.52");
        rates.set(owner, rated.toString(), "GBP", "BRL", "6.78");
        rates.set(owner, rated.toString(), "USD", "BRL", "5.36");

        LocalDate start = today.minusDays(21);
        LocalDate fortnight = start.plusDays(13);
        // Thames Legal: the first fortnight invoiced and paid.
        Invoice thames = timeDraft(owner, clients.get(1), start, fortnight, TimeSelection.Grouping.TASK);
        thames = invoices.issue(owner, thames.id(), fortnight.plusDays(1));
        payments.record(owner, thames.id(), new PaymentInput(thames.total().plain(), null, null,
                fortnight.plusDays(4).toString(), "WISE", null, null, false), null);
        // Harbour Wellness: issued with net 7 days, not paid: overdue.
        Invoice harbour = invoices.createDraft(owner, new DraftInput(clients.get(0).value().toString(), null, "7",
                null, null, null, null, List.of(new LineInput(null, say.t("Monthly social media calendar", "Calendário mensal de redes sociais"), "1", "ITEMS",
                        "350.00", null, null, null))));
        invoices.addTime(owner, harbour.id(), new TimeSelection(start, fortnight, null, null, List.of(),
                TimeSelection.Grouping.PROJECT));
        invoices.issue(owner, harbour.id(), fortnight.plusDays(1));
        // Hudson Street Bakery: a draft of the last weeks' time, by day.
        timeDraft(owner, clients.get(2), start, today, TimeSelection.Grouping.DAY);

        // The retainer runs on its client's calendar: in Sydney it can already be tomorrow.
        LocalDate harbourToday = clock.instant().atZone(java.time.ZoneId.of("Australia/Sydney")).toLocalDate();
        catalogue.load(owner, clients, today, harbourToday, say);
    }

    private Invoice timeDraft(CurrentUser owner, ClientId client, LocalDate from, LocalDate to,
            TimeSelection.Grouping grouping) {
        Invoice draft = invoices.createDraft(owner, new DraftInput(client.value().toString(), null, null, null, null,
                null, null, List.of()));
        return invoices.addTime(owner, draft.id(), new TimeSelection(from, to, null, null, List.of(), grouping))
                .invoice();
    }
}
