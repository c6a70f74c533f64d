package app.clientdesk.planning;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.clients.Contact;
import app.clientdesk.identity.Account;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.UserId;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meetings as the viewer may see and change them: the owner every meeting of the workspace; a member only those
 * they organize or attend, and only with clients assigned to them (or no client); a client contact none. A meeting
 * the viewer may not see is not found; only its organizer and the owner may change or cancel it.
 *
 * <p>Every create, change and cancellation puts the attendees' emails in the outbox in the same transaction
 * ({@link MeetingInvitations}), so a meeting is never saved without its invitations nor the reverse. A change raises
 * the sequence and sends the update to everyone still invited and a cancellation to anyone taken off the list.
 */
@Service
public class Meetings {

    /** The most meetings one list shows. */
    static final int LIST_LIMIT = 200;

    private final MeetingStore store;
    private final Accounts accounts;
    private final Clients clients;
    private final PersonCalendars calendars;
    private final MeetingInvitations invitations;
    private final Clock clock;

    Meetings(MeetingStore store, Accounts accounts, Clients clients, PersonCalendars calendars,
            MeetingInvitations invitations, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.clients = clients;
        this.calendars = calendars;
        this.invitations = invitations;
        this.clock = clock;
    }

    public Optional<Meeting> find(CurrentUser viewer, UUID id) {
        if (viewer.isClientContact()) {
            return Optional.empty();
        }
        return store.find(viewer.workspaceId(), viewer.isOwner() ? null : viewer.id(), id);
    }

    /** @throws NotFoundException for a meeting the viewer may not see */
    public Meeting get(CurrentUser viewer, UUID id) {
        return find(viewer, id).orElseThrow(() -> new NotFoundException("meeting"));
    }

    /** Meetings not cancelled that have an occurrence still to come (or going on), by first start. */
    public List<Meeting> upcoming(CurrentUser viewer) {
        viewer.requireStaff();
        return store.upcoming(viewer.workspaceId(), viewer.isOwner() ? null : viewer.id(), clock.instant(),
                LIST_LIMIT);
    }

    /**
     * The occurrences of meetings (not cancelled) that {@code person} organizes or attends overlapping
     * {@code [from, to)}, weekly series expanded, in time order: for the week on the planner and calendar feeds.
     * The owner may ask for anyone of the workspace, a member only for themself; a member sees only meetings with
     * clients assigned to them.
     *
     * @throws NotFoundException when the viewer may not ask for {@code person}
     */
    public List<MeetingOccurrence> between(CurrentUser viewer, UserId person, Instant from, Instant to) {
        viewer.requireStaff();
        if (!viewer.isOwner() && !viewer.id().equals(person)) {
            throw new NotFoundException("person");
        }
        return store.of(viewer.workspaceId(), person, viewer.isOwner() ? null : viewer.id(), from, to).stream()
                .flatMap(m -> m.occurrencesBetween(from, to).stream())
                .sorted(Comparator.comparing(MeetingOccurrence::start).thenComparing(MeetingOccurrence::meetingId))
                .toList();
    }

    /** Whether the viewer may change or cancel the meeting: its organizer or the owner. */
    public boolean mayChange(CurrentUser viewer, Meeting meeting) {
        return viewer.isOwner() || meeting.organizer().equals(viewer.id());
    }

    /**
     * Saves the meeting with the viewer as organizer and invites its attendees.
     *
     * @throws InvalidInputException listing every broken rule; nothing is saved and nothing is sent
     * @throws app.clientdesk.mail.MailRefused when the workspace may not send the invitations yet; nothing is saved
     */
    @Transactional
    public Meeting create(CurrentUser viewer, MeetingInput input) {
        viewer.requireStaff();
        MeetingRules.Valid valid = MeetingRules.check(input, calendars.of(viewer.workspaceId(), viewer.id()).zone());
        List<MeetingAttendee> attendees = attendees(viewer, viewer.id(), valid);
        UUID id = UUID.randomUUID();
        store.insert(viewer.workspaceId(), id, viewer.id(), valid, seriesEnd(valid), attendees, clock.instant());
        Meeting meeting = get(viewer, id);
        invitations.invite(viewer, meeting, meeting.attendees(), false);
        return meeting;
    }

    /**
     * Changes every field but the organizer, raises the sequence, sends the update to everyone invited and a
     * cancellation to anyone no longer invited.
     *
     * @throws InvalidInputException as for {@link #create}, or when the meeting is cancelled
     */
    @Transactional
    public Meeting change(CurrentUser viewer, UUID id, MeetingInput input) {
        Meeting old = changeable(viewer, id);
        MeetingRules.Valid valid = MeetingRules.check(input, old.zone());
        List<MeetingAttendee> attendees = attendees(viewer, old.organizer(), valid);
        int sequence = old.sequence() + 1;
        store.update(viewer.workspaceId(), id, valid, seriesEnd(valid), sequence, attendees, clock.instant());
        Meeting meeting = get(viewer, id);
        Set<String> still = meeting.attendees().stream().map(MeetingAttendee::email).collect(Collectors.toSet());
        List<MeetingAttendee> removed = old.attendees().stream().filter(a -> !still.contains(a.email())).toList();
        invitations.invite(viewer, meeting, meeting.attendees(), true);
        if (!removed.isEmpty()) {
            invitations.cancel(viewer, meeting, removed);
        }
        return meeting;
    }

    /** Cancels the whole meeting or series and tells every attendee; cancelling it again changes nothing. */
    @Transactional
    public Meeting cancel(CurrentUser viewer, UUID id) {
        Meeting meeting = get(viewer, id);
        if (!mayChange(viewer, meeting)) {
            throw new AccessDeniedException("only the organizer or the owner cancels a meeting");
        }
        store.lock(viewer.workspaceId(), id);
        meeting = get(viewer, id);
        if (meeting.cancelled()) {
            return meeting;
        }
        store.cancel(viewer.workspaceId(), id, meeting.sequence() + 1, clock.instant());
        Meeting cancelled = get(viewer, id);
        invitations.cancel(viewer, cancelled, cancelled.attendees());
        return cancelled;
    }

    private Meeting changeable(CurrentUser viewer, UUID id) {
        Meeting meeting = get(viewer, id);
        if (!mayChange(viewer, meeting)) {
            throw new AccessDeniedException("only the organizer or the owner changes a meeting");
        }
        store.lock(viewer.workspaceId(), id);
        meeting = get(viewer, id);
        if (meeting.cancelled()) {
            throw InvalidInputException.of("title", "meetings.cancelled.noChange");
        }
        return meeting;
    }

    private static Instant seriesEnd(MeetingRules.Valid valid) {
        return valid.start().atZone(valid.zone()).plusWeeks(valid.weeks() - 1L).toInstant()
                .plus(java.time.Duration.between(valid.start(), valid.end()));
    }

    /**
     * The attendees as invited: staff of the workspace (the organizer left out, they send the invitation) who may
     * see the meeting's client, and contacts of that client with an address.
     */
    private List<MeetingAttendee> attendees(CurrentUser viewer, UserId organizer, MeetingRules.Valid valid) {
        Violations v = new Violations();
        Client client = null;
        if (valid.clientId() != null) {
            ClientId id = new ClientId(valid.clientId());
            client = clients.find(viewer, id).filter(c -> !c.archived()).orElse(null);
            if (client == null) {
                throw InvalidInputException.of("clientId", "meetings.client.unknown");
            }
        }
        List<MeetingAttendee> attendees = new ArrayList<>();
        for (UUID user : valid.userIds()) {
            if (user.equals(organizer.value())) {
                continue;
            }
            Optional<Account> account = accounts.find(viewer.workspaceId(), new UserId(user))
                    .filter(a -> a.role() != Role.CLIENT && !a.disabled());
            if (account.isEmpty()) {
                v.add("userIds", "meetings.attendee.unknown");
            } else if (client != null && !clients.visibleTo(account.get(), client.id())) {
                v.add("userIds", "meetings.attendee.notOnClient", account.get().displayName(), client.name());
            } else {
                attendees.add(new MeetingAttendee(account.get().id(), null, account.get().email(),
                        account.get().displayName(), language(account.get().locale())));
            }
        }
        for (UUID contactId : valid.contactIds()) {
            Contact contact = client == null ? null
                    : client.contacts().stream().filter(c -> c.id().equals(contactId)).findFirst().orElse(null);
            if (contact == null) {
                v.add("contactIds", "meetings.contact.unknown");
            } else if (contact.email() == null || contact.email().isBlank()) {
                v.add("contactIds", "meetings.contact.noEmail", contact.name());
            } else {
                attendees.add(new MeetingAttendee(null, contact.id(), contact.email().strip(), contact.name(),
                        language(Locale.forLanguageTag(client.locale()))));
            }
        }
        v.throwIfAny();
        if (attendees.isEmpty()) {
            throw InvalidInputException.of("userIds", "meetings.attendees.required");
        }
        return attendees;
    }

    /** Invitations go out in Brazilian Portuguese or English, the two languages of the app. */
    static Locale language(@Nullable Locale locale) {
        return locale != null && locale.getLanguage().equals("pt") ? Locale.forLanguageTag("pt-BR") : Locale.ENGLISH;
    }
}
