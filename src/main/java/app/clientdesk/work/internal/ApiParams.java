package app.clientdesk.work.internal;

import app.clientdesk.shared.validation.Violations;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Query parameters read by hand, so that a bad value is a 422 naming its parameter (Spring's own type
 * conversion would answer 404, as for a bad id in the path).
 */
final class ApiParams {

    private ApiParams() {}

    static Optional<UUID> uuid(@Nullable String value, String field, Violations v) {
        if (blank(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            v.add(field, "validation.invalid");
            return Optional.empty();
        }
    }

    static @Nullable Boolean bool(@Nullable String value, String field, Violations v) {
        if (blank(value)) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                v.add(field, "validation.choice");
                yield null;
            }
        };
    }

    static @Nullable LocalDate date(@Nullable String value, String field, Violations v) {
        if (blank(value)) {
            return null;
        }
        LocalDate date = app.clientdesk.work.TaskRules.date(value);
        if (date == null) {
            v.add(field, "validation.date");
        }
        return date;
    }

    static <E extends Enum<E>> @Nullable E choice(@Nullable String value, Class<E> type, String field, Violations v) {
        if (blank(value)) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        v.add(field, "validation.choice");
        return null;
    }

    /** The value given in a PATCH, else the one there was. */
    static @Nullable String pick(@Nullable String given, @Nullable String old) {
        return given != null ? given : old;
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
