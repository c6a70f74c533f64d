package app.clientdesk.time;

import java.util.List;
import java.util.Objects;

/**
 * How a client's billable time is rounded: not at all, or up, down or to the nearest step of 1, 5, 6,
 * 10, 15 or 30 minutes; either each entry on its own ({@link Scope#ENTRY}) or each task's total of one
 * day ({@link Scope#DAY}, the day being the entries' local date where they were logged). Tracked time is
 * never changed; rounding gives the time that is billed.
 */
public record Rounding(Mode mode, int minutes, Scope scope) {

    public static final List<Integer> STEPS = List.of(1, 5, 6, 10, 15, 30);
    public static final Rounding NONE = new Rounding(Mode.NONE, 1, Scope.ENTRY);

    public enum Mode { NONE, UP, DOWN, NEAREST }

    public enum Scope { ENTRY, DAY }

    public Rounding {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(scope, "scope");
        if (!STEPS.contains(minutes)) {
            throw new IllegalArgumentException("rounding step must be one of " + STEPS + ": " + minutes);
        }
    }

    public boolean isNone() {
        return mode == Mode.NONE;
    }

    /** The billed seconds for {@code seconds} of tracked time (of one entry, or one task's day). */
    public long apply(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("negative duration: " + seconds);
        }
        long step = minutes * 60L;
        return switch (mode) {
            case NONE -> seconds;
            case DOWN -> seconds / step * step;
            case UP -> (seconds + step - 1) / step * step;
            case NEAREST -> (seconds + step / 2) / step * step;
        };
    }
}
