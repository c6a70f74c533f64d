package app.clientdesk.clients.internal;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientSummary;
import app.clientdesk.clients.Contact;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The API's shapes of a client. Field names are the API's contract; change them only with a new version. */
final class ClientJson {

    private ClientJson() {}

    record Day(String day, String start, String end) {
    }

    record Channels(@Nullable String formalRequest, @Nullable String quickQuestion, @Nullable String meeting,
            @Nullable String report) {
    }

    record ContactOut(UUID id, String name, @Nullable String email, @Nullable String phone, @Nullable String role,
            boolean primary) {
    }

    record ContactIn(@Nullable UUID id, @Nullable String name, @Nullable String email, @Nullable String phone,
            @Nullable String role, @Nullable Boolean primary) {
    }

    record PrimaryContact(@Nullable String name, @Nullable String email) {
    }

    /** A full client, as read by {@code GET /api/v1/clients/{id}}. */
    record Full(UUID id, String name, String status, String timeZone, String currency, String locale,
            @Nullable String country, @Nullable String website, @Nullable String billingAddress,
            @Nullable String taxId, List<Day> businessHours, int responseTimeHours, Channels channels,
            @Nullable String culturalNotes, @Nullable String notes, List<ContactOut> contacts, Set<UUID> memberIds,
            boolean archived, String localTime, boolean openNow, Instant createdAt, Instant updatedAt) {

        static Full of(Client c, Clock clock) {
            return new Full(c.id().value(), c.name(), c.status().name(), c.zone().getId(),
                    c.currency().getCurrencyCode(), c.locale(), c.country(), c.website(), c.billingAddress(),
                    c.taxId(), days(c.businessHours()), c.responseTimeHours(),
                    new Channels(c.channels().formalRequest().name(), c.channels().quickQuestion().name(),
                            c.channels().meeting().name(), c.channels().report().name()),
                    c.culturalNotes(), c.notes(), c.contacts().stream().map(ClientJson::contact).toList(),
                    c.memberIds(), c.archived(), isoTime(c.localTime(clock)), c.isOpenNow(clock), c.createdAt(),
                    c.updatedAt());
        }
    }

    /** One row of {@code GET /api/v1/clients}. */
    record Summary(UUID id, String name, String status, String timeZone, String currency, @Nullable String country,
            @Nullable PrimaryContact primaryContact, List<Day> businessHours, int responseTimeHours, boolean archived,
            String localTime, boolean openNow) {

        static Summary of(ClientSummary c, Clock clock) {
            return new Summary(c.id().value(), c.name(), c.status().name(), c.zone().getId(),
                    c.currency().getCurrencyCode(), c.country(),
                    c.primaryContactName() == null ? null
                            : new PrimaryContact(c.primaryContactName(), c.primaryContactEmail()),
                    days(c.businessHours()), c.responseTimeHours(), c.archived(), isoTime(c.localTime(clock)),
                    c.isOpenNow(clock));
        }
    }

    record Page(List<Summary> items, int page, int size, long total) {
    }

    /** What {@code POST} and {@code PATCH} accept; in a PATCH an absent (null) field stays as it is. */
    record Request(@Nullable String name, @Nullable String status, @Nullable String timeZone,
            @Nullable String currency, @Nullable String locale, @Nullable String country, @Nullable String website,
            @Nullable String billingAddress, @Nullable String taxId, @Nullable List<Day> businessHours,
            @Nullable Integer responseTimeHours, @Nullable Channels channels, @Nullable String culturalNotes,
            @Nullable String notes, @Nullable List<ContactIn> contacts, @Nullable List<UUID> memberIds) {
    }

    static List<Day> days(app.clientdesk.clients.BusinessHours hours) {
        return hours.days().entrySet().stream()
                .map(e -> new Day(e.getKey().name(), e.getValue().opens().toString(), e.getValue().closes().toString()))
                .toList();
    }

    private static ContactOut contact(Contact c) {
        return new ContactOut(c.id(), c.name(), c.email(), c.phone(), c.role(), c.primary());
    }

    private static String isoTime(java.time.ZonedDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.withNano(0).toOffsetDateTime());
    }
}
