package app.clientdesk.billing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A recurring invoice as typed: the client (its currency is the invoice's), a name, every how many weeks,
 * months or years, the first date and an optional last one, whether to issue it or leave a draft, notes, and
 * the lines ({@code description}, {@code quantity}, {@code unitPrice}, {@code taxName}, {@code taxPercent};
 * a wholly blank line is ignored).
 */
public record RecurringInput(@Nullable String clientId, @Nullable String name, @Nullable String every,
        @Nullable String unit, @Nullable String startsOn, @Nullable String endsOn, @Nullable String autoIssue,
        @Nullable String notes, List<DraftInput.LineInput> lines) {

    public RecurringInput {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
