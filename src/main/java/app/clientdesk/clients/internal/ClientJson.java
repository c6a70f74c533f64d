package app.clientdesk.clients.internal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientSummary;
import app.clientdesk.clients.Contact;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A full client, as read by {@code GET /api/v1/clients/{id}}, and the API's other shapes of a client. Field names
 * are the API's contract; change them only with a new version.
 */
record ClientJson(UUID id, String name, @Schema(allowableValues = {"LEAD", "ONBOARDING", "ACTIVE", "PAUSED", "ENDED"}) String status, String timeZone, String currency, String locale,
            @Nullable String country, @Nullable String website, @Nullable String billingAddress,
            @Nullable String taxId, List<BusinessDayJson> businessHours,
            @Schema(description = RESPONSE_TIME) @Nullable Integer responseTimeHours, ChannelsJson channels,
            @Nullable String culturalNotes, @Nullable String notes, List<ContactJson> contacts, Set<UUID> memberIds,
            boolean archived, String localTime, boolean openNow, Instant createdAt, Instant updatedAt) {

    static final String RESPONSE_TIME = "Response-time commitment in business hours of the workspace's working "
            + "calendar, 1 to 720; null when the client has none (its requests have no response clock).";

    static ClientJson of(Client c, Clock clock) {
        return new ClientJson(c.id().value(), c.name(), c.status().name(), c.zone().getId(),
                c.currency().getCurrencyCode(), c.locale(), c.country(), c.website(), c.billingAddress(),
                c.taxId(), days(c.businessHours()), c.responseTimeHours(),
                new ChannelsJson(c.channels().formalRequest().name(), c.channels().quickQuestion().name(),
                        c.channels().meeting().name(), c.channels().report().name()),
                c.culturalNotes(), c.notes(), c.contacts().stream().map(ClientJson::contact).toList(),
                c.memberIds(), c.archived(), isoTime(c.localTime(clock)), c.isOpenNow(clock), c.createdAt(),
                c.updatedAt());
    }

    record BusinessDayJson(String day, String start, String end) {
    }

    record ChannelsJson(@Nullable String formalRequest, @Nullable String quickQuestion, @Nullable String meeting,
            @Nullable String report) {
    }

    record ContactJson(UUID id, String name, @Nullable String email, @Nullable String phone, @Nullable String role,
            boolean primary) {
    }

    record ContactRequest(@Nullable UUID id, @Nullable String name, @Nullable String email, @Nullable String phone,
            @Nullable String role, @Nullable Boolean primary) {
    }

    record PrimaryContactJson(@Nullable String name, @Nullable String email) {
    }

    /** One row of {@code GET /api/v1/clients}. */
    record ClientSummaryJson(UUID id, String name,
            @Schema(allowableValues = {"LEAD", "ONBOARDING", "ACTIVE", "PAUSED", "ENDED"}) String status, String timeZone, String currency, @Nullable String country,
            @Nullable PrimaryContactJson primaryContact, List<BusinessDayJson> businessHours,
            @Schema(description = RESPONSE_TIME) @Nullable Integer responseTimeHours, boolean archived,
            String localTime, boolean openNow) {

        static ClientSummaryJson of(ClientSummary c, Clock clock) {
            return new ClientSummaryJson(c.id().value(), c.name(), c.status().name(), c.zone().getId(),
                    c.currency().getCurrencyCode(), c.country(),
                    c.primaryContactName() == null ? null
                            : new PrimaryContactJson(c.primaryContactName(), c.primaryContactEmail()),
                    days(c.businessHours()), c.responseTimeHours(), c.archived(), isoTime(c.localTime(clock)),
                    c.isOpenNow(clock));
        }
    }

    /** A page of clients, paged as every list of the API: {@code limit} from {@code offset}, with the total. */
    record ClientPageJson(List<ClientSummaryJson> items, long total, int limit, long offset, boolean hasMore) {
    }

    /** What {@code POST} and {@code PATCH} accept; in a PATCH an absent (null) field stays as it is. */
    record ClientRequest(@Nullable String name, @Nullable String status, @Nullable String timeZone,
            @Nullable String currency, @Nullable String locale, @Nullable String country, @Nullable String website,
            @Nullable String billingAddress, @Nullable String taxId, @Nullable List<BusinessDayJson> businessHours,
            @Schema(implementation = Integer.class, minimum = "1", maximum = "720", description = RESPONSE_TIME
                    + " In a POST, left out means 24; in a PATCH, left out keeps it; null means no commitment.")
            @JsonDeserialize(using = Commitment.Reader.class) @Nullable Commitment responseTimeHours,
            @Nullable ChannelsJson channels, @Nullable String culturalNotes,
            @Nullable String notes, @Nullable List<ContactRequest> contacts, @Nullable List<UUID> memberIds) {
    }

    /**
     * A response-time commitment as sent: {@code hours} null when the field was sent as null (no commitment); the
     * field left out is no {@code Commitment} at all.
     */
    record Commitment(@Nullable Integer hours) {

        /** Hours, or no commitment for JSON null; a left-out field stays null (Jackson's absent value). */
        static final class Reader extends ValueDeserializer<Commitment> {

            @Override
            public Commitment deserialize(JsonParser parser, DeserializationContext context) {
                if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                    return (Commitment) context.handleUnexpectedToken(Integer.class, parser);
                }
                return new Commitment(parser.getIntValue());
            }

            @Override
            public Commitment getNullValue(DeserializationContext context) {
                return new Commitment(null);
            }

            @Override
            public @Nullable Object getAbsentValue(DeserializationContext context) {
                return null;
            }
        }
    }

    static List<BusinessDayJson> days(app.clientdesk.clients.BusinessHours hours) {
        return hours.days().entrySet().stream()
                .map(e -> new BusinessDayJson(e.getKey().name(), e.getValue().opens().toString(), e.getValue().closes().toString()))
                .toList();
    }

    private static ContactJson contact(Contact c) {
        return new ContactJson(c.id(), c.name(), c.email(), c.phone(), c.role(), c.primary());
    }

    private static String isoTime(java.time.ZonedDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.withNano(0).toOffsetDateTime());
    }
}
