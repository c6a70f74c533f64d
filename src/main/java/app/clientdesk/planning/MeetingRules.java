package app.clientdesk.planning;

import app.clientdesk.shared.time.TimeZones;
import app.clientdesk.shared.validation.Violations;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a meeting's own fields: a title, times that parse and end after they start (at most a day), a zone
 * the app knows, a video link that is http(s), 1 to {@value #MAX_WEEKS} weekly occurrences and ids that are ids.
 * Whether the client, members and contacts exist and may be invited is {@link Meetings}' to check.
 */
final class MeetingRules {

    static final int TITLE_MAX = 200;
    static final int AGENDA_MAX = 4000;
    static final int URL_MAX = 500;
    static final int MAX_WEEKS = 260;
    static final int MAX_ATTENDEES = 50;
    static final Duration LONGEST = Duration.ofHours(24);

    record Valid(String title, @Nullable String agenda, @Nullable String videoUrl, @Nullable UUID clientId,
            Instant start, Instant end, ZoneId zone, int weeks, List<UUID> userIds, List<UUID> contactIds) {
    }

    private MeetingRules() {
    }

    /** @throws app.clientdesk.shared.validation.InvalidInputException listing every broken rule */
    static Valid check(MeetingInput input, ZoneId defaultZone) {
        Violations v = new Violations();
        String title = trimmed(input.title());
        if (title == null) {
            v.add("title", "meetings.title.required");
        } else if (title.length() > TITLE_MAX) {
            v.add("title", "meetings.title.tooLong", TITLE_MAX);
        }
        String agenda = trimmed(input.agenda());
        if (agenda != null && agenda.length() > AGENDA_MAX) {
            v.add("agenda", "meetings.agenda.tooLong", AGENDA_MAX);
        }
        String url = trimmed(input.videoUrl());
        if (url != null && !webAddress(url)) {
            v.add("videoUrl", "meetings.videoUrl.invalid");
        }
        ZoneId zone = defaultZone;
        String zoneText = trimmed(input.zone());
        if (zoneText != null) {
            Optional<ZoneId> parsed = TimeZones.parse(zoneText);
            if (parsed.isPresent()) {
                zone = parsed.get();
            } else {
                v.add("zone", "meetings.zone.invalid");
            }
        }
        Instant start = instant(input.start(), "start", zone, v);
        Instant end = instant(input.end(), "end", zone, v);
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                v.add("end", "meetings.end.beforeStart");
            } else if (Duration.between(start, end).compareTo(LONGEST) > 0) {
                v.add("end", "meetings.end.tooLong");
            }
        }
        int weeks = 1;
        String weeksText = trimmed(input.weeks());
        if (weeksText != null) {
            try {
                weeks = Integer.parseInt(weeksText);
            } catch (NumberFormatException e) {
                weeks = 0;
            }
            if (weeks < 1 || weeks > MAX_WEEKS) {
                v.add("weeks", "meetings.weeks.invalid", MAX_WEEKS);
            }
        }
        UUID client = null;
        String clientText = trimmed(input.clientId());
        if (clientText != null) {
            client = uuid(clientText);
            if (client == null) {
                v.add("clientId", "meetings.client.unknown");
            }
        }
        List<UUID> users = ids(input.userIds(), "userIds", v);
        List<UUID> contacts = ids(input.contactIds(), "contactIds", v);
        if (users.isEmpty() && contacts.isEmpty()) {
            v.add("userIds", "meetings.attendees.required");
        } else if (users.size() + contacts.size() > MAX_ATTENDEES) {
            v.add("userIds", "meetings.attendees.tooMany", MAX_ATTENDEES);
        }
        v.throwIfAny();
        return new Valid(title, agenda, url, client, start, end, zone, weeks, users, contacts);
    }

    static @Nullable String trimmed(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static boolean webAddress(String text) {
        if (text.length() > URL_MAX) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static @Nullable Instant instant(@Nullable String text, String field, ZoneId zone, Violations v) {
        String value = trimmed(text);
        if (value == null) {
            v.add(field, "meetings." + field + ".required");
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).atZone(zone).toInstant();
            } catch (DateTimeParseException again) {
                v.add(field, "meetings." + field + ".invalid");
                return null;
            }
        }
    }

    private static @Nullable UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<UUID> ids(List<String> texts, String field, Violations v) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            UUID id = uuid(text.strip());
            if (id == null) {
                v.add(field, field.equals("userIds") ? "meetings.attendee.unknown" : "meetings.contact.unknown");
            } else {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }
}
