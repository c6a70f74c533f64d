package app.clientdesk.billing.internal;

import app.clientdesk.billing.TimeSelection;
import app.clientdesk.time.TimeEntry;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the "add unbilled time" picker shows: its narrowing and its rows. */
public final class InvoiceTimePicker {

    private InvoiceTimePicker() {}

    /** The picker's narrowing as typed; a value that is not a date or an id narrows nothing. */
    public record Filter(String from, String to, String projectId, String taskId, String grouping) {

        public @Nullable LocalDate fromDate() {
            return date(from);
        }

        public @Nullable LocalDate toDate() {
            return date(to);
        }

        public @Nullable UUID project() {
            return id(projectId);
        }

        public @Nullable UUID task() {
            return id(taskId);
        }

        public TimeSelection.Grouping group() {
            return Arrays.stream(TimeSelection.Grouping.values()).filter(g -> g.name().equals(grouping)).findFirst()
                    .orElse(TimeSelection.Grouping.TASK);
        }

        public boolean isGrouping(String g) {
            return group().name().equals(g);
        }

        private static @Nullable LocalDate date(String text) {
            try {
                return text.isBlank() ? null : LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        static @Nullable UUID id(String text) {
            try {
                return text.isBlank() ? null : UUID.fromString(text.strip());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** An entry of the picker: whether it can be ticked, and if not why ("noRate", "otherCurrency", "onDraft"). */
    public record Row(TimeEntry entry, @Nullable String reason, @Nullable UUID draft) {
        public boolean pickable() {
            return reason == null;
        }
    }
}
