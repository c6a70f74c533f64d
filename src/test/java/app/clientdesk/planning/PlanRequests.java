package app.clientdesk.planning;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Random but reproducible planning inputs built from one seed: a small team in zones with clock changes on
 * different dates (and odd offsets), working hours of one or two spans, days off, blocks and meetings, buffers,
 * focus limits, and tasks with every kind of constraint. Times are on whole minutes, or on a 15-minute grid when
 * {@code grid} is set.
 */
final class PlanRequests {

    static final List<ZoneId> ZONES = List.of("Australia/Sydney", "Europe/London", "America/New_York",
            "America/Sao_Paulo", "Asia/Kathmandu", "Pacific/Chatham", "Asia/Tokyo", "UTC").stream()
            .map(ZoneId::of).toList();

    private static final List<String> TYPES = List.of("email", "bookkeeping", "social");

    private final Random random;
    private final int step;

    PlanRequests(long seed, boolean grid) {
        this.random = new Random(seed);
        this.step = grid ? 15 : 1;
    }

    PlanRequest any(int people, int tasks) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofMinutes(minutes(365 * 24 * 60)));
        // At least a quarter of an hour: a plan needs a horizon after now.
        Instant horizon = now.plus(Duration.ofMinutes(15 + minutes(60 * 24) + 24 * 60L * random.nextInt(21)));
        List<PlanPerson> team = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            team.add(person(now, horizon));
        }
        List<PlanTask> list = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            UUID assignee = random.nextInt(12) == 0 ? null : team.get(random.nextInt(people)).id();
            list.add(task(assignee, assignee == null ? ZoneOffset.UTC : zoneOf(team, assignee), now, horizon));
        }
        return new PlanRequest(now, horizon, team, list);
    }

    /** One person, whole-minute windows, nothing but estimates and due times (the earliest-due-date case). */
    PlanRequest plain(int tasks) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofMinutes(minutes(365 * 24 * 60)));
        Instant horizon = now.plus(Duration.ofDays(2 + random.nextInt(12)));
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        PlanPerson person = new PlanPerson(UUID.randomUUID(), zone, windows(zone, now, horizon), List.of(), List.of(),
                Duration.ZERO, null);
        List<PlanTask> list = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            Instant due = random.nextInt(8) == 0 ? null : now.plus(Duration.ofMinutes(minutes(14 * 24 * 60) - 24 * 60));
            list.add(PlanTask.simple(new UUID(0, random.nextInt(1 << 20)), person.id(),
                    Duration.ofMinutes(step + minutes(6 * 60)), due));
        }
        return new PlanRequest(now, horizon, List.of(person), dedupe(list));
    }

    private PlanPerson person(Instant now, Instant horizon) {
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        List<Interval> windows = windows(zone, now, horizon);
        List<Interval> blocks = busy(now, horizon, random.nextInt(6));
        List<Interval> meetings = busy(now, horizon, random.nextInt(6));
        Duration buffer = Duration.ofMinutes(random.nextInt(3) == 0 ? 0 : 5 * random.nextInt(7));
        Duration focus = random.nextInt(3) == 0 ? null : Duration.ofMinutes(30 * (1 + random.nextInt(16)));
        return new PlanPerson(UUID.randomUUID(), zone, windows, blocks, meetings, buffer, focus);
    }

    private List<Interval> windows(ZoneId zone, Instant now, Instant horizon) {
        Map<DayOfWeek, List<WeekHours.Span>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (random.nextInt(5) == 0) {
                continue;
            }
            int start = 6 * 60 + minutes(5 * 60);
            int lunch = start + 60 + minutes(4 * 60);
            List<WeekHours.Span> spans = new ArrayList<>();
            spans.add(new WeekHours.Span(time(start), time(lunch)));
            if (random.nextBoolean()) {
                spans.add(new WeekHours.Span(time(lunch + 30 + minutes(60)), time(Math.min(lunch + 5 * 60, 23 * 60 + 45))));
            }
            days.put(day, spans);
        }
        LocalDate from = now.atZone(zone).toLocalDate().minusDays(1);
        LocalDate to = horizon.atZone(zone).toLocalDate().plusDays(2);
        Set<LocalDate> off = new HashSet<>();
        for (LocalDate date = from; date.isBefore(to); date = date.plusDays(1)) {
            if (random.nextInt(10) == 0) {
                off.add(date);
            }
        }
        return new WeekHours(days).windows(from, to, zone, off);
    }

    private List<Interval> busy(Instant now, Instant horizon, int count) {
        List<Interval> busy = new ArrayList<>();
        long span = Duration.between(now, horizon).toMinutes();
        for (int i = 0; i < count; i++) {
            Instant start = now.plus(Duration.ofMinutes(random.nextLong(span + 120) - 60));
            busy.add(new Interval(start, start.plus(Duration.ofMinutes(15 + random.nextInt(180)))));
        }
        return busy;
    }

    private PlanTask task(UUID assignee, ZoneId zone, Instant now, Instant horizon) {
        long span = Duration.between(now, horizon).toMinutes();
        Duration estimate = Duration.ofMinutes(random.nextInt(4) == 0 ? 1 + random.nextInt(14) : 15 + random.nextInt(300));
        Instant due = random.nextInt(5) == 0 ? null : now.plus(Duration.ofMinutes(random.nextLong(span * 2) - 24 * 60));
        LocalDate startDate = random.nextInt(4) != 0 ? null
                : now.atZone(zone).toLocalDate().plusDays(random.nextInt(10) - 2);
        String type = random.nextInt(3) == 0 ? null : TYPES.get(random.nextInt(TYPES.size()));
        boolean online = random.nextInt(4) == 0;
        List<Interval> clientWindows = online ? clientWindows(now, horizon) : List.of();
        return new PlanTask(UUID.randomUUID(), assignee, estimate, due, startDate, random.nextBoolean(),
                random.nextBoolean(), type, online, clientWindows);
    }

    private List<Interval> clientWindows(Instant now, Instant horizon) {
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        return WeekHours.standard().windows(now.atZone(zone).toLocalDate().minusDays(1),
                horizon.atZone(zone).toLocalDate().plusDays(1), zone, Set.of());
    }

    private int minutes(int upTo) {
        return random.nextInt(upTo / step) * step;
    }

    private static LocalTime time(int minuteOfDay) {
        return LocalTime.of(minuteOfDay / 60, minuteOfDay % 60);
    }

    private static ZoneId zoneOf(List<PlanPerson> team, UUID id) {
        return team.stream().filter(person -> person.id().equals(id)).findFirst().orElseThrow().zone();
    }

    private static List<PlanTask> dedupe(List<PlanTask> tasks) {
        Set<UUID> seen = new HashSet<>();
        return tasks.stream().filter(task -> seen.add(task.id())).toList();
    }
}
