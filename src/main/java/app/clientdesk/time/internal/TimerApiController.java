package app.clientdesk.time.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.time.Timer;
import app.clientdesk.time.TimerStart;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/timer}: the caller's one running timer, the same one the header of every page shows. */
@RestController
@RequestMapping("/api/v1/timer")
@Tag(name = "Timer", description = "The caller's one running timer: start, breaks, stop into a time entry")
class TimerApiController {

    private final Timer timer;
    private final Clock clock;

    TimerApiController(Timer timer, Clock clock) {
        this.timer = timer;
        this.clock = clock;
    }

    @Operation(summary = "Read the running timer", description = "{\"running\": false} when none runs.")
    @GetMapping
    TimerJson current(@AuthenticationPrincipal CurrentUser viewer) {
        viewer.requireStaff();
        return timer.current(viewer).<TimerJson>map(t -> TimerJson.Running.of(t, clock.instant(), viewer.zone(), null))
                .orElse(new TimerJson.Idle(false));
    }

    @Operation(summary = "Start a timer", description = "On a task ({\"taskId\"}), or on a client with an optional "
            + "project and note. A running timer is stopped first and its time logged: stopped is that entry's "
            + "id. A member starts timers on the tasks and clients assigned to them. 422 when the task or client "
            + "is unknown, or the running timer ran over 24 hours (stop it with an end first).")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @PostMapping("/start")
    ResponseEntity<TimerJson.Running> start(@AuthenticationPrincipal CurrentUser viewer,
            @RequestBody(required = false) TimerJson.@Nullable Start body) {
        viewer.requireStaff();
        TimerJson.Start b = body != null ? body : new TimerJson.Start(null, null, null, null, null, null);
        Timer.Started started = timer.start(viewer, new TimerStart(b.taskId(), b.clientId(), b.projectId(), b.note(),
                b.billable(), Boolean.TRUE.equals(b.pomodoro())));
        return ResponseEntity.created(URI.create("/api/v1/timer")).body(TimerJson.Running.of(started.timer(),
                clock.instant(), viewer.zone(), started.stopped() == null ? null : started.stopped().id().value()));
    }

    @Operation(summary = "Pause (start a break)", description = "A timer already on a break stays as it is. "
            + "422 when no timer runs.")
    @PostMapping("/pause")
    TimerJson.Running pause(@AuthenticationPrincipal CurrentUser viewer) {
        return TimerJson.Running.of(timer.pause(viewer), clock.instant(), viewer.zone(), null);
    }

    @Operation(summary = "Resume (end the break)", description = "A timer not on a break stays as it is. "
            + "422 when no timer runs.")
    @PostMapping("/resume")
    TimerJson.Running resume(@AuthenticationPrincipal CurrentUser viewer) {
        return TimerJson.Running.of(timer.resume(viewer), clock.instant(), viewer.zone(), null);
    }

    @Operation(summary = "Stop the timer and log its time", description = "Answers the new time entry. end "
            + "(optional, ISO-8601 with offset) ends it earlier than now: required for a timer that ran over 24 "
            + "hours. A timer stopped during a break ends when the break began. 204 when it ran under a second "
            + "(nothing logged); 422 when no timer runs or the entry would overlap another.")
    @PostMapping("/stop")
    ResponseEntity<TimeEntryJson> stop(@AuthenticationPrincipal CurrentUser viewer,
            @RequestBody(required = false) TimerJson.@Nullable Stop body) {
        viewer.requireStaff();
        Instant end = body == null ? null : end(body.end());
        return timer.stop(viewer, end).map(e -> ResponseEntity.ok(TimeEntryJson.of(e)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @Operation(summary = "Discard the timer", description = "Throws the running timer away without logging "
            + "anything. 422 when no timer runs.")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    @PostMapping("/discard")
    ResponseEntity<Void> discard(@AuthenticationPrincipal CurrentUser viewer) {
        timer.discard(viewer);
        return ResponseEntity.noContent().build();
    }

    private static @Nullable Instant end(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("end", "time.instant.invalid");
        }
    }
}
