package app.clientdesk.time;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.UserId;
import app.clientdesk.shared.money.Money;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.TaskId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A span of work by one person for one client, as lists show it (names ride along). {@code start} and
 * {@code end} are instants; {@code zone} is where it was logged and {@code localDate} the start's date
 * there. {@code durationSeconds} is the span less {@code breakSeconds}: an entry across midnight or a
 * clock change has its true length. {@code rate} is the hourly rate in force when it was made.
 */
public record TimeEntry(TimeEntryId id, UserId userId, String userName, ClientId clientId, String clientName,
        @Nullable ProjectId projectId, @Nullable String projectName, @Nullable TaskId taskId,
        @Nullable String taskTitle, @Nullable String taskType, Instant start, Instant end, ZoneId zone,
        LocalDate localDate, long breakSeconds, long durationSeconds, boolean billable, @Nullable String note,
        List<String> tags, @Nullable Money rate, @Nullable RateScope rateSource, @Nullable UUID invoiceId,
        @Nullable String invoiceNumber, @Nullable UUID importId, Instant createdAt, Instant updatedAt) {

    /** On an issued invoice: nothing about it may change until the invoice is voided. */
    public boolean locked() {
        return invoiceId != null;
    }

    public ZonedDateTime localStart() {
        return start.atZone(zone);
    }

    public ZonedDateTime localEnd() {
        return end.atZone(zone);
    }

    /**
     * This entry as {@code viewer} may see it: for one who sees no money ({@link
     * app.clientdesk.identity.CurrentUser#seesMoney()}), without its rate, where the rate came from and the
     * number of the invoice that holds it; {@link #locked()} still says that it cannot change.
     */
    public TimeEntry shownTo(app.clientdesk.identity.CurrentUser viewer) {
        if (viewer.seesMoney()) {
            return this;
        }
        return new TimeEntry(id, userId, userName, clientId, clientName, projectId, projectName, taskId, taskTitle,
                taskType, start, end, zone, localDate, breakSeconds, durationSeconds, billable, note, tags, null, null,
                invoiceId, null, importId, createdAt, updatedAt);
    }

    /** The amount of the tracked time at the entry's rate, before any rounding; empty without a rate. */
    public @Nullable Money trackedAmount() {
        return rate == null ? null : rate.forSeconds(durationSeconds);
    }
}
