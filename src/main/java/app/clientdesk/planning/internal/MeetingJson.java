package app.clientdesk.planning.internal;

import app.clientdesk.planning.Meeting;
import app.clientdesk.planning.MeetingAttendee;
import app.clientdesk.planning.MeetingOccurrence;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A meeting in the API: its first occurrence with the offset of the zone it was planned in. */
record MeetingJson(UUID id, String title, @Nullable String agenda, @Nullable String videoUrl, @Nullable UUID clientId,
        @Nullable String clientName, UUID organizerId, String organizerName, OffsetDateTime start, OffsetDateTime end,
        String zone, int weeks, int sequence, boolean cancelled, List<MeetingAttendeeJson> attendees) {

    static MeetingJson of(Meeting m) {
        return new MeetingJson(m.id(), m.title(), m.agenda(), m.videoUrl(),
                m.clientId() == null ? null : m.clientId().value(), m.clientName(), m.organizer().value(),
                m.organizerName(), m.start().atZone(m.zone()).toOffsetDateTime(),
                m.end().atZone(m.zone()).toOffsetDateTime(), m.zone().getId(), m.weeks(), m.sequence(), m.cancelled(),
                m.attendees().stream().map(MeetingAttendeeJson::of).toList());
    }

    /** Someone invited: a member of staff (userId) or a client's contact (contactId). */
    record MeetingAttendeeJson(@Nullable UUID userId, @Nullable UUID contactId, String email, String name,
            String language) {

        static MeetingAttendeeJson of(MeetingAttendee a) {
            return new MeetingAttendeeJson(a.userId() == null ? null : a.userId().value(), a.contactId(), a.email(),
                    a.name(), a.language().toLanguageTag());
        }
    }

    /** What a create or change sends; a change replaces every field. */
    record MeetingRequest(@Nullable String title, @Nullable String agenda, @Nullable String videoUrl,
            @Nullable String clientId, @Nullable String start, @Nullable String end, @Nullable String zone,
            @Nullable Integer weeks, @Nullable List<String> userIds, @Nullable List<String> contactIds) {
    }

    record MeetingListJson(List<MeetingJson> items) {
    }

    /** One occurrence of a meeting, with the offset of the zone it was planned in. */
    record MeetingOccurrenceJson(UUID meetingId, int number, String title, @Nullable UUID clientId,
            @Nullable String clientName, OffsetDateTime start, OffsetDateTime end, String zone,
            @Nullable String videoUrl) {

        static MeetingOccurrenceJson of(MeetingOccurrence o) {
            return new MeetingOccurrenceJson(o.meetingId(), o.number(), o.title(),
                    o.clientId() == null ? null : o.clientId().value(), o.clientName(),
                    o.start().atZone(o.zone()).toOffsetDateTime(), o.end().atZone(o.zone()).toOffsetDateTime(),
                    o.zone().getId(), o.videoUrl());
        }
    }

    record MeetingOccurrenceListJson(List<MeetingOccurrenceJson> items, OffsetDateTime from, OffsetDateTime to) {
    }
}
