package app.clientdesk.planning.internal;

import app.clientdesk.identity.Account;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.planning.BlockInput;
import app.clientdesk.planning.TimeBlock;
import app.clientdesk.planning.TimeBlocks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/time-blocks}: the planner's blocks, with the same rules as the planner page. */
@RestController
@RequestMapping("/api/v1/time-blocks")
@Tag(name = "Time blocks", description = "Stretches of a person's week set aside for a client, a task type or a task")
class TimeBlocksApiController {


    private final TimeBlocks blocks;
    private final Clock clock;

    TimeBlocksApiController(TimeBlocks blocks, Clock clock) {
        this.blocks = blocks;
        this.clock = clock;
    }

    @Operation(summary = "List a person's blocks", description = "The blocks overlapping [from, to) (ISO-8601 with "
            + "offset; default the seven days from the start of today in the caller's zone; at most 62 days), in "
            + "time order. userId: whose (default the caller's); a member may only ask for their own (404 "
            + "otherwise).")
    @GetMapping
    TimeBlockJson.TimeBlockListJson list(@AuthenticationPrincipal CurrentUser viewer,
            @Parameter(description = "a person's id") @RequestParam(required = false) @Nullable String userId,
            @Parameter(description = "ISO-8601 with offset") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "ISO-8601 with offset") @RequestParam(required = false) @Nullable String to) {
        Account person = blocks.person(viewer, userId);
        ApiRange range = ApiRange.read(from, to, viewer.zone(), clock);
        Instant start = range.from();
        Instant end = range.to();
        return new TimeBlockJson.TimeBlockListJson(blocks.between(viewer, person.id(), start, end).stream()
                .map(TimeBlockJson::of).toList(), start.atZone(viewer.zone()).toOffsetDateTime(),
                end.atZone(viewer.zone()).toOffsetDateTime());
    }

    @Operation(summary = "Read a block", description = "404 for an unknown id or one the caller may not see.")
    @GetMapping("/{blockId}")
    TimeBlockJson read(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID blockId) {
        return TimeBlockJson.of(blocks.get(viewer, blockId));
    }

    @Operation(summary = "Create a block", description = "start and end (ISO-8601 with offset) are required; zone "
            + "(default the caller's) is where it was planned; at least one of clientId, taskId, type, title. "
            + "userId: whose week (the owner plans anyone's, a member only their own). 422 when it overlaps "
            + "another of the person's blocks, ends before it starts or is over 24 hours; the client or task must "
            + "be one the person may see.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<TimeBlockJson> create(@AuthenticationPrincipal CurrentUser viewer,
            @RequestBody TimeBlockJson.TimeBlockRequest body) {
        TimeBlock created = blocks.create(viewer, new BlockInput(body.userId(), null, null, null, body.start(),
                body.end(), body.zone(), body.clientId(), body.taskId(), body.type(), body.title(),
                Boolean.TRUE.equals(body.outsideHours())));
        return ResponseEntity.created(URI.create("/api/v1/time-blocks/" + created.id()))
                .body(TimeBlockJson.of(created));
    }

    @Operation(summary = "Change a block", description = "Fields left out stay as they are; an empty string clears "
            + "clientId, taskId, type or title. Whose block it is cannot change. The same rules as a create.")
    @PatchMapping("/{blockId}")
    TimeBlockJson update(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID blockId,
            @RequestBody TimeBlockJson.TimeBlockRequest body) {
        TimeBlock old = blocks.get(viewer, blockId);
        BlockInput input = new BlockInput(null, null, null, null,
                pick(body.start(), old.start().atZone(old.zone()).toOffsetDateTime().toString()),
                pick(body.end(), old.end().atZone(old.zone()).toOffsetDateTime().toString()),
                pick(body.zone(), old.zone().getId()),
                pick(body.clientId(), old.clientId() == null ? null : old.clientId().value().toString()),
                pick(body.taskId(), old.taskId() == null ? null : old.taskId().value().toString()),
                pick(body.type(), old.type()), pick(body.title(), old.title()),
                body.outsideHours() != null ? body.outsideHours() : old.outsideHours());
        return TimeBlockJson.of(blocks.update(viewer, blockId, input));
    }

    @Operation(summary = "Delete a block", description = "404 for an unknown id or one the caller may not see.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{blockId}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID blockId) {
        blocks.delete(viewer, blockId);
        return ResponseEntity.noContent().build();
    }

    private static @Nullable String pick(@Nullable String sent, @Nullable String old) {
        return sent != null ? sent : old;
    }
}
