package app.clientdesk.planning.internal;

import app.clientdesk.clients.ClientChoice;
import app.clientdesk.identity.Account;
import app.clientdesk.planning.MeetingPlan;
import app.clientdesk.planning.MeetingQuery;
import app.clientdesk.planning.MeetingSlots;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The meeting planner page: the choices, what was picked, and (once asked) each slot in words, every party's local
 * time and every clock change said as a sentence, with the address of the meeting form filled in for it.
 */
public record MeetingPlannerPage(List<ClientChoice> clients, List<Account> staff, Set<String> chosenClients,
        Set<String> chosenUsers, String weeks, String durationMinutes, boolean asked, @Nullable String outcome,
        List<SlotView> slots) {

    public MeetingPlannerPage {
        clients = List.copyOf(clients);
        staff = List.copyOf(staff);
        chosenClients = Set.copyOf(chosenClients);
        chosenUsers = Set.copyOf(chosenUsers);
        slots = List.copyOf(slots);
    }

    /** One slot: its heading, each party's local time, its warnings in words, and where choosing it leads. */
    public record SlotView(String heading, boolean insideAllWeeks, int weeksOutside, List<String> times,
            List<Warning> warnings, List<String> holidays, String chooseUrl) {
    }

    /** A clock change in words; {@code outsideHours} when it takes the meeting outside someone's hours. */
    public record Warning(String text, boolean outsideHours) {
    }

    public boolean chosenClient(Object id) {
        return chosenClients.contains(id.toString());
    }

    public boolean chosenUser(Object id) {
        return chosenUsers.contains(id.toString());
    }

    static List<SlotView> slots(MeetingSlots.Options options, MessageSource texts, Locale locale) {
        DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        List<SlotView> views = new ArrayList<>();
        for (MeetingPlan.Slot slot : options.plan().slots()) {
            String day = slot.day().getDisplayName(TextStyle.FULL, locale);
            String heading = texts.getMessage("meetings.slot.heading", new Object[] {
                    day.substring(0, 1).toUpperCase(locale) + day.substring(1), time.format(slot.time()),
                    city(options.organizerZone())}, locale);
            List<String> times = new ArrayList<>();
            slot.firstStarts().forEach((key, start) -> times.add(texts.getMessage("meetings.slot.partyTime",
                    new Object[] {name(options, key), city(start.getZone()), weekdayAndTime(start, locale, time)},
                    locale)));
            List<Warning> warnings = slot.dstWarnings().stream().map(w -> new Warning(texts.getMessage(
                    w.outsideHours() ? "meetings.warning.outside" : "meetings.warning.moves",
                    new Object[] {date.format(w.date()), time.format(w.newTime()), name(options, w.party()),
                            city(zone(options, w.party()))}, locale), w.outsideHours())).toList();
            List<String> holidays = slot.holidays().stream().map(h -> texts.getMessage("meetings.slot.holiday",
                    new Object[] {date.format(h.date()), name(options, h.party())}, locale)).toList();
            views.add(new SlotView(heading, slot.insideAllWeeks(), slot.partyWeeksOutside(), times, warnings, holidays,
                    chooseUrl(options, slot)));
        }
        return views;
    }

    private static String weekdayAndTime(ZonedDateTime start, Locale locale, DateTimeFormatter time) {
        return DateTimeFormatter.ofPattern("EEE", locale).format(start) + " " + time.format(start);
    }

    private static String chooseUrl(MeetingSlots.Options options, MeetingPlan.Slot slot) {
        ZonedDateTime start = slot.firstStart();
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/plan/meetings/create")
                .queryParam("start", start.toLocalDateTime().toString())
                .queryParam("end", start.plus(options.duration()).toLocalDateTime().toString())
                .queryParam("zone", options.organizerZone().getId())
                .queryParam("weeks", options.weeks());
        if (!options.clientIds().isEmpty()) {
            url.queryParam("clientId", options.clientIds().get(0).value());
        }
        options.userIds().forEach(u -> url.queryParam("userIds", u.value()));
        return url.encode().build().toUriString();
    }

    private static String name(MeetingSlots.Options options, String key) {
        return options.party(key).map(MeetingQuery.Party::name).orElse(key);
    }

    private static ZoneId zone(MeetingSlots.Options options, String key) {
        return options.party(key).map(MeetingQuery.Party::zone).orElse(options.organizerZone());
    }

    /** "Sydney" for Australia/Sydney, "Sao Paulo" for America/Sao_Paulo: how people name a zone. */
    static String city(ZoneId zone) {
        String id = zone.getId();
        return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
    }
}
