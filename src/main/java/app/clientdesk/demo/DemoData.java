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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo: clients, and their projects and tasks (see {@link DemoWork}). Later capabilities add
 * their own records here (time, invoices) so the demo keeps showing the whole product.
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
    private final TransactionTemplate transactions;

    DemoData(Workspaces workspaces, Accounts accounts, Clients clients, DemoWork work, DemoTime time, DemoBilling billing,
            TransactionTemplate transactions) {
        this.workspaces = workspaces;
        this.accounts = accounts;
        this.clients = clients;
        this.work = work;
        this.time = time;
        this.billing = billing;
        this.transactions = transactions;
    }

    public boolean demoWorkspaceExists() {
        return accounts.findByEmail(OWNER_EMAIL).isPresent();
    }

    /**
     * Creates the demo workspace with its owner, a member, the clients and their work; does nothing if it
     * exists. The workspace is committed before its work is made: a workspace's workflows are seeded in a
     * transaction of their own, which must see it.
     */
    public void createDemoWorkspace() {
        if (demoWorkspaceExists()) {
            return;
        }
        var created = transactions.execute(status -> workspaces.create(new NewWorkspace("Ana Souza Assistência Virtual",
                "Ana Souza", OWNER_EMAIL, PASSWORD, "BRL", "America/Sao_Paulo", "pt-BR")));
        UserId member = transactions.execute(status -> accounts.add(created.workspaceId(), Role.MEMBER,
                "Rafael Lima", MEMBER_EMAIL, PASSWORD, "pt-BR", "America/Sao_Paulo", null));
        loadSample(viewer(created.workspaceId(), created.ownerId()), List.of(member.value()));
    }

    /**
     * Adds the demo clients and their projects and tasks to an existing workspace, e.g. from the button on
     * an empty clients list; the first member given is assigned to the first client and does some of its work.
     */
    public void loadSample(CurrentUser owner, List<UUID> memberIdsForFirstClient) {
        transactions.executeWithoutResult(status -> {
            List<ClientId> ids = loadClients(owner.workspaceId(), memberIdsForFirstClient);
            CurrentUser member = memberIdsForFirstClient.isEmpty() ? null
                    : viewer(owner.workspaceId(), new UserId(memberIdsForFirstClient.get(0)));
            work.load(owner, ids, member);
            time.load(owner, ids, member);
            billing.load(owner, ids);
        });
    }

    /** The person as the services see a signed-in user, to make the demo through the same rules. */
    private CurrentUser viewer(WorkspaceId workspace, UserId id) {
        Account account = accounts.find(workspace, id).orElseThrow();
        WorkspaceSettings settings = workspaces.settings(workspace);
        return new CurrentUser(account.id().value(), workspace.value(), settings.name(), account.email(),
                account.displayName(), null, account.role(), account.locale(), ZoneId.of(settings.timeZone()),
                account.clientId(), true);
    }

    /** Adds the demo clients to a workspace. */
    @Transactional
    public List<ClientId> loadClients(WorkspaceId workspace, List<UUID> memberIdsForFirstClient) {
        List<ClientId> ids = new ArrayList<>();
        ids.add(clients.create(workspace, new ClientInput("Harbour Wellness Studio", "ACTIVE", "Australia/Sydney", "AUD",
                "en-AU", "AU", "https://harbourwellness.example", "12 Bay Street\nDouble Bay NSW 2028\nAustralia",
                "ABN 51 824 753 556", week("08:00", "16:00"), "4", "EMAIL", "CHAT", "VIDEO", "EMAIL",
                "Direct and informal; first names from the first email. Prefers short bullet points.",
                "Retainer for inbox and calendar management. Sydney is 13–14 hours ahead of São Paulo.",
                List.of(new ClientInput.ContactInput(null, "Olivia Bennett", "olivia@harbourwellness.example",
                                "+61 2 9000 1234", "Founder", true),
                        new ClientInput.ContactInput(null, "Jack Nguyen", "jack@harbourwellness.example", null,
                                "Studio manager", false)),
                memberIdsForFirstClient)));
        ids.add(clients.create(workspace, new ClientInput("Thames Legal Partners", "ACTIVE", "Europe/London", "GBP", "en-GB",
                "GB", "https://thameslegal.example", "4 Fleet Street\nLondon EC4Y 1AA\nUnited Kingdom",
                "GB 123 4567 89", week("09:00", "17:30"), "8", "EMAIL", "EMAIL", "VIDEO", "EMAIL",
                "Formal and indirect: 'it might be worth considering' means 'please do it'. Always confirm in writing.",
                "Document formatting and diary management for two partners.",
                List.of(new ClientInput.ContactInput(null, "Eleanor Hughes", "e.hughes@thameslegal.example",
                        "+44 20 7946 0018", "Partner", true)),
                List.of())));
        ids.add(clients.create(workspace, new ClientInput("Hudson Street Bakery", "ONBOARDING", "America/New_York", "USD",
                "en-US", "US", "hudsonbakery.example", "210 Hudson Street\nNew York, NY 10013\nUSA", null,
                week("07:00", "15:00"), "24", "EMAIL", "CHAT", "PHONE", "EMAIL",
                "Very direct, quick decisions; dislikes long emails.",
                "Social media pipeline starting next month: 12 posts a month, approval in the portal.",
                List.of(new ClientInput.ContactInput(null, "Marcus Reed", "marcus@hudsonbakery.example",
                        "+1 212 555 0147", "Owner", true)),
                List.of())));
        ids.add(clients.create(workspace, new ClientInput("Café Paulista Exportadora", "LEAD", "America/Sao_Paulo", "BRL",
                "pt-BR", "BR", null, null, null, week("09:00", "18:00"), "24", "EMAIL", "CHAT", "VIDEO", "EMAIL",
                "Prefere WhatsApp para dúvidas rápidas; reuniões sempre com pauta enviada antes.",
                "Chamada de descoberta marcada para a próxima semana.",
                List.of(new ClientInput.ContactInput(null, "Beatriz Costa", "beatriz@cafepaulista.example", null,
                        "Diretora comercial", true)),
                List.of())));
        return ids;
    }

    private static List<ClientInput.Day> week(String start, String end) {
        return List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").stream()
                .map(day -> new ClientInput.Day(day, start, end)).toList();
    }
}
