package app.clientdesk.sla;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A due time written for two people at once: the VA in their zone and the client in theirs, e.g. "Mon, 8 Dec 2026,
 * 10:00 (Sao Paulo)" and "Mon, 8 Dec 2026, 23:00 (Sydney)". Render it with the {@code sla/dueTimes} template.
 */
public final class DueTimes {

    private DueTimes() {}

    /** One instant as seen in the VA's and in the client's zone, each written in {@code locale}. */
    public record DueTime(Instant at, ZonedDateTime inVaZone, ZonedDateTime inClientZone, String va, String client) {

        /** Whether both people read the same wall-clock time (then showing one is enough). */
        public boolean sameWallClock() {
            return inVaZone.toLocalDateTime().equals(inClientZone.toLocalDateTime());
        }

        /** ISO-8601 with the VA zone's offset, for a {@code <time datetime>} attribute and the API. */
        public String iso() {
            return inVaZone.toOffsetDateTime().toString();
        }
    }

    /** The two formatters of a locale, built once: a list writes a due time on every row. */
    private static final Map<Locale, DateTimeFormatter[]> FORMATTERS = new ConcurrentHashMap<>();

    public static DueTime of(Instant due, ZoneId vaZone, ZoneId clientZone, Locale locale) {
        ZonedDateTime va = due.atZone(vaZone);
        ZonedDateTime client = due.atZone(clientZone);
        String inVaZone = format(va, locale);
        return new DueTime(due, va, client, inVaZone, vaZone.equals(clientZone) ? inVaZone : format(client, locale));
    }

    /** Weekday, date and time as the locale writes them, then the zone's place: "Mon, 8 Dec 2026, 10:00 (Sydney)". */
    public static String format(ZonedDateTime time, Locale locale) {
        DateTimeFormatter[] formatters = FORMATTERS.computeIfAbsent(locale, l -> new DateTimeFormatter[] {
                DateTimeFormatter.ofPattern("EEE", l),
                DateTimeFormatter.ofPattern(DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.MEDIUM,
                        FormatStyle.SHORT, IsoChronology.INSTANCE, l), l)});
        return formatters[0].format(time) + ", " + formatters[1].format(time) + " (" + place(time.getZone()) + ")";
    }

    /** "America/Sao_Paulo" → "Sao Paulo"; "UTC" stays. */
    public static String place(ZoneId zone) {
        String id = zone.getId();
        int slash = id.lastIndexOf('/');
        return (slash < 0 ? id : id.substring(slash + 1)).replace('_', ' ');
    }
}
