package app.clientdesk.sla;

import java.time.LocalDate;
import java.util.Objects;

/** A day off of the working calendar, a date of the calendar's own zone, with a name such as "Natal". */
public record Holiday(LocalDate date, String name) {

    public Holiday {
        Objects.requireNonNull(date);
        Objects.requireNonNull(name);
    }
}
