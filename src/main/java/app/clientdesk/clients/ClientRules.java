package app.clientdesk.clients;

import app.clientdesk.shared.i18n.Countries;
import app.clientdesk.shared.i18n.Currencies;
import app.clientdesk.shared.time.TimeZones;
import app.clientdesk.shared.validation.Emails;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Every rule a client must meet, checked in one pass so that a form or an API caller learns about all
 * broken rules at once. Field names in the violations are the API's camelCase names.
 */
final class ClientRules {

    static final int MAX_CONTACTS = 50;
    private static final Set<String> LANGUAGES = new HashSet<>(Arrays.asList(Locale.getISOLanguages()));

    record Valid(String name, ClientStatus status, ZoneId zone, Currency currency, String locale,
            @Nullable String country, @Nullable String website, @Nullable String billingAddress,
            @Nullable String taxId, BusinessHours businessHours, @Nullable Integer responseTimeHours, Channels channels,
            @Nullable String culturalNotes, @Nullable String notes, List<Contact> contacts,
            @Nullable Set<UUID> memberIds) {
    }

    private ClientRules() {}

    /**
     * @param workspaceMembers ids of the workspace's active members; an assignment to anyone else is refused
     * @throws InvalidInputException listing every broken rule
     */
    static Valid check(ClientInput in, Set<UUID> workspaceMembers) {
        Violations v = new Violations();
        String name = text(app.clientdesk.shared.text.Text.name(in.name()), "name", 160, true, v);
        ClientStatus status = enumValue(ClientStatus.class, in.status(), "status", ClientStatus.ACTIVE, v);
        ZoneId zone = null;
        if (blank(in.timeZone())) {
            v.add("timeZone", "validation.required");
        } else {
            zone = TimeZones.parse(in.timeZone()).orElse(null);
            if (zone == null) {
                v.add("timeZone", "validation.timeZone");
            }
        }
        Currency currency = null;
        if (blank(in.currency())) {
            v.add("currency", "validation.required");
        } else {
            currency = Currencies.parse(in.currency()).orElse(null);
            if (currency == null) {
                v.add("currency", "validation.currency");
            }
        }
        String locale = locale(in.locale(), v);
        String country = null;
        if (!blank(in.country())) {
            country = Countries.parse(in.country()).orElse(null);
            if (country == null) {
                v.add("country", "validation.country");
            }
        }
        String website = website(in.website(), v);
        String billingAddress = text(in.billingAddress(), "billingAddress", 1000, false, v);
        String taxId = text(in.taxId(), "taxId", 64, false, v);
        BusinessHours hours = hours(in.businessHours(), v);
        Integer responseHours = responseHours(in.responseTimeHours(), v);
        Channels channels = new Channels(
                enumValue(Channel.class, in.channelFormalRequest(), "channels.formalRequest", Channels.DEFAULT.formalRequest(), v),
                enumValue(Channel.class, in.channelQuickQuestion(), "channels.quickQuestion", Channels.DEFAULT.quickQuestion(), v),
                enumValue(Channel.class, in.channelMeeting(), "channels.meeting", Channels.DEFAULT.meeting(), v),
                enumValue(Channel.class, in.channelReport(), "channels.report", Channels.DEFAULT.report(), v));
        String culturalNotes = text(in.culturalNotes(), "culturalNotes", 4000, false, v);
        String notes = text(in.notes(), "notes", 8000, false, v);
        List<Contact> contacts = contacts(in.contacts(), v);
        Set<UUID> members = null;
        if (in.memberIds() != null) {
            members = new LinkedHashSet<>(in.memberIds());
            if (!workspaceMembers.containsAll(members)) {
                v.add("memberIds", "client.members.unknown");
            }
        }
        v.throwIfAny();
        return new Valid(name, status, zone, currency, locale, country, website, billingAddress, taxId, hours,
                responseHours, channels, culturalNotes, notes, contacts, members);
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static @Nullable String text(@Nullable String value, String field, int max, boolean required, Violations v) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            if (required) {
                v.add(field, "validation.required");
            }
            return required ? "" : null;
        }
        if (trimmed.length() > max) {
            v.add(field, "validation.tooLong", max);
        }
        return trimmed;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, @Nullable String value, String field, E fallback,
            Violations v) {
        if (blank(value)) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.add(field, "validation.choice");
            return fallback;
        }
    }

    private static String locale(@Nullable String value, Violations v) {
        if (blank(value)) {
            return "en";
        }
        Locale locale = Locale.forLanguageTag(value.trim().replace('_', '-'));
        if (locale.getLanguage().isEmpty() || !LANGUAGES.contains(locale.getLanguage()) || value.trim().length() > 16) {
            v.add("locale", "validation.language");
            return "en";
        }
        return locale.toLanguageTag();
    }

    private static @Nullable String website(@Nullable String value, Violations v) {
        if (blank(value)) {
            return null;
        }
        String url = value.trim();
        if (!url.contains("://")) {
            url = "https://" + url;
        }
        try {
            URI uri = URI.create(url);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null || !uri.getHost().contains(".") || url.length() > 300) {
                v.add("website", "validation.url");
            }
        } catch (IllegalArgumentException e) {
            v.add("website", "validation.url");
        }
        return url;
    }

    /** Not given (null): the usual 24 hours. Given empty: no commitment. Otherwise whole hours from 1 to 720. */
    private static @Nullable Integer responseHours(@Nullable String value, Violations v) {
        if (value == null) {
            return 24;
        }
        if (value.isBlank()) {
            return null;
        }
        try {
            int hours = Integer.parseInt(value.trim());
            if (hours < 1 || hours > 720) {
                v.add("responseTimeHours", "client.responseTime.range", 1, 720);
            }
            return hours;
        } catch (NumberFormatException e) {
            v.add("responseTimeHours", "client.responseTime.range", 1, 720);
            return 24;
        }
    }

    private static BusinessHours hours(List<ClientInput.Day> days, Violations v) {
        Map<DayOfWeek, BusinessHours.Span> spans = new EnumMap<>(DayOfWeek.class);
        for (int i = 0; i < days.size(); i++) {
            ClientInput.Day in = days.get(i);
            String field = "businessHours[" + i + "]";
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(String.valueOf(in.day()).trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.add(field + ".day", "validation.choice");
                continue;
            }
            LocalTime start = time(in.start(), field + ".start", v);
            LocalTime end = time(in.end(), field + ".end", v);
            if (start == null || end == null) {
                continue;
            }
            if (!end.isAfter(start)) {
                v.add(field + ".end", "client.hours.endBeforeStart");
            } else if (spans.putIfAbsent(day, new BusinessHours.Span(start, end)) != null) {
                v.add(field + ".day", "client.hours.duplicateDay");
            }
        }
        return new BusinessHours(spans);
    }

    private static @Nullable LocalTime time(@Nullable String value, String field, Violations v) {
        if (blank(value)) {
            v.add(field, "validation.required");
            return null;
        }
        try {
            return LocalTime.parse(value.trim().length() == 4 ? "0" + value.trim() : value.trim());
        } catch (DateTimeParseException e) {
            v.add(field, "validation.time");
            return null;
        }
    }

    private static List<Contact> contacts(List<ClientInput.ContactInput> inputs, Violations v) {
        if (inputs.size() > MAX_CONTACTS) {
            v.add("contacts", "client.contacts.tooMany", MAX_CONTACTS);
            return List.of();
        }
        List<Contact> contacts = new ArrayList<>();
        int primaries = 0;
        for (int i = 0; i < inputs.size(); i++) {
            ClientInput.ContactInput in = inputs.get(i);
            String field = "contacts[" + i + "]";
            String name = text(app.clientdesk.shared.text.Text.name(in.name()), field + ".name", 120, true, v);
            String email = null;
            if (!blank(in.email())) {
                email = Emails.normalise(in.email()).orElse(null);
                if (email == null) {
                    v.add(field + ".email", "validation.email");
                }
            }
            String phone = text(in.phone(), field + ".phone", 40, false, v);
            if (phone != null && !phone.matches("[0-9+()\\-. ]{3,40}")) {
                v.add(field + ".phone", "validation.phone");
            }
            String role = text(in.role(), field + ".role", 80, false, v);
            if (in.primary()) {
                primaries++;
            }
            contacts.add(new Contact(in.id() == null ? UUID.randomUUID() : in.id(), name, email, phone, role,
                    in.primary()));
        }
        if (primaries > 1) {
            v.add("contacts", "client.contacts.onePrimary");
        }
        if (primaries == 0 && !contacts.isEmpty()) {
            Contact first = contacts.get(0);
            contacts.set(0, new Contact(first.id(), first.name(), first.email(), first.phone(), first.role(), true));
        }
        return contacts;
    }
}
