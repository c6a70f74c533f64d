package app.clientdesk.work.internal;

import app.clientdesk.work.Quadrant;
import app.clientdesk.work.Stage;
import app.clientdesk.work.StageKind;
import app.clientdesk.work.Task;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the views' templates receive: columns, quadrants, sections, batches and the calendar grid. */
public final class Views {

    private Views() {}

    /** A column: a stage, the tasks shown in it, and how many it holds in all. */
    public record Column(Stage stage, List<Task> tasks, long total) {
        public boolean gate() {
            return stage.kind().isGate();
        }

        public boolean done() {
            return stage.kind() == StageKind.DONE;
        }

        /** How many of the column's tasks are not on screen yet, when it shows {@code shown} from its first. */
        public long after(long shown) {
            return Math.max(0, total - shown);
        }
    }

    /** The board of a workflow, for one client or all: the address "Show more" and moves come back to. */
    public static String boardUrl(app.clientdesk.work.WorkflowId workflow, app.clientdesk.clients.@Nullable ClientId client) {
        return "/board?workflowId=" + workflow + (client == null ? "" : "&clientId=" + client);
    }

    public record Cell(Quadrant quadrant, List<Task> tasks, long total) {
        public long more() {
            return Math.max(0, total - tasks.size());
        }
    }

    /**
     * A section of My work: its first tasks and how many it holds, {@code total}, or with {@code over} more than
     * {@code total} (counts stop there, so a page costs the same however many tasks a section holds).
     */
    public record Group(Section section, List<Task> tasks, long total, boolean over) {
        public long more() {
            return Math.max(0, total - tasks.size());
        }

        /** Whether tasks are left to show: {@link #more} of them, or more than that when {@code over}. */
        public boolean hasMore() {
            return over || more() > 0;
        }
    }

    public record Batch(@Nullable String type, long count, long estimateMinutes, List<Task> tasks) {
        public long more() {
            return Math.max(0, count - tasks.size());
        }
    }

    /**
     * What the calendar shows: its days (whole weeks, or one day), the month, week or day asked for
     * ({@code view}), the tasks by day, and how many more each day has than it shows.
     */
    public record Grid(String view, LocalDate date, LocalDate today, List<List<LocalDate>> weeks,
            Map<LocalDate, List<Task>> byDay, Map<LocalDate, Long> more, LocalDate previous, LocalDate next) {

        public boolean month() {
            return view.equals("month");
        }

        public boolean day() {
            return view.equals("day");
        }

        public List<Task> on(LocalDate day) {
            return byDay.getOrDefault(day, List.of());
        }

        public long moreOn(LocalDate day) {
            return more.getOrDefault(day, 0L);
        }

        public boolean inMonth(LocalDate day) {
            return !month() || day.getMonth() == date.getMonth();
        }
    }

    public enum Section {
        OVERDUE, TODAY, THIS_WEEK, LATER, NO_DATE;

        public String messageKey() {
            return "myWork.section." + name();
        }
    }
}
