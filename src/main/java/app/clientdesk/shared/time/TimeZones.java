package app.clientdesk.shared.time;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The IANA time zones offered in forms, and strict parsing of a zone typed by a person or a program. */
public final class TimeZones {

    private static final List<String> REGION_IDS;

    static {
        Set<String> ids = new TreeSet<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            // Region ids only: "Etc/GMT+3", "SystemV/..." and bare abbreviations confuse people.
            if (id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/")) {
                ids.add(id);
            }
        }
        ids.add("UTC");
        REGION_IDS = List.copyOf(ids);
    }

    private TimeZones() {}

    public static List<String> selectable() {
        return REGION_IDS;
    }

    /** A zone id that {@link ZoneId#of} knows, excluding fixed offsets such as "+03:00". */
    public static Optional<ZoneId> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            ZoneId zone = ZoneId.of(value.trim());
            if (!ZoneId.getAvailableZoneIds().contains(zone.getId())) {
                return Optional.empty();
            }
            return Optional.of(zone);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
