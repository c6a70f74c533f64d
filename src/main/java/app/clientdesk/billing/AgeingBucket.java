package app.clientdesk.billing;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How far past its due date an open invoice is, as of today in the workspace's zone: not yet due (due today
 * included), 1–30, 31–60, 61–90 or more than 90 days.
 */
public enum AgeingBucket {
    CURRENT("current", null, 0),
    DAYS_1_30("1-30", 1, 30),
    DAYS_31_60("31-60", 31, 60),
    DAYS_61_90("61-90", 61, 90),
    OVER_90("over-90", 91, null);

    private final String param;
    private final @Nullable Integer minDays;
    private final @Nullable Integer maxDays;

    AgeingBucket(String param, @Nullable Integer minDays, @Nullable Integer maxDays) {
        this.param = param;
        this.minDays = minDays;
        this.maxDays = maxDays;
    }

    /** How the bucket is written in a link: {@code current}, {@code 1-30}, … {@code over-90}. */
    public String param() {
        return param;
    }

    public static Optional<AgeingBucket> parse(@Nullable String text) {
        return Arrays.stream(values()).filter(b -> b.param.equals(text == null ? null : text.strip())).findFirst();
    }

    /** The earliest due date in the bucket, or null when it has none (the oldest bucket). */
    public @Nullable LocalDate dueFrom(LocalDate today) {
        return maxDays == null ? null : today.minusDays(maxDays);
    }

    /** The latest due date in the bucket, or null when it has none (not yet due). */
    public @Nullable LocalDate dueTo(LocalDate today) {
        return minDays == null ? null : today.minusDays(minDays);
    }

    public static AgeingBucket of(LocalDate due, LocalDate today) {
        long late = java.time.temporal.ChronoUnit.DAYS.between(due, today);
        if (late <= 0) {
            return CURRENT;
        }
        return late <= 30 ? DAYS_1_30 : late <= 60 ? DAYS_31_60 : late <= 90 ? DAYS_61_90 : OVER_90;
    }
}
