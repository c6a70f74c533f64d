package app.clientdesk.time;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;

/**
 * The words for a client's rounding rule, the same wherever billed time is shown (the client's page,
 * reports, invoices): what the rule does ("Billable time is rounded up to 15 minutes per entry.") and an
 * example worked out by the rule itself ("For example, an entry of 0:07 is billed as 0:15."). Each is a
 * message key of the rates bundle with its arguments, to be put in the reader's language.
 */
public final class RoundingText {

    private RoundingText() {}

    /** A message key and its arguments. */
    public record Text(String key, List<Object> args) {

        public Text {
            args = List.copyOf(args);
        }

        /** This text in {@code locale}. */
        public String in(MessageSource messages, Locale locale) {
            return messages.getMessage(key, args.toArray(), key, locale);
        }
    }

    /** What {@code rounding} does, in one sentence. */
    public static Text rule(Rounding rounding) {
        if (rounding.isNone()) {
            return new Text("rates.rounding.rule.none", List.of());
        }
        return new Text("rates.rounding.rule." + name(rounding), List.of(rounding.minutes()));
    }

    /**
     * A worked example of {@code rounding}: a tracked time it changes and the billed time it gives, taken from
     * {@link Rounding#apply}; to the nearest step, one time just under half a step and one at half a step, so
     * the reader sees where it tips. Empty when nothing is rounded.
     */
    public static Optional<Text> example(Rounding rounding) {
        if (rounding.isNone()) {
            return Optional.empty();
        }
        String key = "rates.rounding.example." + name(rounding);
        if (rounding.mode() == Rounding.Mode.NEAREST) {
            long[] pair = nearestExamples(rounding.minutes());
            return Optional.of(new Text(key, List.of(duration(pair[0]), duration(rounding.apply(pair[0])),
                    duration(pair[1]), duration(rounding.apply(pair[1])))));
        }
        long tracked = upDownExample(rounding.minutes());
        return Optional.of(new Text(key, List.of(duration(tracked), duration(rounding.apply(tracked)))));
    }

    /** A tracked time of about half a step, which rounding up or down visibly changes. */
    static long upDownExample(int minutes) {
        return minutes == 1 ? 40 : minutes / 2 * 60L;
    }

    /** An hour and a bit: once just under half a step over (rounds down), once at or just over it (rounds up). */
    static long[] nearestExamples(int minutes) {
        long half = minutes * 30L;
        if (minutes == 1) {
            return new long[] {3600 + half - 1, 3600 + half};
        }
        return new long[] {3600 + (half - 1) / 60 * 60, 3600 + (half + 59) / 60 * 60};
    }

    /** Seconds as hours and minutes, "1:07"; with the seconds when there are any, "0:00:40". */
    public static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return s == 0 ? "%d:%02d".formatted(h, m) : "%d:%02d:%02d".formatted(h, m, s);
    }

    private static String name(Rounding rounding) {
        return rounding.mode().name().toLowerCase(Locale.ROOT) + "." + rounding.scope().name().toLowerCase(Locale.ROOT);
    }
}
