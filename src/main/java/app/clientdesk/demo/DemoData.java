package app.clientdesk.demo;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Account;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.NewWorkspace;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.identity.WorkspaceSettings;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.shared.i18n.Languages;
import app.clientdesk.slawatch.SlaWatch;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo: clients, and their projects and tasks (see {@link DemoWork}). Later capabilities add
 * their own records here (time, invoices, requests and the notifications they made) so the demo keeps showing the
 * whole product.
 */
@Service
public class DemoData {

    public static final String OWNER_EMAIL = "ana@demo.clientdesk.app";
    public static final String MEMBER_EMAIL = "rafael@demo.clientdesk.app";
    public static final String PASSWORD = "clientdesk-demo";

    private final Workspaces workspaces;
    private final Accounts accounts;
    private final Clients clients;
    private final DemoWork work;
    private final DemoTime time;
    private final DemoBilling billing;
    private final DemoRequests requests;
    private final SlaWatch slaWatch;
    private final TransactionTemplate transactions;

    DemoData(Workspaces workspaces, Accounts accounts, Clients clients, DemoWork work, DemoTime time, DemoBilling billing,
            DemoRequests requests, SlaWatch slaWatch, TransactionTemplate transactions) {
        this.workspaces = workspaces;
        this.accounts = accounts;
        this.clients = clients;
        this.work = work;
        this.time = time;
        this.billing = billing;
        this.requests = requests;
        this.slaWatch = slaWatch;
        this.transactions = transactions;
    }

    public boolean demoWorkspaceExists() {
        return accounts.findByEmail(OWNER_EMAIL).isPresent();
    }

    /**
     * Creates the demo workspace with its owner, a member, the clients and their work, all in the given language
     * (English or Brazilian Portuguese: the people's screens, the workflows, templates and every text of the
     * demo); does nothing if it exists. The workspace is committed before its work is made: a workspace's workflows are seeded in a
     * transaction of their own, which must see it.
     */
    public void createDemoWorkspace(Locale language) {
        if (demoWorkspaceExists()) {
            return;
        }
        String tag = Languages.supportedOrDefault(language).toLanguageTag();
        var created = transactions.execute(status -> workspaces.create(new NewWorkspace("Ana Souza Assistência Virtual",
                "Ana Souza", OWNER_EMAIL, PASSWORD, "BRL", "America/Sao_Paulo", tag)));
        UserId member = transactions.execute(status -> accounts.add(created.workspaceId(), Role.MEMBER,
                "Rafael Lima", MEMBER_EMAIL, PASSWORD, tag, "America/Sao_Paulo", null));
        loadSample(viewer(created.workspaceId(), created.ownerId()), List.of(member.value()));
    }

    /**
     * Adds the demo clients and their projects and tasks to an existing workspace, e.g. from the button on
     * an empty clients list, in the owner's language; the first member given is assigned to the first client and
     * does some of its work.
     */
    public void loadSample(CurrentUser owner, List<UUID> memberIdsForFirstClient) {
        DemoText say = new DemoText(owner.locale());
        transactions.executeWithoutResult(status -> {
            List<ClientId> ids = loadClients(owner.workspaceId(), memberIdsForFirstClient, say);
            CurrentUser member = memberIdsForFirstClient.isEmpty() ? null
                    : viewer(owner.workspaceId(), new UserId(memberIdsForFirstClient.get(0)));
            work.load(owner, ids, member, say);
            time.load(owner, ids, member, say);
            billing.load(owner, ids, say);
            requests.load(owner, ids, member, say);
        });
        // The at-risk and breached requests are told now, as the clock job would (it tells each state once).
        slaWatch.runDue();
    }

    /** The person as the services see a signed-in user, to make the demo through the same rules. */
    private CurrentUser viewer(WorkspaceId workspace, UserId id) {
        Account account = accounts.find(workspace, id).orElseThrow();
        WorkspaceSettings settings = workspaces.settings(workspace);
        return new CurrentUser(account.id().value(), workspace.value(), settings.name(), account.email(),
                account.displayName(), null, account.role(), account.locale(), ZoneId.of(settings.timeZone()),
                account.clientId(), true);
    }

    /** Adds the demo clients to a workspace, their notes in the demo's language. */
    @Transactional
    List<ClientId> loadClients(WorkspaceId workspace, List<UUID> memberIdsForFirstClient, DemoText say) {
        List<ClientId> ids = new ArrayList<>();
        ids.add(clients.create(workspace, new ClientInput("Harbour Wellness Studio", "ACTIVE", "Australia/Sydney", "AUD",
                "en-AU", "AU", "https://harbourwellness.example", "12 Bay Street\nDouble Bay NSW 2028\nAustralia",
                "ABN 51 824 753 556", week("08:00", "16:00"), "4", "EMAIL", "CHAT", "VIDEO", "EMAIL",
                say.t("Direct and informal; first names from the first email. Prefers short bullet points.",
                        "Direta e informal; primeiro nome desde o primeiro e-mail. Prefere tópicos curtos."),
                say.t("Retainer for inbox and calendar management. Sydney is 13–14 hours ahead of São Paulo.",
                        "Pacote mensal de gestão de e-mail e agenda. Sydney está 13–14 horas à frente de São Paulo."),
                List.of(new ClientInput.ContactInput(null, "Olivia Bennett", "olivia@harbourwellness.example",
                                "+61 2 9000 1234", say.t("Founder", "Fundadora"), true),
                        new ClientInput.ContactInput(null, "Jack Nguyen", "jack@harbourwellness.example", null,
                                say.t("Studio manager", "Gerente do estúdio"), false)),
                memberIdsForFirstClient)));
        ids.add(clients.create(workspace, new ClientInput("Thames Legal Partners", "ACTIVE", "Europe/London", "GBP", "en-GB",
                "GB", "https://thameslegal.example", "4 Fleet Street\nLondon EC4Y 1AA\nUnited Kingdom",
                "GB 123 4567 89", week("09:00", "17:30"), "8", "EMAIL", "EMAIL", "VIDEO", "EMAIL",
                say.t("Formal and indirect: 'it might be worth considering' means 'please do it'. Always confirm in writing.",
                        "Formal e indireto: 'talvez valha considerar' quer dizer 'por favor, faça'. Sempre confirmar por escrito."),
                say.t("Document formatting and diary management for two partners.",
                        "Formatação de documentos e agenda de dois sócios."),
                List.of(new ClientInput.ContactInput(null, "Eleanor Hughes", "e.hughes@thameslegal.example",
                        "+44 20 7946 0018", say.t("Partner", "Sócia"), true)),
                List.of())));
        ids.add(clients.create(workspace, new ClientInput("Hudson Street Bakery", "ONBOARDING", "America/New_York", "USD",
                "en-US", "US", "hudsonbakery.example", "210 Hudson Street\nNew York, NY 10013\nUSA", null,
                week("07:00", "15:00"), "24", "EMAIL", "CHAT", "PHONE", "EMAIL",
                say.t("Very direct, quick decisions; dislikes long emails.",
                        "Muito direto, decide rápido; não gosta de e-mails longos."),
                say.t("Social media pipeline starting next month: 12 posts a month, approval in the portal.",
                        "Redes sociais a partir do mês que vem: 12 posts por mês, aprovação no portal."),
                List.of(new ClientInput.ContactInput(null, "Marcus Reed", "marcus@hudsonbakery.example",
                        "+1 212 555 0147", say.t("Owner", "Dono"), true)),
                List.of())));
        ids.add(clients.create(workspace, new ClientInput("Café Paulista Exportadora", "LEAD", "America/Sao_Paulo", "BRL",
                "pt-BR", "BR", null, null, null, week("09:00", "18:00"), "24", "EMAIL", "CHAT", "VIDEO", "EMAIL",
                say.t("Prefers WhatsApp for quick questions; meetings always with an agenda sent beforehand.",
                        "Prefere WhatsApp para dúvidas rápidas; reuniões sempre com pauta enviada antes."),
                say.t("Discovery call booked for next week.", "Chamada de descoberta marcada para a próxima semana."),
                List.of(new ClientInput.ContactInput(null, "Beatriz Costa", "beatriz@cafepaulista.example", null,
                        say.t("Sales director", "Diretora comercial"), true)),
                List.of())));
        return ids;
    }

    private static List<ClientInput.Day> week(String start, String end) {
        return List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").stream()
                .map(day -> new ClientInput.Day(day, start, end)).toList();
    }
}
