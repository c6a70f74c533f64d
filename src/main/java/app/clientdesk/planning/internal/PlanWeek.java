package app.clientdesk.planning.internal;

import app.clientdesk.clients.BusinessHours;
import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.Account;
import app.clientdesk.planning.Interval;
import app.clientdesk.planning.MeetingOccurrence;
import app.clientdesk.planning.PersonCalendar;
import app.clientdesk.planning.TimeBlock;
import app.clientdesk.work.Task;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One person's week as the planner draws it: seven days in the person's zone, each with its blocks placed on an
 * hour grid (a block crossing midnight shows on both days), the tasks due that day, and a clock per client in
 * view. The grid spans the working day and stretches to show every block.
 */
public record PlanWeek(Account person, boolean own, List<Account> people, ZoneId zone, LocalDate monday, LocalDate today,
        int firstHour, int lastHour, List<Day> days, List<ClientClock> clocks) {

    /** The grid's default span, stretched by blocks outside it. */
    static final int FIRST_HOUR = 7;
    static final int LAST_HOUR = 20;

    /** A day of the week: its working time as grid places, its holiday if any, its blocks and the tasks due. */
    public record Day(LocalDate date, List<String> working, @Nullable String holiday, List<Placed> blocks,
            List<PlacedMeeting> meetings, List<Task> due) {
    }

    /** A meeting's occurrence on a day of the grid: shown, not dragged (its time is changed on its own page). */
    public record PlacedMeeting(MeetingOccurrence meeting, ZonedDateTime start, ZonedDateTime end, String place) {
    }

    /**
     * A block's part on one day and its place on the day's grid of quarter hours: the first row (1 is the grid's
     * first quarter) and how many rows, as CSS classes (the page allows no inline style).
     */
    public record Placed(TimeBlock block, ZonedDateTime start, ZonedDateTime end, int row, int rows,
            boolean continued) {

        public String place() {
            return "row-" + row + " rows-" + rows;
        }

        public String colour() {
            return block.clientId() == null ? "client-c11" : block.clientId().colour();
        }
    }

    /** A client's local time now and its business hours today, read in the planner's zone. */
    public record ClientClock(ClientId id, String name, ZoneId zone, ZonedDateTime now, boolean open,
            @Nullable ZonedDateTime opensHere, @Nullable ZonedDateTime closesHere) {
    }

    static PlanWeek of(Account person, boolean own, List<Account> people, PersonCalendar calendar, LocalDate monday,
            LocalDate today, List<TimeBlock> blocks, List<MeetingOccurrence> meetings, List<Task> due,
            Map<ClientId, BusinessHours> hours, Instant now) {
        ZoneId zone = calendar.zone();
        List<Interval> work = calendar.windows(monday, monday.plusDays(7));
        int first = FIRST_HOUR;
        int last = LAST_HOUR;
        for (Interval window : work) {
            ZonedDateTime start = window.start().atZone(zone);
            ZonedDateTime end = window.end().atZone(zone);
            if (start.toLocalDate().equals(end.toLocalDate())) {
                first = Math.min(first, start.getHour());
                last = Math.max(last, end.getHour() + (end.getMinute() > 0 ? 1 : 0));
            }
        }
        List<Interval> shown = new ArrayList<>(blocks.stream().map(TimeBlock::interval).toList());
        meetings.forEach(m -> shown.add(new Interval(m.start(), m.end())));
        for (Interval item : shown) {
            ZonedDateTime start = item.start().atZone(zone);
            ZonedDateTime end = item.end().atZone(zone);
            if (start.toLocalDate().equals(end.toLocalDate())) {
                first = Math.min(first, start.getHour());
                last = Math.max(last, end.toLocalTime().equals(LocalTime.MIDNIGHT) ? 24
                        : end.getHour() + (end.getMinute() > 0 ? 1 : 0));
            } else {
                first = Math.min(first, 0);
                last = 24;
            }
        }
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate date = monday.plusDays(i);
            ZonedDateTime dayStart = date.atStartOfDay(zone);
            ZonedDateTime dayEnd = date.plusDays(1).atStartOfDay(zone);
            ZonedDateTime gridStart = dayStart.plusHours(first);
            int quarters = (last - first) * 4;
            List<String> working = new ArrayList<>();
            for (Interval window : work) {
                if (window.start().isBefore(dayEnd.toInstant()) && window.end().isAfter(dayStart.toInstant())) {
                    ZonedDateTime start = window.start().isBefore(dayStart.toInstant()) ? dayStart
                            : window.start().atZone(zone);
                    ZonedDateTime end = window.end().isAfter(dayEnd.toInstant()) ? dayEnd : window.end().atZone(zone);
                    int row = rowOf(gridStart, start, quarters);
                    working.add("row-" + (row + 1) + " rows-" + rowsOf(start, end, row, quarters));
                }
            }
            List<Placed> placed = new ArrayList<>();
            for (TimeBlock block : blocks) {
                if (!block.start().isBefore(dayEnd.toInstant()) || !block.end().isAfter(dayStart.toInstant())) {
                    continue;
                }
                ZonedDateTime start = block.start().isBefore(dayStart.toInstant()) ? dayStart : block.start().atZone(zone);
                ZonedDateTime end = block.end().isAfter(dayEnd.toInstant()) ? dayEnd : block.end().atZone(zone);
                int row = rowOf(gridStart, start, quarters);
                placed.add(new Placed(block, start, end, row + 1, rowsOf(start, end, row, quarters),
                        block.start().isBefore(dayStart.toInstant())));
            }
            List<PlacedMeeting> meetingsToday = new ArrayList<>();
            for (MeetingOccurrence m : meetings) {
                if (m.start().isBefore(dayEnd.toInstant()) && m.end().isAfter(dayStart.toInstant())) {
                    ZonedDateTime start = m.start().isBefore(dayStart.toInstant()) ? dayStart : m.start().atZone(zone);
                    ZonedDateTime end = m.end().isAfter(dayEnd.toInstant()) ? dayEnd : m.end().atZone(zone);
                    int row = rowOf(gridStart, start, quarters);
                    meetingsToday.add(new PlacedMeeting(m, start, end,
                            "row-" + (row + 1) + " rows-" + rowsOf(start, end, row, quarters)));
                }
            }
            List<Task> dueToday = due.stream().filter(t -> t.due() != null && day(t, zone).equals(date)).toList();
            days.add(new Day(date, working, calendar.holiday(date).map(h -> h.name()).orElse(null), placed,
                    meetingsToday, dueToday));
        }
        Map<ClientId, ClientClock> clocks = new LinkedHashMap<>();
        for (TimeBlock block : blocks) {
            if (block.clientId() != null && block.clientZone() != null && clocks.size() < 8) {
                clocks.computeIfAbsent(block.clientId(), id -> clock(id, block.clientName(), block.clientZone(),
                        hours.get(id), zone, now));
            }
        }
        for (Task task : due) {
            if (clocks.size() < 8) {
                clocks.computeIfAbsent(task.clientId(), id -> clock(id, task.clientName(), task.clientZone(),
                        hours.get(id), zone, now));
            }
        }
        return new PlanWeek(person, own, people, zone, monday, today, first, last, days, List.copyOf(clocks.values()));
    }

    /** The grid row (from 0) a moment of the day falls in: one row per quarter hour from the grid's first hour. */
    private static int rowOf(ZonedDateTime gridStart, ZonedDateTime at, int quarters) {
        return (int) Math.max(0, Math.min(quarters - 1, Math.round(Duration.between(gridStart, at).toMinutes() / 15.0)));
    }

    private static int rowsOf(ZonedDateTime start, ZonedDateTime end, int row, int quarters) {
        return (int) Math.max(1, Math.min(quarters - row, Math.round(Duration.between(start, end).toMinutes() / 15.0)));
    }

    private static LocalDate day(Task task, ZoneId zone) {
        return task.due().at() != null ? task.due().at().atZone(zone).toLocalDate() : task.due().date();
    }

    private static ClientClock clock(ClientId id, @Nullable String name, ZoneId clientZone,
            @Nullable BusinessHours hours, ZoneId zone, Instant now) {
        ZonedDateTime there = now.atZone(clientZone);
        ZonedDateTime opens = null;
        ZonedDateTime closes = null;
        boolean open = false;
        if (hours != null) {
            open = hours.isOpenAt(there);
            var span = hours.on(there.getDayOfWeek());
            if (span.isPresent()) {
                opens = ZonedDateTime.of(there.toLocalDate(), span.get().opens(), clientZone).withZoneSameInstant(zone);
                closes = ZonedDateTime.of(there.toLocalDate(), span.get().closes(), clientZone)
                        .withZoneSameInstant(zone);
            }
        }
        return new ClientClock(id, name == null ? "" : name, clientZone, there, open, opens, closes);
    }

    /** A span of minutes as a person reads it: "45 min", "3 h 15 min", "6 d 20 h" (the same in English and Portuguese). */
    public static String duration(long minutes) {
        if (minutes >= 24 * 60) {
            long d = minutes / (24 * 60);
            long rest = (minutes % (24 * 60)) / 60;
            return rest == 0 ? d + " d" : d + " d " + rest + " h";
        }
        long h = minutes / 60;
        long m = minutes % 60;
        if (h == 0) {
            return m + " min";
        }
        return m == 0 ? h + " h" : h + " h " + m + " min";
    }

    /** Working time as hours and minutes, never days: "45 h", "45 h 30 min", "30 min". */
    public static String hours(long minutes) {
        long h = minutes / 60;
        long m = minutes % 60;
        if (h == 0) {
            return m + " min";
        }
        return m == 0 ? h + " h" : h + " h " + m + " min";
    }

    /** The hours the grid labels, first to last. */
    public List<Integer> hours() {
        List<Integer> hours = new ArrayList<>();
        for (int h = firstHour; h < lastHour; h++) {
            hours.add(h);
        }
        return hours;
    }
}
