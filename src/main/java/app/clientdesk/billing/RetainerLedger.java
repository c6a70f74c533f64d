package app.clientdesk.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The minutes of a retainer, period by period. Time used in a period is taken first from minutes rolled over
 * from earlier periods (those expiring first, first), then from the period's included minutes; the rest is
 * overage. A period's unused included minutes become a batch that may be used until its expiry (the last day
 * of a period), when the retainer rolls over; a batch left unused past its expiry is gone.
 */
public final class RetainerLedger {

    private RetainerLedger() {}

    /** Minutes rolled over, usable through {@code expiresOn}. */
    public record Batch(int minutes, LocalDate expiresOn) {
    }

    /** A closed period as stored: its minutes, what was used, and the expiry it gave its unused minutes. */
    public record Closed(LocalDate start, int includedMinutes, int usedMinutes, @Nullable LocalDate unusedExpiresOn) {
    }

    /** How a period's use was covered, and the batches left after it. */
    public record Settlement(int fromRolled, int fromIncluded, int overage, int unusedIncluded, List<Batch> left) {
    }

    /** Covers {@code used} minutes from the usable {@code batches}, then from {@code included}. */
    public static Settlement settle(List<Batch> batches, int included, int used) {
        if (included < 0 || used < 0) {
            throw new IllegalArgumentException("minutes are never negative");
        }
        List<Batch> sorted = new ArrayList<>(batches);
        sorted.sort(Comparator.comparing(Batch::expiresOn));
        int rest = used;
        int fromRolled = 0;
        List<Batch> left = new ArrayList<>();
        for (Batch b : sorted) {
            int take = Math.min(rest, b.minutes());
            rest -= take;
            fromRolled += take;
            if (b.minutes() - take > 0) {
                left.add(new Batch(b.minutes() - take, b.expiresOn()));
            }
        }
        int fromIncluded = Math.min(rest, included);
        rest -= fromIncluded;
        return new Settlement(fromRolled, fromIncluded, rest, included - fromIncluded, List.copyOf(left));
    }

    /** The batches still usable on {@code day}. */
    public static List<Batch> usableOn(List<Batch> batches, LocalDate day) {
        return batches.stream().filter(b -> !b.expiresOn().isBefore(day) && b.minutes() > 0).toList();
    }

    /** Replays the closed periods, oldest first, and gives the batches usable on {@code day}. */
    public static List<Batch> available(List<Closed> closed, LocalDate day) {
        List<Closed> ordered = new ArrayList<>(closed);
        ordered.sort(Comparator.comparing(Closed::start));
        List<Batch> batches = List.of();
        for (Closed c : ordered) {
            Settlement s = settle(usableOn(batches, c.start()), c.includedMinutes(), c.usedMinutes());
            List<Batch> next = new ArrayList<>(s.left());
            if (c.unusedExpiresOn() != null && s.unusedIncluded() > 0) {
                next.add(new Batch(s.unusedIncluded(), c.unusedExpiresOn()));
            }
            batches = next;
        }
        return usableOn(batches, day);
    }

    public static int total(List<Batch> batches) {
        return batches.stream().mapToInt(Batch::minutes).sum();
    }

    public static @Nullable LocalDate firstExpiry(List<Batch> batches) {
        return batches.stream().map(Batch::expiresOn).min(Comparator.naturalOrder()).orElse(null);
    }
}
