package app.clientdesk.planning;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A local day (in the person's zone) by whose end the person cannot finish the work due by then, whatever the
 * order: {@code dueWork} is the sum of the estimates of their tasks due on or before that day (a task already
 * overdue counts as due today), {@code freeFocus} the focus time still free from now to the end of that day
 * (working time minus existing blocks, meetings and their buffers, each day capped at its focus limit minus its
 * existing blocks), and {@code shortfall} the difference. It is a bound, not a schedule: start dates, client hours
 * and the minimum piece are ignored, so a day can pass this test and still have late tasks (see
 * {@link Plan#atRisk()}). Only days on which some task is due are listed, up to the horizon's day.
 */
public record OverCapacityDay(UUID personId, LocalDate date, Duration dueWork, Duration freeFocus,
        Duration shortfall) {}
