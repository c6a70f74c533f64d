package app.clientdesk.demo;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.clients.Contact;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.requests.Author;
import app.clientdesk.requests.AuthorKind;
import app.clientdesk.requests.RequestHistory;
import app.clientdesk.requests.RequestHistory.PastMessage;
import app.clientdesk.requests.RequestHistory.PastRequest;
import app.clientdesk.requests.RequestId;
import app.clientdesk.requests.RequestSource;
import app.clientdesk.requests.Requests;
import app.clientdesk.sla.SlaState;
import app.clientdesk.work.TaskInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The demo's request inbox: a few requests per client, from the portal, by email and entered by hand, as they
 * would have come and been answered. Most were answered within their response time; one is at risk and one
 * breached right now (whatever the day and hour the demo is made: the opening time is found in the workspace's
 * business hours), one waits on the client, one became a task, one is closed, and one came from an address that is
 * no contact (shown by the name the sender gave). The clock job's notifications of the at-risk and breached ones
 * are made after the demo is committed ({@link DemoData}).
 */
@Component
class DemoRequests {

    private final RequestHistory history;
    private final Requests requests;
    private final Clients clients;
    private final Clock clock;

    DemoRequests(RequestHistory history, Requests requests, Clients clients, Clock clock) {
        this.history = history;
        this.requests = requests;
        this.clients = clients;
        this.clock = clock;
    }

    /**
     * @param ids Harbour Wellness (Sydney, 4 business hours), Thames Legal (London, 8), Hudson Street Bakery (New
     *     York, 24) and Café Paulista (São Paulo, 24), in that order
     * @param member the member assigned to Harbour Wellness, if there is one: the task made from its request is theirs
     */
    void load(CurrentUser owner, List<ClientId> ids, @Nullable CurrentUser member, DemoText say) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        ClientId harbour = ids.get(0);
        ClientId thames = ids.get(1);
        ClientId hudson = ids.get(2);
        ClientId cafe = ids.get(3);
        Author ana = new Author(AuthorKind.USER, null, owner.id(), owner.email(), owner.displayName());
        Author rafael = member == null ? ana
                : new Author(AuthorKind.USER, null, member.id(), member.email(), member.displayName());
        Author olivia = contact(owner, harbour, "Olivia Bennett", AuthorKind.CONTACT);
        Author jackByEmail = contact(owner, harbour, "Jack Nguyen", AuthorKind.EMAIL);
        Author eleanorByEmail = contact(owner, thames, "Eleanor Hughes", AuthorKind.EMAIL);
        Author marcus = contact(owner, hudson, "Marcus Reed", AuthorKind.CONTACT);
        Author sofia = new Author(AuthorKind.EMAIL, null, null, "sofia.alvarez@wholesale-deli.example",
                "Sofia Alvarez");

        // Harbour Wellness: one at risk now, one waiting on the client, one that became a task.
        Instant atRisk = history.openedFor(owner.workspaceId(), harbour, SlaState.AT_RISK, Duration.ofDays(14))
                .orElse(now.minus(Duration.ofHours(3)));
        history.record(owner.workspaceId(), new PastRequest(harbour, RequestSource.PORTAL,
                say.t("Move Thursday's yoga workshop to Saturday", "Mudar o workshop de yoga de quinta para sábado"),
                List.of(message(olivia, say.t("The instructor is sick on Thursday. Can we move the workshop to "
                                + "Saturday morning and tell the 14 people who booked?",
                        "A instrutora está doente na quinta. Dá para passar o workshop para sábado de manhã e avisar "
                                + "as 14 pessoas inscritas?"), atRisk)), null));
        Instant invoiceAt = now.minus(Duration.ofDays(3));
        history.record(owner.workspaceId(), new PastRequest(harbour, RequestSource.EMAIL,
                say.t("Supplier invoice for the new mats", "Nota do fornecedor dos tapetes novos"),
                List.of(message(jackByEmail, say.t("The mat supplier says their invoice is overdue, but I can't "
                                + "find it. Can you check?", "O fornecedor dos tapetes diz que a nota está vencida, "
                                + "mas não encontro. Pode verificar?"), invoiceAt),
                        new PastMessage(rafael, say.t("It isn't in the shared inbox either. Could you forward the "
                                + "supplier's email with the invoice number? I'll pay it the same day.",
                                "Também não está na caixa compartilhada. Pode me encaminhar o e-mail do fornecedor com "
                                        + "o número da nota? Pago no mesmo dia."), true, true,
                                invoiceAt.plus(Duration.ofMinutes(50)))), null));
        Instant newsletterAt = now.minus(Duration.ofDays(6));
        RequestId newsletter = history.record(owner.workspaceId(), new PastRequest(harbour, RequestSource.PORTAL,
                say.t("Newsletter for the winter retreat", "Newsletter do retiro de inverno"),
                List.of(message(olivia, say.t("Bookings for the winter retreat open next month. Could you prepare "
                                + "the newsletter? Photos are in the shared folder.", "As inscrições do retiro de "
                                + "inverno abrem no mês que vem. Pode preparar a newsletter? As fotos estão na pasta "
                                + "compartilhada."), newsletterAt),
                        new PastMessage(ana, say.t("Happy to. I'll send a draft for your approval by Friday.",
                                "Com prazer. Mando um rascunho para sua aprovação até sexta."), true, false,
                                newsletterAt.plus(Duration.ofMinutes(70))),
                        new PastMessage(ana, say.t("Use the retreat template from last year.",
                                "Usar o modelo do retiro do ano passado."), false, false,
                                newsletterAt.plus(Duration.ofMinutes(75)))), null));
        requests.convertToTask(owner, newsletter, new TaskInput(say.t("Winter retreat newsletter",
                "Newsletter do retiro de inverno"), null, null, null, null, false, true, null, null, null, "120",
                member == null ? null : member.id().value().toString(), null, null, null, List.of(), null, null,
                List.of()));

        // Thames Legal: one breached (unanswered past its 8 business hours), one closed.
        Instant breached = history.openedFor(owner.workspaceId(), thames, SlaState.BREACHED, Duration.ofDays(14))
                .map(at -> at.minus(Duration.ofHours(20))).orElse(now.minus(Duration.ofDays(4)));
        history.record(owner.workspaceId(), new PastRequest(thames, RequestSource.EMAIL,
                say.t("Diary clash on the 14th", "Conflito de agenda no dia 14"),
                List.of(message(eleanorByEmail, say.t("It might be worth looking at the 14th: Mr Whitmore's "
                                + "hearing seems to overlap with the partners' lunch.", "Talvez valha olhar o dia "
                                + "14: a audiência do Sr. Whitmore parece coincidir com o almoço dos sócios."),
                        breached)), null));
        Instant letterAt = now.minus(Duration.ofDays(10));
        history.record(owner.workspaceId(), new PastRequest(thames, RequestSource.MANUAL,
                say.t("Format the engagement letter", "Formatar a carta de contratação"),
                List.of(new PastMessage(ana, say.t("Eleanor asked by phone: the new engagement letter in the firm's "
                                + "template, ready to sign.", "A Eleanor pediu por telefone: a nova carta de contratação "
                                + "no modelo do escritório, pronta para assinar."), true, false, letterAt),
                        new PastMessage(ana, say.t("Done: the letter is formatted and in the signing folder.",
                                "Pronto: a carta está formatada e na pasta de assinaturas."), true, false,
                                letterAt.plus(Duration.ofHours(2))),
                        message(eleanorByEmail, say.t("Thank you, that is perfect.", "Obrigada, ficou perfeito."),
                                letterAt.plus(Duration.ofHours(5)))),
                letterAt.plus(Duration.ofHours(6))));

        // Hudson Street Bakery: answered in time, the client writing back; an email from someone not yet a contact.
        Instant photosAt = now.minus(Duration.ofDays(2));
        history.record(owner.workspaceId(), new PastRequest(hudson, RequestSource.PORTAL,
                say.t("Photos for the December posts", "Fotos para os posts de dezembro"),
                List.of(message(marcus, say.t("We baked the holiday loaves today. Photos attached in the drive, pick "
                                + "the best four.", "Assamos os pães de fim de ano hoje. As fotos estão no drive, "
                                + "escolha as quatro melhores."), photosAt),
                        new PastMessage(ana, say.t("Great light in these! I picked four and scheduled the first "
                                + "post for Monday 8 am.", "Que luz boa! Escolhi quatro e agendei o primeiro post para "
                                + "segunda às 8h."), true, false, photosAt.plus(Duration.ofHours(3))),
                        message(marcus, say.t("Can the second one go out on Wednesday instead?",
                                "O segundo pode sair na quarta?"), photosAt.plus(Duration.ofHours(5)))), null));
        Instant wholesaleAt = now.minus(Duration.ofDays(1));
        history.record(owner.workspaceId(), new PastRequest(hudson, RequestSource.EMAIL,
                say.t("Wholesale order for the deli on 9th Avenue", "Pedido de atacado da delicatéssen da 9th Avenue"),
                List.of(message(sofia, say.t("Marcus said you handle his orders. We'd like 40 sourdough loaves "
                                + "every Friday from next month.", "O Marcus disse que você cuida dos pedidos dele. "
                                + "Queremos 40 pães de fermentação natural toda sexta a partir do mês que vem."),
                                wholesaleAt),
                        new PastMessage(ana, say.t("Thank you, Sofia! I've passed it to Marcus and will confirm "
                                + "the price list tomorrow.", "Obrigada, Sofia! Passei para o Marcus e confirmo a "
                                + "tabela de preços amanhã."), true, false, wholesaleAt.plus(Duration.ofHours(1)))),
                null));

        // Café Paulista: entered by hand after a call, answered at once.
        Instant agendaAt = now.minus(Duration.ofDays(1)).minus(Duration.ofHours(2));
        history.record(owner.workspaceId(), new PastRequest(cafe, RequestSource.MANUAL,
                say.t("Agenda for the discovery call", "Pauta da chamada de descoberta"),
                List.of(new PastMessage(ana, say.t("Beatriz asked on WhatsApp for the agenda before the call.",
                                "A Beatriz pediu pelo WhatsApp a pauta antes da chamada."), true, false, agendaAt),
                        new PastMessage(ana, say.t("Agenda sent: their export markets, the current admin load, and "
                                + "which tasks to hand over first.", "Pauta enviada: mercados de exportação, a carga "
                                + "administrativa atual e quais tarefas passar primeiro."), true, false,
                                agendaAt.plus(Duration.ofMinutes(30)))), null));
    }

    private static PastMessage message(Author client, String text, Instant at) {
        return new PastMessage(client, text, true, false, at);
    }

    private Author contact(CurrentUser owner, ClientId client, String name, AuthorKind kind) {
        Contact contact = clients.get(owner, client).contacts().stream().filter(c -> c.name().equals(name))
                .findFirst().orElseThrow();
        return new Author(kind, contact.id(), null, contact.email(), contact.name());
    }
}
