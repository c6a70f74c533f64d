package app.clientdesk.demo;

import app.clientdesk.billing.DraftInput.LineInput;
import app.clientdesk.billing.ExpenseInput;
import app.clientdesk.billing.Expenses;
import app.clientdesk.billing.RecurringInput;
import app.clientdesk.billing.RecurringInvoices;
import app.clientdesk.billing.RetainerInput;
import app.clientdesk.billing.Retainers;
import app.clientdesk.billing.ServiceInput;
import app.clientdesk.billing.ServiceInput.Price;
import app.clientdesk.billing.Services;
import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The demo's services, expenses, retainer and recurring invoice (see {@link DemoBilling}). The retainer starts today,
 * so its first invoice is issued today and none is back-dated; the recurring invoice starts next month.
 */
@Component
class DemoCatalogue {

    private final Services services;
    private final Expenses expenses;
    private final Retainers retainers;
    private final RecurringInvoices recurring;

    DemoCatalogue(Services services, Expenses expenses, Retainers retainers, RecurringInvoices recurring) {
        this.services = services;
        this.expenses = expenses;
        this.retainers = retainers;
        this.recurring = recurring;
    }

    /**
     * @param clients Harbour Wellness, Thames Legal, Hudson Street Bakery and Café Paulista, in that order
     * @param harbourToday today in Harbour's zone (Sydney), where its retainer begins: a start before the client's
     *     today would be a past period, which a retainer refuses without the owner's word
     */
    void load(CurrentUser owner, List<ClientId> clients, LocalDate today, LocalDate harbourToday, DemoText say) {
        services.create(owner, new ServiceInput(say.t("Inbox and calendar management", "Gestão de e-mail e agenda"),
                say.t("Daily inbox triage, replies in the client's voice, meetings booked across time zones.",
                        "Triagem diária do e-mail, respostas no tom do cliente, reuniões marcadas entre fusos."),
                say.t("Inbox at zero every working day\nWeekly calendar review",
                        "Caixa de entrada zerada todo dia útil\nRevisão semanal da agenda"),
                "HOURLY", null, null, null, List.of(new Price("BRL", "90.00", null), new Price("AUD", "42.00", null),
                        new Price("GBP", "32.50", null), new Price("USD", "38.00", null))));
        services.create(owner, new ServiceInput(say.t("Social media — 12 posts a month", "Redes sociais — 12 posts por mês"),
                say.t("Ideas, design, captions and scheduling, with the client's approval of every post.",
                        "Ideias, arte, legendas e agendamento, com a aprovação do cliente em cada post."),
                say.t("12 posts\nMonthly report", "12 posts\nRelatório mensal"),
                "FIXED", null, null, null, List.of(new Price("USD", "1200.00", null), new Price("BRL", "2500.00", null))));
        services.create(owner, new ServiceInput(say.t("Virtual assistant retainer — 20 hours",
                        "Pacote mensal de assistente virtual — 20 horas"),
                say.t("Twenty hours a month of whatever the week needs; extra hours at the overage rate.",
                        "Vinte horas por mês para o que a semana pedir; horas extras pela taxa adicional."),
                null, "RETAINER", "20", null, null, List.of(new Price("AUD", "800.00", "45.00"),
                        new Price("BRL", "1800.00", "95.00"))));

        String harbour = clients.get(0).value().toString();
        String thames = clients.get(1).value().toString();
        String hudson = clients.get(2).value().toString();
        String cafe = clients.get(3).value().toString();
        expense(owner, thames, today.minusDays(6), say.t("Courier for the signed contracts", "Motoboy com os contratos assinados"),
                say.t("Postage", "Correio"), "18.50", true);
        expense(owner, hudson, today.minusDays(9), say.t("Canva Pro, one month", "Canva Pro, um mês"),
                say.t("Software", "Software"), "14.99", true);
        expense(owner, harbour, today.minusDays(3), say.t("Calendly subscription", "Assinatura do Calendly"),
                say.t("Software", "Software"), "16.00", true);
        expense(owner, cafe, today.minusDays(2), say.t("Coffee at the discovery meeting", "Café na reunião de descoberta"),
                say.t("Meals", "Refeições"), "42.00", false);

        retainers.create(owner, new RetainerInput(harbour, say.t("Inbox and calendar — 20 hours a month",
                "E-mail e agenda — 20 horas por mês"), "800.00", "20", "45.00", "true", "1",
                Integer.toString(harbourToday.getDayOfMonth()), null, null, harbourToday.toString(), null));
        recurring.create(owner, new RecurringInput(cafe, say.t("Monthly market report", "Relatório mensal de mercado"),
                "1", "MONTH", today.withDayOfMonth(1).plusMonths(1).toString(), null, null,
                say.t("Thank you for your trust!", "Obrigada pela confiança!"),
                List.of(new LineInput(null, say.t("Coffee market report and competitor prices",
                        "Relatório do mercado de café e preços dos concorrentes"), "1", null, "650.00", null, null, null))));
    }

    private void expense(CurrentUser owner, String client, LocalDate day, String description, String category,
            String amount, boolean billable) {
        expenses.create(owner, new ExpenseInput(client, null, day.toString(), description, category, amount, null,
                billable), null);
    }
}
