package app.clientdesk.time.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * TimesheetDurations as people type and read them in the timesheet: "1:30", "1.5", "1,5", "90m", "2h", "1h30m" in,
 * "1:30" out. Typed durations are whole minutes; shown ones are rounded half-up to the minute.
 */
public final class TimesheetDurations {

    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):([0-5]\\d)");
    private static final Pattern HOURS = Pattern.compile("(\\d{1,2})(?:[.,](\\d{1,4}))?h?");
    private static final Pattern MINUTES = Pattern.compile("(\\d{1,4})m(?:in)?");
    private static final Pattern BOTH = Pattern.compile("(\\d{1,2})h(\\d{1,2})(?:m(?:in)?)?");

    private TimesheetDurations() {}

    /** Seconds (whole minutes) of a typed duration, 0 for an empty one; empty when it cannot be read. */
    public static OptionalLong parse(@Nullable String text) {
        if (text == null) {
            return OptionalLong.of(0);
        }
        String s = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        if (s.isEmpty()) {
            return OptionalLong.of(0);
        }
        Matcher m;
        if ((m = CLOCK.matcher(s)).matches()) {
            return OptionalLong.of((Long.parseLong(m.group(1)) * 60 + Long.parseLong(m.group(2))) * 60);
        }
        if ((m = BOTH.matcher(s)).matches()) {
            long minutes = Long.parseLong(m.group(2));
            return minutes > 59 ? OptionalLong.empty() : OptionalLong.of((Long.parseLong(m.group(1)) * 60 + minutes) * 60);
        }
        if ((m = MINUTES.matcher(s)).matches()) {
            return OptionalLong.of(Long.parseLong(m.group(1)) * 60);
        }
        if ((m = HOURS.matcher(s)).matches()) {
            BigDecimal hours = new BigDecimal(m.group(1) + (m.group(2) == null ? "" : "." + m.group(2)));
            long minutes = hours.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).longValueExact();
            return OptionalLong.of(minutes * 60);
        }
        return OptionalLong.empty();
    }

    /** Whole minutes of a span of seconds, half-up: 89.5 minutes is 90. */
    public static long minutes(long seconds) {
        return (seconds + 30) / 60;
    }

    /** "1:30" for 90 minutes, "0:05", "12:00"; "0:00" for nothing. */
    public static String format(long seconds) {
        long minutes = minutes(seconds);
        return minutes / 60 + ":" + String.format(Locale.ROOT, "%02d", minutes % 60);
    }

    /** As {@link #format}, but empty for nothing: an empty timesheet cell. */
    public static String cell(long seconds) {
        return seconds == 0 ? "" : format(seconds);
    }
}
