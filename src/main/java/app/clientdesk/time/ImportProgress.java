package app.clientdesk.time;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a commit of an import is going, on this server: {@code NONE} (not started here), {@code CHECKING}
 * the file again, {@code WRITING} entries ({@code done} of {@code total}), {@code DONE} or {@code FAILED}
 * (nothing was kept; {@code reasonKey} says why).
 */
public record ImportProgress(State state, int done, int total, @Nullable String reasonKey, List<Object> reasonArgs) {

    public enum State {
        NONE, CHECKING, WRITING, DONE, FAILED
    }

    public ImportProgress {
        reasonArgs = List.copyOf(reasonArgs);
    }

    public static ImportProgress none() {
        return new ImportProgress(State.NONE, 0, 0, null, List.of());
    }

    public boolean running() {
        return state == State.CHECKING || state == State.WRITING;
    }

    /** Whole percent written, 0–100. */
    public int percent() {
        return total <= 0 ? 0 : (int) Math.min(100, (long) done * 100 / total);
    }
}
