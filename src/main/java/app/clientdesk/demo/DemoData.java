package app.clientdesk.demo;

import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.NewWorkspace;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.identity.Workspaces;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo. Later capabilities add their own records here (tasks, time, invoices) so the demo
 * keeps showing the whole product.
 */
@Service
public class DemoData {

    public static final String OWNER_EMAIL = "ana@demo.clientdesk.app";
    public static final String MEMBER_EMAIL = "rafael@demo.clientdesk.app";
    public static final String PASSWORD = "clientdesk-demo";

    private final Workspaces workspaces;
    private final Accounts accounts;
    private final Clients clients;

    DemoData(Workspaces workspaces, Accounts accounts, Clients clients) {
        this.workspaces = workspaces;
        this.accounts = accounts;
        this.clients = clients;
    }

    public boolean demoWorkspaceExists() {
        return accounts.findByEmail(OWNER_EMAIL).isPresent();
    }

    /** Creates the demo workspace with its owner, a member and the clients; does nothing if it exists. */
    @Transactional
    public void createDemoWorkspace() {
        if (demoWorkspaceExists()) {
            return;
        }
        var created = workspaces.create(new NewWorkspace("Ana Souza Assistência Virtual", "Ana Souza", OWNER_EMAIL,
                PASSWORD, "BRL", "America/Sao_Paulo", "pt-BR"));
        UserId member = accounts.add(created.workspaceId(), Role.MEMBER, "Rafael Lima", MEMBER_EMAIL, PASSWORD,
                "pt-BR", "America/Sao_Paulo", null);
        loadClients(created.workspaceId(), List.of(member.value()));
    }

    /** Adds the demo clients to a workspace, e.g. from the button on an empty clients list. */
    @Transactional
    public void loadClients(WorkspaceId workspace, List<UUID> memberIdsForFirstClient) {
        clients.create(workspace, new ClientInput("Harbour Wellness Studio", "ACTIVE", "Australia/Sydney", "AUD",
                "en-AU", "AU", "https://harbourwellness.example", "12 Bay Street\nDouble Bay NSW 2028\nAustralia",
                "ABN 51 824 753 556", week("08:00", "16:00"), "4", "EMAIL", "CHAT", "VIDEO", "EMAIL",
                "Direct and informal; first names from the first email. Prefers short bullet points.",
                "Retainer for inbox and calendar management. Sydney is 13–14 hours ahead of São Paulo.",
                List.of(new ClientInput.ContactInput(null, "Olivia Bennett", "olivia@harbourwellness.example",
                                "+61 2 9000 1234", "Founder", true),
                        new ClientInput.ContactInput(null, "Jack Nguyen", "jack@harbourwellness.example", null,
                                "Studio manager", false)),
                memberIdsForFirstClient));
        clients.create(workspace, new ClientInput("Thames Legal Partners", "ACTIVE", "Europe/London", "GBP", "en-GB",
                "GB", "https://thameslegal.example", "4 Fleet Street\nLondon EC4Y 1AA\nUnited Kingdom",
                "GB 123 4567 89", week("09:00", "17:30"), "8", "EMAIL", "EMAIL", "VIDEO", "EMAIL",
                "Formal and indirect: 'it might be worth considering' means 'please do it'. Always confirm in writing.",
                "Document formatting and diary management for two partners.",
                List.of(new ClientInput.ContactInput(null, "Eleanor Hughes", "e.hughes@thameslegal.example",
                        "+44 20 7946 0018", "Partner", true)),
                List.of()));
        clients.create(workspace, new ClientInput("Hudson Street Bakery", "ONBOARDING", "America/New_York", "USD",
                "en-US", "US", "hudsonbakery.example", "210 Hudson Street\nNew York, NY 10013\nUSA", null,
                week("07:00", "15:00"), "24", "EMAIL", "CHAT", "PHONE", "EMAIL",
                "Very direct, quick decisions; dislikes long emails.",
                "Social media pipeline starting next month: 12 posts a month, approval in the portal.",
                List.of(new ClientInput.ContactInput(null, "Marcus Reed", "marcus@hudsonbakery.example",
                        "+1 212 555 0147", "Owner", true)),
                List.of()));
        clients.create(workspace, new ClientInput("Café Paulista Exportadora", "LEAD", "America/Sao_Paulo", "BRL",
                "pt-BR", "BR", null, null, null, week("09:00", "18:00"), "24", "EMAIL", "CHAT", "VIDEO", "EMAIL",
                "Prefere WhatsApp para dúvidas rápidas; reuniões sempre com pauta enviada antes.",
                "Chamada de descoberta marcada para a próxima semana.",
                List.of(new ClientInput.ContactInput(null, "Beatriz Costa", "beatriz@cafepaulista.example", null,
                        "Diretora comercial", true)),
                List.of()));
    }

    private static List<ClientInput.Day> week(String start, String end) {
        return List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").stream()
                .map(day -> new ClientInput.Day(day, start, end)).toList();
    }
}
