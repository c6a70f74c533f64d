package app.clientdesk.time.internal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The timer settings form as typed: the Pomodoro lengths in whole minutes. */
public record PomodoroForm(@Nullable String workMinutes, @Nullable String breakMinutes) {

    public String work() {
        return Objects.toString(workMinutes, "");
    }

    public String rest() {
        return Objects.toString(breakMinutes, "");
    }
}
