package app.clientdesk.time.imports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads the dates, times of day and durations that Toggl and Clockify write, in the forms their
 * profiles allow: 2026-03-04, 03/04/2026, 04/03/2026 or 04.03.2026; 14:05, 14:05:09, 2:05 PM or
 * 02:05:09 PM; durations as 1:30:00, 01:30 or 1.50 hours. Written by hand rather than with formatters: a
 * large file has a few hundred thousand of them.
 */
public final class Dates {

    private Dates() {}

    /** What {@code dates} tell about their order; see {@link DateDetection}. */
    public static DateDetection detect(Iterable<@Nullable String> dates) {
        int yearFirst = 0;
        int dayFirst = 0;
        int monthFirst = 0;
        boolean dots = false;
        String example = null;
        for (String text : dates) {
            int[] parts = parts(text);
            if (parts == null) {
                continue;
            }
            if (parts[3] == 1) {
                yearFirst++;
                continue;
            }
            if (text.indexOf('.') >= 0) {
                dots = true;
            }
            if (parts[0] > 12 && parts[1] <= 12) {
                dayFirst++;
            } else if (parts[1] > 12 && parts[0] <= 12) {
                monthFirst++;
            } else if (example == null && parts[0] != parts[1]) {
                example = text.strip();
            }
        }
        if (dayFirst > 0 || monthFirst > 0) {
            return new DateDetection(dayFirst >= monthFirst ? DateOrder.DMY : DateOrder.MDY, null);
        }
        if (dots) {
            // Nobody writes month.day.year: 04.03.2026 is 4 March.
            return new DateDetection(DateOrder.DMY, null);
        }
        if (example == null) {
            return new DateDetection(DateOrder.YMD, null);
        }
        return new DateDetection(null, example);
    }

    /** The date {@code text} in {@code order}; a year-first date is read as such whatever the order. */
    public static @Nullable LocalDate date(@Nullable String text, DateOrder order) {
        int[] p = parts(text);
        if (p == null) {
            return null;
        }
        try {
            if (p[3] == 1) {
                return LocalDate.of(p[0], p[1], p[2]);
            }
            int year = p[2] < 100 ? 2000 + p[2] : p[2];
            return switch (order) {
                case MDY -> LocalDate.of(year, p[0], p[1]);
                case DMY -> LocalDate.of(year, p[1], p[0]);
                case YMD -> null;
            };
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Three numbers separated by '-', '/' or '.', and whether the first is a four-digit year (index 3:
     * 1 for year first); null for anything else.
     */
    private static int @Nullable [] parts(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        int[] out = new int[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        int firstDigits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 4) {
                    return null;
                }
                value = value * 10 + (c - '0');
            } else if ((c == '-' || c == '/' || c == '.') && digits > 0 && part < 2) {
                if (part == 0) {
                    firstDigits = digits;
                }
                out[part++] = value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        if (part != 2 || digits == 0) {
            return null;
        }
        out[2] = value;
        out[3] = firstDigits == 4 ? 1 : 0;
        if (out[3] == 0 && digits != 2 && digits != 4) {
            return null;
        }
        return out;
    }

    /** A time of day: "9:05", "09:05:07", "9:05 PM", "09:05:07 pm", "9:05 p.m."; null for anything else. */
    public static @Nullable LocalTime time(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip().toUpperCase(Locale.ROOT).replace(".", "");
        int half = 0;
        if (s.endsWith("AM") || s.endsWith("PM")) {
            half = s.endsWith("AM") ? 1 : 2;
            s = s.substring(0, s.length() - 2).strip();
        }
        String[] parts = s.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            return null;
        }
        int[] n = new int[3];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 2 || (i > 0 && p.length() != 2)) {
                return null;
            }
            for (int j = 0; j < p.length(); j++) {
                if (!Character.isDigit(p.charAt(j))) {
                    return null;
                }
            }
            n[i] = Integer.parseInt(p);
        }
        int hour = n[0];
        if (half != 0) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            hour = hour % 12 + (half == 2 ? 12 : 0);
        }
        if (hour > 23 || n[1] > 59 || n[2] > 59) {
            return null;
        }
        return LocalTime.of(hour, n[1], n[2]);
    }

    /**
     * A duration in seconds: "1:30:00", "01:30" (hours and minutes), "125:00:00", or decimal hours "1.50"
     * or "1,5"; null for anything else.
     */
    public static @Nullable Long duration(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            if (s.indexOf(':') >= 0) {
                String[] parts = s.split(":", -1);
                if (parts.length < 2 || parts.length > 3) {
                    return null;
                }
                long seconds = Long.parseLong(parts[0]) * 3600 + Long.parseLong(parts[1]) * 60;
                if (parts.length == 3) {
                    seconds += Long.parseLong(parts[2]);
                }
                return seconds < 0 ? null : seconds;
            }
            java.math.BigDecimal hours = new java.math.BigDecimal(s.replace(',', '.'));
            if (hours.signum() < 0) {
                return null;
            }
            return hours.multiply(java.math.BigDecimal.valueOf(3600))
                    .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
