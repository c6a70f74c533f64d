package app.clientdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The clock of one promise to answer: {@code commitment} of business time of a {@link WorkingCalendar}, running
 * from the moment the request was received until its first answer, standing still during pauses. Pure: the caller
 * passes "now".
 *
 * <p>Pauses may overlap or lie before the request was received; only their part after receipt (and before the
 * first answer) counts. A pause still open stops the clock until it ends, so while it runs there is no due time.
 */
public final class ResponseClock {

    /** The share of the commitment used from which a request is at risk, unless the workspace says otherwise. */
    public static final int DEFAULT_AT_RISK_PERCENT = 75;

    private final WorkingCalendar calendar;
    private final Duration commitment;
    private final Instant received;
    private final List<Pause> pauses;
    private final @Nullable Instant firstAnswer;
    private final int atRiskPercent;

    private ResponseClock(WorkingCalendar calendar, Duration commitment, Instant received, List<Pause> pauses,
            @Nullable Instant firstAnswer, int atRiskPercent) {
        this.calendar = calendar;
        this.commitment = commitment;
        this.received = received;
        this.pauses = pauses;
        this.firstAnswer = firstAnswer;
        this.atRiskPercent = atRiskPercent;
    }

    /**
     * The clock of a request, or none when there is no commitment (a request without one has no clock).
     *
     * @param atRiskPercent from 1 to 99
     */
    public static Optional<ResponseClock> of(WorkingCalendar calendar, @Nullable Duration commitment,
            Instant received, List<Pause> pauses, @Nullable Instant firstAnswer, int atRiskPercent) {
        if (commitment == null) {
            return Optional.empty();
        }
        if (commitment.isNegative() || commitment.isZero()) {
            throw new IllegalArgumentException("a commitment must be longer than zero");
        }
        if (atRiskPercent < 1 || atRiskPercent > 99) {
            throw new IllegalArgumentException("the at-risk share must be from 1 to 99 percent");
        }
        Instant stop = firstAnswer != null && firstAnswer.isAfter(received) ? firstAnswer : null;
        if (firstAnswer != null && stop == null) {
            stop = received;
        }
        return Optional.of(new ResponseClock(calendar, commitment, received, merge(pauses, received, stop), stop,
                atRiskPercent));
    }

    public Duration commitment() {
        return commitment;
    }

    public Instant received() {
        return received;
    }

    public Optional<Instant> firstAnswer() {
        return Optional.ofNullable(firstAnswer);
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    /**
     * When the first answer is due, counting every pause given; empty while an open pause stands before the due
     * time (nobody can know until the client replies).
     */
    public Optional<Instant> dueAt() {
        Instant cursor = received;
        Duration left = commitment;
        for (Pause pause : pauses) {
            Instant candidate = calendar.dueAt(cursor, left);
            if (!candidate.isAfter(pause.from())) {
                return Optional.of(candidate);
            }
            left = left.minus(calendar.businessTimeBetween(cursor, pause.from()));
            if (pause.until() == null) {
                return Optional.empty();
            }
            cursor = pause.until();
        }
        return Optional.of(calendar.dueAt(cursor, left));
    }

    /**
     * The instant from which the request is at risk: the at-risk share of the commitment used, in business time,
     * pauses left out (so a job can plan the at-risk notice). Empty while an open pause stands before it. When the
     * share runs out exactly as a pause starts, the request turns at risk when that pause ends. Meant for an
     * unanswered request: once answered, {@link #state} says met or breached whatever this says.
     */
    public Optional<Instant> atRiskAt() {
        Instant cursor = received;
        Duration left = atRiskShare();
        for (Pause pause : pauses) {
            Instant candidate = calendar.dueAt(cursor, left);
            if (candidate.isBefore(pause.from())) {
                return Optional.of(candidate);
            }
            left = left.minus(calendar.businessTimeBetween(cursor, pause.from()));
            if (pause.until() == null) {
                return Optional.empty();
            }
            cursor = pause.until();
            if (left.isZero() || left.isNegative()) {
                return Optional.of(cursor);
            }
        }
        return Optional.of(calendar.dueAt(cursor, left));
    }

    /**
     * The next instant after {@code now} at which {@link #state} turns worse by time alone, with nobody acting: from
     * on track, when it turns at risk; from at risk, the first microsecond after the due time (breached). Empty when
     * only someone's action changes the state (answered, paused, already breached). Rounded up to the microsecond,
     * what the databases keep, so a job that checks at this instant sees the new state.
     */
    public Optional<Instant> nextChange(Instant now) {
        SlaState state = state(now);
        Optional<Instant> next = switch (state) {
            case ON_TRACK -> atRiskAt().map(ResponseClock::ceilMicros);
            case AT_RISK -> dueAt().map(due -> due.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS));
            default -> Optional.empty();
        };
        // Never "now" or before: a check then would find the same state and plan the same instant again.
        Instant soonest = now.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS);
        return next.map(at -> at.isBefore(soonest) ? soonest : at);
    }

    private static Instant ceilMicros(Instant at) {
        Instant down = at.truncatedTo(ChronoUnit.MICROS);
        return down.equals(at) ? at : down.plus(1, ChronoUnit.MICROS);
    }

    /** The least business time at which {@link #state} says at risk: the share of the commitment, rounded up. */
    private Duration atRiskShare() {
        long nanos = Math.multiplyExact(commitment.toNanos(), (long) atRiskPercent);
        return Duration.ofNanos(nanos / 100 + (nanos % 100 == 0 ? 0 : 1));
    }

    /** The business time the clock has run by {@code now} (until the first answer, pauses left out). */
    public Duration used(Instant now) {
        Instant end = firstAnswer != null && firstAnswer.isBefore(now) ? firstAnswer : now;
        Duration total = calendar.businessTimeBetween(received, end);
        for (Pause pause : pauses) {
            if (!pause.from().isBefore(end)) {
                break;
            }
            Instant until = pause.until() == null || pause.until().isAfter(end) ? end : pause.until();
            total = total.minus(calendar.businessTimeBetween(pause.from(), until));
        }
        return total;
    }

    /** The business time left by {@code now}; zero once it is used up. */
    public Duration remaining(Instant now) {
        Duration left = commitment.minus(used(now));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * Where the promise stands at {@code now}. A first answer given by the due time is met, one given later is
     * breached; unanswered, a passed due time is breached even while paused; otherwise paused while a pause runs,
     * at risk once the at-risk share is used, on track before.
     */
    public SlaState state(Instant now) {
        if (firstAnswer != null && !firstAnswer.isAfter(now)) {
            Optional<Instant> due = dueAt();
            return due.isPresent() && !firstAnswer.isAfter(due.get()) ? SlaState.MET : SlaState.BREACHED;
        }
        Duration used = used(now);
        if (used.compareTo(commitment) >= 0) {
            Optional<Instant> due = dueAt();
            if (due.isPresent() && now.isAfter(due.get())) {
                return SlaState.BREACHED;
            }
        }
        if (pausedAt(now)) {
            return SlaState.PAUSED;
        }
        if (used.multipliedBy(100).compareTo(commitment.multipliedBy(atRiskPercent)) >= 0) {
            return SlaState.AT_RISK;
        }
        return SlaState.ON_TRACK;
    }

    private boolean pausedAt(Instant now) {
        for (Pause pause : pauses) {
            if (!pause.from().isAfter(now) && (pause.until() == null || pause.until().isAfter(now))) {
                return true;
            }
        }
        return false;
    }

    /** Pauses clipped to [received, stop), sorted, overlapping ones joined; an open pause swallows all after it. */
    static List<Pause> merge(List<Pause> pauses, Instant received, @Nullable Instant stop) {
        List<Pause> sorted = new ArrayList<>(pauses);
        sorted.sort(Comparator.comparing(Pause::from));
        List<Pause> merged = new ArrayList<>();
        for (Pause pause : sorted) {
            Instant from = pause.from().isBefore(received) ? received : pause.from();
            Instant until = pause.until();
            if (stop != null) {
                if (!from.isBefore(stop)) {
                    continue;
                }
                if (until == null || until.isAfter(stop)) {
                    until = stop;
                }
            }
            if (until != null && !until.isAfter(from)) {
                continue;
            }
            if (!merged.isEmpty()) {
                Pause last = merged.get(merged.size() - 1);
                if (last.until() == null) {
                    break;
                }
                if (!from.isAfter(last.until())) {
                    Instant joined = until == null || until.isAfter(last.until()) ? until : last.until();
                    merged.set(merged.size() - 1, new Pause(last.from(), joined));
                    continue;
                }
            }
            merged.add(new Pause(from, until));
        }
        return List.copyOf(merged);
    }
}
