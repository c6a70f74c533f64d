package app.clientdesk.planning.internal;

import app.clientdesk.planning.MeetingPlan;
import app.clientdesk.planning.MeetingQuery;
import app.clientdesk.planning.MeetingSlots;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The meeting planner's answer in the API. {@code dstWarnings} at the top are the first (suggested) slot's; each
 * slot lists its own.
 */
record MeetingPlannerJson(String outcome, boolean noSlotInsideAllWeeks, boolean impossible, String organizerZone,
        LocalDate firstDate, int weeks, int durationMinutes, List<PartyJson> parties, List<SlotJson> slots,
        List<DstWarningJson> dstWarnings) {

    static MeetingPlannerJson of(MeetingSlots.Options options) {
        MeetingPlan plan = options.plan();
        List<SlotJson> slots = plan.slots().stream().map(s -> SlotJson.of(s, options)).toList();
        return new MeetingPlannerJson(plan.outcome().name(), plan.noSlotInsideAllWeeks(), plan.impossible(),
                options.organizerZone().getId(), options.firstDate(), options.weeks(),
                (int) options.duration().toMinutes(), options.parties().stream().map(PartyJson::of).toList(), slots,
                slots.isEmpty() ? List.of() : slots.get(0).dstWarnings());
    }

    /** A client (its business hours) or a member of staff (their working calendar); key as used in the slots. */
    record PartyJson(String key, String kind, UUID id, String name, String zone) {

        static PartyJson of(MeetingQuery.Party p) {
            return new PartyJson(p.key(), p.kind().name(), UUID.fromString(p.key().substring(p.key().indexOf('-') + 1)),
                    p.name(), p.zone().getId());
        }
    }

    /**
     * A weekly slot: {@code day} and {@code time} in the organizer's zone; {@code starts} the first occurrence in
     * every party's zone; {@code outside} the weeks it falls outside someone's hours.
     */
    record SlotJson(String day, LocalTime time, boolean insideAllWeeks, int partyWeeksOutside,
            List<PartyStartJson> starts, List<DstWarningJson> dstWarnings, List<PartyDateJson> outside,
            List<PartyDateJson> holidays) {

        static SlotJson of(MeetingPlan.Slot s, MeetingSlots.Options options) {
            return new SlotJson(s.day().name(), s.time(), s.insideAllWeeks(), s.partyWeeksOutside(),
                    s.firstStarts().entrySet().stream().map(e -> new PartyStartJson(e.getKey(),
                            name(options, e.getKey()), e.getValue().getZone().getId(),
                            e.getValue().toOffsetDateTime())).toList(),
                    s.dstWarnings().stream().map(w -> new DstWarningJson(w.date(), w.party(), name(options, w.party()),
                            w.oldTime(), w.newTime(), w.after(), w.outsideHours())).toList(),
                    s.outside().stream().map(d -> new PartyDateJson(d.date(), d.party())).toList(),
                    s.holidays().stream().map(d -> new PartyDateJson(d.date(), d.party())).toList());
        }
    }

    /** The first occurrence's start on one party's clock, ISO-8601 with that zone's offset. */
    record PartyStartJson(String party, String name, String zone, OffsetDateTime start) {
    }

    /**
     * From {@code date} (in the organizer's zone) a clock change moves the meeting on {@code party}'s clock from
     * {@code oldLocalTime} to {@code newLocalTime}; {@code outsideHours} when that is outside their hours.
     */
    record DstWarningJson(LocalDate date, String party, String name, LocalTime oldLocalTime, LocalTime newLocalTime,
            LocalDateTime newLocalDateTime, boolean outsideHours) {
    }

    record PartyDateJson(LocalDate date, String party) {
    }

    private static String name(MeetingSlots.Options options, String key) {
        return options.party(key).map(MeetingQuery.Party::name).orElse(key);
    }
}
