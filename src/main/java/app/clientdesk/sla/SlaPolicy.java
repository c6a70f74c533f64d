package app.clientdesk.sla;

import app.clientdesk.clients.Client;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a workspace keeps its response-time promises: its working calendar (in its zone) and the share of a
 * commitment from which a request is at risk. Load it once per page ({@link WorkingCalendars#policy}) and ask it for
 * the clock of each request.
 */
public record SlaPolicy(WorkingCalendar calendar, int atRiskPercent) {

    /** A client's response-time commitment, counted in business hours; none if the client has none. */
    public static Optional<Duration> commitment(Client client) {
        Integer hours = client.responseTimeHours();
        return hours != null && hours > 0 ? Optional.of(Duration.ofHours(hours)) : Optional.empty();
    }

    /** The clock of a request to {@code client}; none when the client has no commitment. */
    public Optional<ResponseClock> clock(Client client, Instant received, List<Pause> pauses,
            @Nullable Instant firstAnswer) {
        return clock(commitment(client).orElse(null), received, pauses, firstAnswer);
    }

    /** The clock of a request with this commitment; none without one. */
    public Optional<ResponseClock> clock(@Nullable Duration commitment, Instant received, List<Pause> pauses,
            @Nullable Instant firstAnswer) {
        return ResponseClock.of(calendar, commitment, received, pauses, firstAnswer, atRiskPercent);
    }
}
