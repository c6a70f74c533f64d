package app.clientdesk.planning.internal;

import app.clientdesk.identity.Account;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.planning.Meeting;
import app.clientdesk.planning.MeetingInput;
import app.clientdesk.planning.Meetings;
import app.clientdesk.planning.TimeBlocks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/meetings}: meetings with their attendees, with the same rules and invitations as the pages. */
@RestController
@RequestMapping("/api/v1/meetings")
@Tag(name = "Meetings", description = "Meetings with staff and client contacts; every change sends the attendees an "
        + "email with an iCalendar invitation, update or cancellation")
class MeetingsApiController {


    private final Meetings meetings;
    private final TimeBlocks blocks;
    private final Clock clock;

    MeetingsApiController(Meetings meetings, TimeBlocks blocks, Clock clock) {
        this.meetings = meetings;
        this.blocks = blocks;
        this.clock = clock;
    }

    @Operation(summary = "List upcoming meetings", description = "Meetings not cancelled with an occurrence still to "
            + "come, by first start (at most 200). The owner sees every meeting; a member those they organize or "
            + "attend, with clients assigned to them.")
    @GetMapping
    MeetingJson.MeetingListJson list(@AuthenticationPrincipal CurrentUser viewer) {
        return new MeetingJson.MeetingListJson(meetings.upcoming(viewer).stream().map(MeetingJson::of).toList());
    }

    @Operation(summary = "List a person's meeting occurrences", description = "Every occurrence (weekly series "
            + "expanded) of the meetings the person organizes or attends overlapping [from, to) (ISO-8601 with "
            + "offset; default the seven days from the start of today in the caller's zone; at most 62 days), in "
            + "time order. userId: whose (default the caller's); a member may only ask for their own (404 "
            + "otherwise).")
    @GetMapping("/occurrences")
    MeetingJson.MeetingOccurrenceListJson occurrences(@AuthenticationPrincipal CurrentUser viewer,
            @Parameter(description = "a person's id") @RequestParam(required = false) @Nullable String userId,
            @Parameter(description = "ISO-8601 with offset") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "ISO-8601 with offset") @RequestParam(required = false) @Nullable String to) {
        Account person = blocks.person(viewer, userId);
        ApiRange range = ApiRange.read(from, to, viewer.zone(), clock);
        Instant start = range.from();
        Instant end = range.to();
        return new MeetingJson.MeetingOccurrenceListJson(meetings.between(viewer, person.id(), start, end).stream()
                .map(MeetingJson.MeetingOccurrenceJson::of).toList(), start.atZone(viewer.zone()).toOffsetDateTime(),
                end.atZone(viewer.zone()).toOffsetDateTime());
    }

    @Operation(summary = "Read a meeting", description = "404 for an unknown id or one the caller may not see.")
    @GetMapping("/{meetingId}")
    MeetingJson read(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID meetingId) {
        return MeetingJson.of(meetings.get(viewer, meetingId));
    }

    @Operation(summary = "Create a meeting", description = "title, start and end (ISO-8601 with offset) and at least "
            + "one attendee (userIds: staff; contactIds: contacts of clientId, who need an email address) are "
            + "required; zone (default the caller's calendar's) is where it is planned, and a weekly series (weeks, "
            + "1 to 260; default 1) keeps its wall-clock time there. videoUrl must be http(s). The caller organizes "
            + "it; a member may name only clients assigned to them. Each attendee gets an email in their language "
            + "with the invitation (text/calendar; method=REQUEST). 422 with field errors for bad input.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<MeetingJson> create(@AuthenticationPrincipal CurrentUser viewer,
            @RequestBody MeetingJson.MeetingRequest body) {
        Meeting created = meetings.create(viewer, input(body));
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + created.id())).body(MeetingJson.of(created));
    }

    @Operation(summary = "Change a meeting", description = "Replaces every field but the organizer, with the rules "
            + "of a create. The sequence goes up; attendees get the update, anyone taken off gets a cancellation. "
            + "Only the organizer or the owner (403 otherwise); 422 for a cancelled meeting.")
    @PutMapping("/{meetingId}")
    MeetingJson change(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID meetingId,
            @RequestBody MeetingJson.MeetingRequest body) {
        return MeetingJson.of(meetings.change(viewer, meetingId, input(body)));
    }

    @Operation(summary = "Cancel a meeting", description = "Cancels the meeting or the whole series: the sequence "
            + "goes up and every attendee gets a cancellation (method=CANCEL). Cancelling again changes nothing. "
            + "Only the organizer or the owner (403 otherwise).")
    @PostMapping("/{meetingId}/cancel")
    MeetingJson cancel(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID meetingId) {
        return MeetingJson.of(meetings.cancel(viewer, meetingId));
    }

    private static MeetingInput input(MeetingJson.MeetingRequest body) {
        return new MeetingInput(body.title(), body.agenda(), body.videoUrl(), body.clientId(), body.start(),
                body.end(), body.zone(), body.weeks() == null ? null : body.weeks().toString(),
                body.userIds() == null ? List.of() : body.userIds(),
                body.contactIds() == null ? List.of() : body.contactIds());
    }
}
