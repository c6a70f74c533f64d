package app.clientdesk.time.internal;

import app.clientdesk.clients.ClientChoice;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.time.RunningTimer;
import app.clientdesk.time.TimeEntryRules;
import app.clientdesk.work.ProjectChoice;
import app.clientdesk.work.Task;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the timer in the header shows: the running timer (and the server's time, so the page's clock ticks
 * from the server's instants, not the device's), or "Start timer". The start panel (the viewer's clients,
 * open projects and tasks) is filled only when shown: fetched when opened, or sent back open with errors.
 * {@code back} is the page it sits on; {@code said} a one-off message about the last action.
 */
public record TimerWidget(@Nullable RunningTimer timer, Instant now, String back, List<ClientChoice> clients,
        List<ProjectChoice> projects, List<Task> tasks, StartForm form, FieldErrors errors, @Nullable String said) {

    public boolean running() {
        return timer != null;
    }

    public boolean paused() {
        return timer != null && timer.paused();
    }

    public long workedSeconds() {
        return timer == null ? 0 : timer.workedSeconds(now);
    }

    public String elapsed() {
        return TimerTexts.clock(workedSeconds());
    }

    /** Ran (start to now, or to the break's start) over a day: it can only stop with the time work ended. */
    public boolean needsEnd() {
        if (timer == null) {
            return false;
        }
        Instant until = timer.pausedAt() != null ? timer.pausedAt() : now;
        return Duration.between(timer.startedAt(), until).compareTo(TimeEntryRules.LONGEST) > 0;
    }

    /** The start panel is sent open: it came back with errors. */
    public boolean open() {
        return timer == null && errors.any();
    }

    /** Where the page fetches this widget again (another tab or device may have changed the timer). */
    public String src() {
        return "/timer/widget?back=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
    }

    /** The start panel, fetched when first opened. */
    public String panelSrc() {
        return "/timer/panel?back=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
    }

    /** The header's task picker, its start buttons coming back here. */
    public String tasksSrc() {
        return "/timer/tasks?back=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
    }

    /** The timer's page, coming back here. */
    public String page() {
        return "/timer?back=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
    }

    public static @Nullable String millis(@Nullable Instant instant) {
        return instant == null ? null : Long.toString(instant.toEpochMilli());
    }
}
