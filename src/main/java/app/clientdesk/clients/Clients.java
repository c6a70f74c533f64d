package app.clientdesk.clients;

import app.clientdesk.identity.Account;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.shared.web.RequestMemo;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clients of a workspace as the viewer may see them: the owner sees and changes all; a member
 * sees only the clients assigned to them and changes none; a client contact sees none here (the
 * portal shows them their own). A client the viewer may not see is reported as not found.
 */
@Service
public class Clients {

    private final ClientStore store;
    private final Accounts accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Clients(ClientStore store, Accounts accounts, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
        this.events = events;
    }

    public ClientPage search(CurrentUser viewer, ClientQuery query) {
        viewer.requireStaff();
        return store.search(viewer.workspaceId(), memberScope(viewer), query);
    }

    public Optional<Client> find(CurrentUser viewer, ClientId id) {
        if (viewer.isClientContact()) {
            return viewer.clientId().filter(own -> own.equals(id.value()))
                    .flatMap(own -> store.find(viewer.workspaceId(), null, id));
        }
        // A client's page asks for the client in each of its sections (work, time, billing, retainers): read once.
        return RequestMemo.once("clients.find", () -> store.find(viewer.workspaceId(), memberScope(viewer), id),
                viewer.workspaceId().value(), viewer.id().value(), id.value());
    }

    /** A client of the workspace, for work that runs without a person (billing's reminders and schedules). */
    public Optional<Client> find(WorkspaceId workspace, ClientId id) {
        // The email intake asks for the same few clients for each message of a batch: read once in it.
        return RequestMemo.once("clients.find.workspace", () -> store.find(workspace, null, id), workspace.value(),
                id.value());
    }

    public Client get(CurrentUser viewer, ClientId id) {
        return find(viewer, id).orElseThrow(() -> new NotFoundException("client"));
    }

    /**
     * The client a list filter or a pre-filled form names by id: empty for a blank or malformed id, and
     * {@link NotFoundException} for one the viewer may not see, so that a page never answers as if
     * another workspace's (or an unassigned) client were merely empty.
     */
    public Optional<ClientId> named(CurrentUser viewer, @Nullable String id) {
        return Ids.parse(id).map(ClientId::new).map(client -> get(viewer, client).id());
    }

    /** The same as {@link #named}, with the client's name: for a filter that shows the client it is set to. */
    public Optional<ClientChoice> chosen(CurrentUser viewer, @Nullable String id) {
        return Ids.parse(id).map(ClientId::new).map(client -> get(viewer, client))
                .map(c -> new ClientChoice(c.id(), c.name()));
    }

    /** The viewer's current clients as a picker lists them: one light query. */
    public List<ClientChoice> choices(CurrentUser viewer) {
        viewer.requireStaff();
        return store.choices(viewer.workspaceId(), memberScope(viewer));
    }

    /** Business hours of the given clients of the viewer's workspace, for showing whether each is open now. */
    public java.util.Map<ClientId, BusinessHours> businessHours(CurrentUser viewer, java.util.Collection<ClientId> ids) {
        viewer.requireStaff();
        return store.hoursOf(viewer.workspaceId(), ids);
    }

    /**
     * Whether {@code person} may see the client: the owner every one of the workspace, a member those assigned to
     * them, a contact none. For work one person plans for another (the owner planning a member's week).
     */
    public boolean visibleTo(app.clientdesk.identity.Account person, ClientId id) {
        return switch (person.role()) {
            case OWNER -> store.find(person.workspaceId(), null, id).isPresent();
            case MEMBER -> store.find(person.workspaceId(), person.id().value(), id).isPresent();
            default -> false;
        };
    }

    public boolean hasAny(WorkspaceId workspace) {
        return store.count(workspace) > 0;
    }

    /** @throws app.clientdesk.shared.validation.InvalidInputException listing every broken rule; nothing is saved */
    @Transactional
    public ClientId create(CurrentUser viewer, ClientInput input) {
        viewer.requireOwner();
        return create(viewer.workspaceId(), input);
    }

    /** For the demo and the data generator, which act for the workspace without a signed-in person. */
    @Transactional
    public ClientId create(WorkspaceId workspace, ClientInput input) {
        ClientRules.Valid valid = ClientRules.check(input, memberIds(workspace));
        ClientId id = ClientId.random();
        store.insert(workspace, id, valid, clock.instant());
        return id;
    }

    /** @throws app.clientdesk.shared.validation.InvalidInputException listing every broken rule; nothing is saved */
    @Transactional
    public Client update(CurrentUser viewer, ClientId id, ClientInput input) {
        get(viewer, id);
        viewer.requireOwner();
        ClientRules.Valid valid = ClientRules.check(input, memberIds(viewer.workspaceId()));
        Set<UUID> ownContacts = store.contactIdsOf(viewer.workspaceId(), id);
        // A contact id from anywhere else is ignored rather than trusted: the contact is added as new.
        List<Contact> contacts = valid.contacts().stream()
                .map(c -> ownContacts.contains(c.id()) ? c
                        : new Contact(UUID.randomUUID(), c.name(), c.email(), c.phone(), c.role(), c.primary()))
                .toList();
        ClientRules.Valid safe = new ClientRules.Valid(valid.name(), valid.status(), valid.zone(), valid.currency(),
                valid.locale(), valid.country(), valid.website(), valid.billingAddress(), valid.taxId(),
                valid.businessHours(), valid.responseTimeHours(), valid.channels(), valid.culturalNotes(),
                valid.notes(), contacts, valid.memberIds());
        if (!store.update(viewer.workspaceId(), id, safe, clock.instant())) {
            throw new NotFoundException("client");
        }
        Set<UUID> removed = new java.util.LinkedHashSet<>(ownContacts);
        contacts.forEach(c -> removed.remove(c.id()));
        if (!removed.isEmpty()) {
            events.publishEvent(new ContactsRemoved(viewer.workspaceId(), id, Set.copyOf(removed)));
        }
        return get(viewer, id);
    }

    @Transactional
    public void archive(CurrentUser viewer, ClientId id) {
        Client client = get(viewer, id);
        viewer.requireOwner();
        Instant now = clock.instant();
        store.setArchived(viewer.workspaceId(), id, now, now);
        if (!client.archived()) {
            events.publishEvent(new ClientArchived(viewer.workspaceId(), id));
        }
    }

    @Transactional
    public void restore(CurrentUser viewer, ClientId id) {
        boolean wasArchived = get(viewer, id).archived();
        viewer.requireOwner();
        store.setArchived(viewer.workspaceId(), id, null, clock.instant());
        if (wasArchived) {
            events.publishEvent(new ClientRestored(viewer.workspaceId(), id));
        }
    }

    /** The members who could be assigned to clients, for the form. */
    public List<Account> assignableMembers(CurrentUser viewer) {
        return viewer.isOwner() ? accounts.members(viewer.workspaceId()) : List.of();
    }

    /**
     * The contacts with this email address (case-insensitive) among the workspace's clients that are not archived,
     * for work that runs without a person (email intake). Several clients may share a contact's address.
     */
    public List<ContactMatch> contactsByEmail(WorkspaceId workspace, String email) {
        return store.contactsByEmail(workspace, email);
    }

    /**
     * {@link #contactsByEmail(WorkspaceId, String)} for many addresses in one statement: each address, lower-cased,
     * to its matches in the same order (an address without a match is absent).
     */
    public Map<String, List<ContactMatch>> contactsByEmails(WorkspaceId workspace, Collection<String> emails) {
        return store.contactsByEmails(workspace, emails);
    }

    private Set<UUID> memberIds(WorkspaceId workspace) {
        return accounts.members(workspace).stream().map(a -> a.id().value()).collect(Collectors.toSet());
    }

    private static @Nullable UUID memberScope(CurrentUser viewer) {
        return viewer.isOwner() ? null : viewer.id().value();
    }
}
