package app.clientdesk.planning.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.planning.MeetingSlots;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/meeting-planner}: where clients' and members' hours overlap, and weekly slots ranked. */
@RestController
@Tag(name = "Meeting planner", description = "Weekly meeting slots inside everyone's hours, with the dates clock "
        + "changes move them")
class MeetingPlannerApiController {

    private final MeetingSlots slots;

    MeetingPlannerApiController(MeetingSlots slots) {
        this.slots = slots;
    }

    @Operation(summary = "Find a weekly meeting slot", description = "Clients count with their business hours in "
            + "their zone (which their contacts keep); members with their working calendar and holidays. Slots are "
            + "tried every half hour in the organizer's zone (zone, default the caller's calendar's) over the weeks "
            + "from tomorrow, and ranked: fewest weeks outside someone's hours, then fewest clock changes, then "
            + "earliest in the week. Each slot gives its first start in every party's zone (ISO-8601 with offset) and "
            + "its dstWarnings: every date a clock change moves it on someone's clock, the new local time, and "
            + "whether that is outside their hours. noSlotInsideAllWeeks says no slot stays inside everyone's hours "
            + "in every week (the slots are then the best compromise); impossible says the parties never share time "
            + "enough. Naming nobody plans for the caller alone. A member may name only clients assigned to them. 422 with field errors for unknown ids or zone, "
            + "weeks outside 1 to 52 or durationMinutes outside 15 to 480.")
    @GetMapping("/api/v1/meeting-planner")
    MeetingPlannerJson plan(@AuthenticationPrincipal CurrentUser viewer,
            @Parameter(description = "client ids, repeated or comma-separated")
            @RequestParam(required = false) @Nullable List<String> clientIds,
            @Parameter(description = "ids of members of staff, repeated or comma-separated")
            @RequestParam(required = false) @Nullable List<String> userIds,
            @Parameter(description = "how many weeks to look ahead, 1 to 52 (default 26)")
            @RequestParam(required = false) @Nullable String weeks,
            @Parameter(description = "the meeting's length in minutes, 15 to 480 (default 30)")
            @RequestParam(required = false) @Nullable String durationMinutes,
            @Parameter(description = "the organizer's zone, an IANA id such as Europe/London")
            @RequestParam(required = false) @Nullable String zone) {
        return MeetingPlannerJson.of(slots.plan(viewer, clientIds == null ? List.of() : clientIds,
                userIds == null ? List.of() : userIds, weeks, durationMinutes, zone));
    }
}
