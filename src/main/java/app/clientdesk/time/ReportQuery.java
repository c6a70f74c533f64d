package app.clientdesk.time;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a time report covers: local dates {@code from}–{@code to} (inclusive, the entries' own local dates),
 * optionally one client, project, person, task type, tag or billable state; grouped by {@code by}, then
 * optionally by {@code thenBy}. A member's report covers their own time whatever {@code userId} says.
 */
public record ReportQuery(LocalDate from, LocalDate to, @Nullable UUID clientId, @Nullable UUID projectId,
        @Nullable UUID userId, @Nullable String taskType, @Nullable String tag, @Nullable Boolean billable, By by,
        @Nullable By thenBy) {

    /** The longest range a report covers, so a typo in a year cannot read a database's whole history. */
    public static final int MAX_DAYS = 5 * 366;

    /** What the lines of a report are. */
    public enum By {
        CLIENT, PROJECT, TASK, TASK_TYPE, MEMBER, TAG, DAY, WEEK, MONTH;

        /** Lines of a period, in date order rather than by size. */
        public boolean isPeriod() {
            return this == DAY || this == WEEK || this == MONTH;
        }
    }

    public ReportQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(by, "by");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends before it starts");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException("a report covers at most " + MAX_DAYS + " days");
        }
        if (thenBy == by) {
            thenBy = null;
        }
        taskType = taskType == null || taskType.isBlank() ? null : taskType.strip();
        tag = tag == null || tag.isBlank() ? null : tag.strip();
    }

    public static ReportQuery of(LocalDate from, LocalDate to, By by) {
        return new ReportQuery(from, to, null, null, null, null, null, null, by, null);
    }

    public boolean groupsBy(By dimension) {
        return by == dimension || thenBy == dimension;
    }
}
