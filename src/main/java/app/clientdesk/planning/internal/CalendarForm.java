package app.clientdesk.planning.internal;

import app.clientdesk.planning.PersonCalendar;
import app.clientdesk.planning.PersonCalendarInput;
import app.clientdesk.planning.WeekHours;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A person's calendar form as submitted: the zone, one text of spans per weekday (Monday first), the buffer in
 * minutes and the focus hours. A mutable bean because Spring binds the indexed days into it.
 */
public class CalendarForm {

    private @Nullable String timeZone = "";
    private List<@Nullable String> days = new ArrayList<>();
    private @Nullable String bufferMinutes = "";
    private @Nullable String focusHours = "";

    public @Nullable String getTimeZone() { return timeZone; }
    public void setTimeZone(@Nullable String timeZone) { this.timeZone = timeZone; }
    public List<@Nullable String> getDays() { return days; }
    public void setDays(List<@Nullable String> days) { this.days = days; }
    public @Nullable String getBufferMinutes() { return bufferMinutes; }
    public void setBufferMinutes(@Nullable String bufferMinutes) { this.bufferMinutes = bufferMinutes; }
    public @Nullable String getFocusHours() { return focusHours; }
    public void setFocusHours(@Nullable String focusHours) { this.focusHours = focusHours; }

    /** The text of weekday {@code i} (Monday is 0), empty when nothing was typed. */
    public String day(int i) {
        String text = i < days.size() ? days.get(i) : null;
        return text == null ? "" : text;
    }

    static CalendarForm of(PersonCalendar calendar, Locale locale) {
        CalendarForm form = new CalendarForm();
        form.timeZone = calendar.zone().getId();
        for (DayOfWeek day : DayOfWeek.values()) {
            form.days.add(spans(calendar.hours().on(day)));
        }
        form.bufferMinutes = Long.toString(calendar.buffer().toMinutes());
        DecimalFormat hours = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(locale));
        form.focusHours = hours.format(BigDecimal.valueOf(calendar.focusLimit().toMinutes()).divide(BigDecimal.valueOf(60),
                2, java.math.RoundingMode.HALF_UP));
        return form;
    }

    private static String spans(List<WeekHours.Span> spans) {
        return String.join(", ", spans.stream().map(s -> s.start() + "-" + s.end()).toList());
    }

    PersonCalendarInput toInput() {
        List<@Nullable String> seven = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            seven.add(day(i));
        }
        return new PersonCalendarInput(timeZone, seven, bufferMinutes, focusHours);
    }
}
