package app.clientdesk.admin;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.money.Money;
import app.clientdesk.time.Rate;
import app.clientdesk.time.RateBook;
import app.clientdesk.time.RateScope;
import app.clientdesk.time.Rounding;
import app.clientdesk.time.TimeGenerator;
import app.clientdesk.work.ProjectId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The tracked time of a generated agency over the last two years, or as many years back as it takes for
 * each person to log about {@value #TYPICAL_PER_DAY} entries a working day (a million entries of ten people
 * reach back about sixteen years): every person's working days filled with
 * entries one after another (never overlapping), on their own clients (the busiest client takes most of its
 * people's time), mostly on tasks, with durations typical of each task type, 80% billable, some tagged.
 * Rates (a default per currency, some clients', two task types') and each client's rounding are set first,
 * and each entry gets the rate in force, as the application would give it.
 */
@Component
class TimeDataGenerator {

    record Result(long entries, int people, int days, ClientId busiest, String busiestName, long busiestEntries,
            long busiestLastYear) {
    }

    /** Calendar days back from yesterday, at least. */
    static final int DAYS = 730;
    /** Entries a person logs on a typical working day; more entries reach further back rather than pack the days. */
    static final int TYPICAL_PER_DAY = 24;
    /** The furthest back the history goes, in years. */
    static final int MOST_YEARS = 30;
    /** More than this a day per person is no longer a working day. */
    static final int MOST_PER_DAY = 60;
    /** Share of an assigned person's entries that go to the busiest client. */
    static final int BUSIEST_SHARE = 60;

    private static final Map<String, Integer> DEFAULT_RATES = Map.ofEntries(Map.entry("USD", 40),
            Map.entry("GBP", 32), Map.entry("EUR", 36), Map.entry("BRL", 120), Map.entry("AUD", 55),
            Map.entry("JPY", 5000), Map.entry("AED", 150), Map.entry("CAD", 50), Map.entry("BHD", 15));
    /** Typical minutes of one sitting on a task of each type. */
    private static final Map<String, Integer> MINUTES = Map.of("email", 15, "scheduling", 12, "social-post", 35,
            "invoice", 20, "research", 55, "bookkeeping", 40, "travel", 30, "data-entry", 25);
    private static final String[] TAGS = {"meeting", "urgent", "admin", "follow-up", "retainer", "call"};
    private static final String[] NOTES = {"Inbox and follow-ups", "Weekly check-in call", "Calendar clean-up",
            "Supplier emails", "Team coordination", "Quick fixes on the website", "Reporting"};

    private final TimeGenerator time;
    private final Clock clock;

    TimeDataGenerator(TimeGenerator time, Clock clock) {
        this.time = time;
        this.clock = clock;
    }

    Result generate(WorkspaceId workspace, UserId owner, List<UUID> members, ZoneId home,
            List<WorkDataGenerator.GeneratedClient> clients, WorkDataGenerator.@Nullable Result work, long count,
            Random random) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(home).toLocalDate();
        WorkDataGenerator.GeneratedClient busiest = clients.get(0);

        List<Rate> rates = rates(clients, now);
        time.insertRates(workspace, rates, now);
        RateBook book = new RateBook(rates);
        Map<UUID, Rounding> roundings = new LinkedHashMap<>();
        for (int i = 0; i < clients.size(); i++) {
            Rounding r = i == 0 ? new Rounding(Rounding.Mode.UP, 15, Rounding.Scope.ENTRY) : switch (i % 5) {
                case 1 -> new Rounding(Rounding.Mode.UP, 15, Rounding.Scope.ENTRY);
                case 2 -> new Rounding(Rounding.Mode.NEAREST, 6, Rounding.Scope.DAY);
                case 3 -> new Rounding(Rounding.Mode.UP, 6, Rounding.Scope.ENTRY);
                case 4 -> new Rounding(Rounding.Mode.DOWN, 5, Rounding.Scope.DAY);
                default -> null;
            };
            if (r != null) {
                roundings.put(clients.get(i).id().value(), r);
            }
        }
        time.insertRoundings(workspace, roundings);

        // Who works for whom: members on the clients assigned to them, the owner on the busiest and a few more.
        Map<UUID, List<WorkDataGenerator.GeneratedClient>> clientsOf = new LinkedHashMap<>();
        clientsOf.put(owner.value(), new ArrayList<>(List.of(busiest)));
        for (int i = 0; i < 5 && clients.size() > 1; i++) {
            clientsOf.get(owner.value()).add(clients.get(1 + random.nextInt(clients.size() - 1)));
        }
        for (UUID member : members) {
            List<WorkDataGenerator.GeneratedClient> own = clients.stream().filter(c -> c.members().contains(member))
                    .toList();
            if (!own.isEmpty()) {
                clientsOf.put(member, own);
            }
        }
        List<UUID> people = new ArrayList<>(clientsOf.keySet());
        Map<ClientId, List<WorkDataGenerator.MadeTask>> tasksOf = new HashMap<>();
        if (work != null) {
            for (WorkDataGenerator.MadeTask t : work.made()) {
                tasksOf.computeIfAbsent(t.client(), c -> new ArrayList<>()).add(t);
            }
        }
        Map<ClientId, List<ProjectId>> projectsOf = work == null ? Map.of() : work.projectsOf();

        List<LocalDate> days = workingDays(today, count, people.size());
        long slots = (long) days.size() * people.size();
        if ((count + slots - 1) / slots > MOST_PER_DAY) {
            throw new AdminCli.UsageException("--time-entries " + count + " is more than " + people.size()
                    + " people with clients can log in " + MOST_YEARS + " years (at most " + MOST_PER_DAY * slots
                    + "); add --users");
        }

        long made = 0;
        long ofBusiest = 0;
        long ofBusiestLastYear = 0;
        LocalDate yearAgo = today.minusYears(1);
        List<TimeGenerator.NewEntry> batch = new ArrayList<>(10_000);
        long slot = 0;
        for (LocalDate day : days) {
            for (UUID person : people) {
                int k = (int) ((slot + 1) * count / slots - slot * count / slots);
                slot++;
                if (k == 0) {
                    continue;
                }
                List<WorkDataGenerator.GeneratedClient> own = clientsOf.get(person);
                boolean onBusiest = own.get(0) == busiest || own.contains(busiest);
                // A working day: a start between 8:00 and 9:30, sittings with short gaps, about 9.5 hours in all.
                long[] lengths = new long[k];
                long[] gaps = new long[k];
                List<TimeGenerator.NewEntry> parts = new ArrayList<>(k);
                long total = 0;
                String[] types = new String[k];
                for (int i = 0; i < k; i++) {
                    WorkDataGenerator.GeneratedClient client = onBusiest && random.nextInt(100) < BUSIEST_SHARE ? busiest
                            : own.get(random.nextInt(own.size()));
                    List<WorkDataGenerator.MadeTask> tasks = tasksOf.getOrDefault(client.id(), List.of());
                    WorkDataGenerator.MadeTask task = !tasks.isEmpty() && random.nextInt(10) < 7
                            ? tasks.get(random.nextInt(tasks.size())) : null;
                    ProjectId project = task != null ? task.project() : null;
                    List<ProjectId> projects = projectsOf.getOrDefault(client.id(), List.of());
                    if (task == null && !projects.isEmpty() && random.nextInt(10) < 4) {
                        project = projects.get(random.nextInt(projects.size()));
                    }
                    types[i] = task == null ? null : task.type();
                    int minutes = types[i] == null ? 30 : MINUTES.getOrDefault(types[i], 30);
                    lengths[i] = Math.max(120, Math.min(3 * 3600,
                            Math.round(minutes * 60 * Math.exp(random.nextGaussian() * 0.5))));
                    gaps[i] = random.nextInt(9) * 60L;
                    total += lengths[i] + gaps[i];
                    List<String> tags = random.nextInt(100) < 15 ? List.of(TAGS[random.nextInt(TAGS.length)])
                            : random.nextInt(100) < 6 ? List.of(TAGS[random.nextInt(3)], TAGS[3 + random.nextInt(3)])
                            : List.of();
                    String note = task != null ? task.title()
                            : random.nextInt(10) < 7 ? NOTES[random.nextInt(NOTES.length)] : null;
                    RateBook.Applied rate = book.resolve(client.currency(), client.id().value(),
                            project == null ? null : project.value(), types[i], person).orElse(null);
                    parts.add(new TimeGenerator.NewEntry(UUID.randomUUID(), person, client.id().value(),
                            project == null ? null : project.value(), task == null ? null : task.id().value(),
                            types[i], Instant.EPOCH, Instant.EPOCH, home, 0, random.nextInt(100) < 80, note, tags, rate));
                }
                long window = k > 30 ? 12 * 3600 : 34_200;
                double squeeze = total > window ? (double) window / total : 1;
                Instant at = day.atTime(LocalTime.of(8, 0)).plusMinutes(random.nextInt(91)).atZone(home).toInstant();
                for (int i = 0; i < k; i++) {
                    long length = Math.max(60, Math.round(lengths[i] * squeeze));
                    if (random.nextInt(10) < 6) {
                        length = Math.max(60, length / 60 * 60); // typed in whole minutes; the rest from a timer
                    }
                    int pause = length > 45 * 60 && random.nextInt(100) < 3 ? 60 * (5 + random.nextInt(11)) : 0;
                    TimeGenerator.NewEntry e = parts.get(i);
                    Instant end = at.plusSeconds(length + pause);
                    batch.add(new TimeGenerator.NewEntry(e.id(), e.user(), e.client(), e.project(), e.task(),
                            e.taskType(), at, end, home, pause, e.billable(), e.note(), e.tags(), e.rate()));
                    at = end.plusSeconds(Math.round(gaps[i] * squeeze));
                    if (e.client().equals(busiest.id().value())) {
                        ofBusiest++;
                        if (!day.isBefore(yearAgo)) {
                            ofBusiestLastYear++;
                        }
                    }
                }
                made += k;
                if (batch.size() >= 10_000) {
                    time.insertEntries(workspace, batch, now);
                    batch.clear();
                }
            }
        }
        time.insertEntries(workspace, batch, now);
        return new Result(made, people.size(), days.size(), busiest.id(), busiest.name(), ofBusiest, ofBusiestLastYear);
    }

    /**
     * The weekdays before today the entries fill: the last {@value #DAYS} days, or further back (whole
     * weeks, up to {@value #MOST_YEARS} years) until {@code people} logging {@value #TYPICAL_PER_DAY} a day
     * hold {@code count} entries.
     */
    static List<LocalDate> workingDays(LocalDate today, long count, int people) {
        long needed = (count + (long) people * TYPICAL_PER_DAY - 1) / ((long) people * TYPICAL_PER_DAY);
        LocalDate oldest = today.minusYears(MOST_YEARS);
        LocalDate first = today.minusDays(DAYS);
        long weekdays = 0;
        for (LocalDate d = first; d.isBefore(today); d = d.plusDays(1)) {
            weekdays += isWeekday(d) ? 1 : 0;
        }
        while (weekdays < needed && first.isAfter(oldest)) {
            first = first.minusWeeks(1);
            weekdays += 5;
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; d.isBefore(today); d = d.plusDays(1)) {
            if (isWeekday(d)) {
                days.add(d);
            }
        }
        return days;
    }

    private static boolean isWeekday(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** A default rate per currency in use, a rate of their own for every third client, two task types apart. */
    private static List<Rate> rates(List<WorkDataGenerator.GeneratedClient> clients, Instant now) {
        List<Rate> rates = new ArrayList<>();
        Map<Currency, Money> defaults = new LinkedHashMap<>();
        for (WorkDataGenerator.GeneratedClient c : clients) {
            defaults.computeIfAbsent(c.currency(), currency -> new Money(
                    BigDecimal.valueOf(DEFAULT_RATES.getOrDefault(currency.getCurrencyCode(), 40)), currency));
        }
        defaults.forEach((currency, hourly) -> {
            rates.add(new Rate(UUID.randomUUID(), RateScope.WORKSPACE, "", "", hourly, now));
            rates.add(new Rate(UUID.randomUUID(), RateScope.TASK_TYPE, "research", "research", times(hourly, 125), now));
            rates.add(new Rate(UUID.randomUUID(), RateScope.TASK_TYPE, "data-entry", "data-entry", times(hourly, 70), now));
        });
        for (int i = 0; i < clients.size(); i += 3) {
            WorkDataGenerator.GeneratedClient c = clients.get(i);
            rates.add(new Rate(UUID.randomUUID(), RateScope.CLIENT, c.id().value().toString(), c.name(),
                    times(defaults.get(c.currency()), 80 + (i * 7) % 50), now));
        }
        return rates;
    }

    private static Money times(Money hourly, int percent) {
        return new Money(hourly.amount().multiply(BigDecimal.valueOf(percent))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP), hourly.currency());
    }
}
