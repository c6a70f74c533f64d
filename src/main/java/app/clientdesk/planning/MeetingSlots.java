package app.clientdesk.planning;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Account;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.UserId;
import app.clientdesk.shared.time.TimeZones;
import app.clientdesk.shared.validation.Violations;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The meeting planner as the viewer asks it: clients (their business hours and zone, which their contacts keep)
 * and members of staff (their working calendars, holidays included) become the planner's parties, and the meeting is
 * anchored in the organizer's zone (the viewer's calendar's unless named), from tomorrow on. A member may name only
 * clients assigned to them; any member of staff of the workspace may be named, since only their hours are read.
 * Naming nobody plans for the viewer alone.
 */
@Service
public class MeetingSlots {

    public static final int MIN_WEEKS = 1;
    public static final int MAX_WEEKS = 52;
    public static final int DEFAULT_WEEKS = 26;
    public static final int MIN_MINUTES = 15;
    public static final int MAX_MINUTES = 480;
    public static final int DEFAULT_MINUTES = 30;
    static final int MAX_PARTIES = 12;

    private final Clients clients;
    private final Accounts accounts;
    private final PersonCalendars calendars;
    private final Clock clock;

    MeetingSlots(Clients clients, Accounts accounts, PersonCalendars calendars, Clock clock) {
        this.clients = clients;
        this.accounts = accounts;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** What was asked, once checked, and the planner's answer; {@code parties} in the order asked, clients first. */
    public record Options(MeetingPlan plan, List<MeetingQuery.Party> parties, ZoneId organizerZone,
            LocalDate firstDate, int weeks, Duration duration, List<ClientId> clientIds, List<UserId> userIds) {

        public Options {
            parties = List.copyOf(parties);
            clientIds = List.copyOf(clientIds);
            userIds = List.copyOf(userIds);
        }

        public Optional<MeetingQuery.Party> party(String key) {
            return parties.stream().filter(p -> p.key().equals(key)).findFirst();
        }
    }

    public static String clientKey(ClientId id) {
        return "client-" + id.value();
    }

    public static String userKey(UserId id) {
        return "user-" + id.value();
    }

    /**
     * @param weeks 1 to 52 (default 26)
     * @param durationMinutes 15 to 480 (default 30)
     * @param zone the organizer's zone (default the viewer's calendar's)
     * @throws app.clientdesk.shared.validation.InvalidInputException with a field error for each bad value
     */
    public Options plan(CurrentUser viewer, List<String> clientIds, List<String> userIds, @Nullable String weeks,
            @Nullable String durationMinutes, @Nullable String zone) {
        viewer.requireStaff();
        Violations v = new Violations();
        int weekCount = number(weeks, DEFAULT_WEEKS, MIN_WEEKS, MAX_WEEKS, "weeks", "meetings.planner.weeks.invalid",
                v);
        int minutes = number(durationMinutes, DEFAULT_MINUTES, MIN_MINUTES, MAX_MINUTES, "durationMinutes",
                "meetings.planner.duration.invalid", v);
        ZoneId organizerZone = null;
        String zoneText = MeetingRules.trimmed(zone);
        if (zoneText != null) {
            organizerZone = TimeZones.parse(zoneText).orElse(null);
            if (organizerZone == null) {
                v.add("zone", "meetings.zone.invalid");
            }
        }
        List<Client> chosenClients = new ArrayList<>();
        for (UUID id : ids(clientIds, "clientIds", "meetings.planner.client.unknown", v)) {
            Optional<Client> client = clients.find(viewer, new ClientId(id));
            if (client.isEmpty()) {
                v.add("clientIds", "meetings.planner.client.unknown");
            } else {
                chosenClients.add(client.get());
            }
        }
        List<Account> people = new ArrayList<>();
        for (UUID id : ids(userIds, "userIds", "meetings.planner.user.unknown", v)) {
            Optional<Account> account = accounts.find(viewer.workspaceId(), new UserId(id))
                    .filter(a -> a.role() != Role.CLIENT && !a.disabled());
            if (account.isEmpty()) {
                v.add("userIds", "meetings.planner.user.unknown");
            } else {
                people.add(account.get());
            }
        }
        if (v.isEmpty() && chosenClients.isEmpty() && people.isEmpty()) {
            // Nobody named: the viewer's own hours, a start for adding the others.
            accounts.find(viewer.workspaceId(), viewer.id()).ifPresent(people::add);
        } else if (chosenClients.size() + people.size() > MAX_PARTIES) {
            v.add("clientIds", "meetings.planner.parties.tooMany", MAX_PARTIES);
        }
        v.throwIfAny();
        if (organizerZone == null) {
            organizerZone = calendars.of(viewer.workspaceId(), viewer.id()).zone();
        }
        List<MeetingQuery.Party> parties = new ArrayList<>();
        for (Client client : chosenClients) {
            parties.add(new MeetingQuery.Party(clientKey(client.id()), client.name(), MeetingQuery.Kind.CLIENT,
                    client.zone(), WeekHours.of(client.businessHours())));
        }
        Map<UserId, PersonCalendar> personCalendars = calendars.of(viewer.workspaceId(),
                people.stream().map(Account::id).toList());
        for (Account person : people) {
            PersonCalendar calendar = personCalendars.get(person.id());
            parties.add(new MeetingQuery.Party(userKey(person.id()), person.displayName(), MeetingQuery.Kind.MEMBER,
                    calendar.zone(), calendar.hours(), calendar.holidayDates()));
        }
        LocalDate firstDate = LocalDate.now(clock.withZone(organizerZone)).plusDays(1);
        Duration duration = Duration.ofMinutes(minutes);
        MeetingPlan plan = MeetingPlanner.find(MeetingQuery.of(parties, organizerZone, firstDate, weekCount,
                duration));
        return new Options(plan, parties, organizerZone, firstDate, weekCount, duration,
                chosenClients.stream().map(Client::id).toList(), people.stream().map(Account::id).toList());
    }

    private static int number(@Nullable String text, int fallback, int min, int max, String field, String key,
            Violations v) {
        String value = MeetingRules.trimmed(text);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        v.add(field, key, min, max);
        return fallback;
    }

    /** Distinct ids in the order given; an id that is not one is an unknown party. */
    private static Set<UUID> ids(List<String> texts, String field, String key, Violations v) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String text : texts) {
            // Repeated parameters and comma-separated lists both work: ?clientIds=a&clientIds=b or ?clientIds=a,b
            for (String part : text.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    ids.add(UUID.fromString(part.strip()));
                } catch (IllegalArgumentException e) {
                    v.add(field, key);
                }
            }
        }
        return ids;
    }
}
