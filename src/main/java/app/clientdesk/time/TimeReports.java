package app.clientdesk.time;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.money.Money;
import app.clientdesk.time.ReportQuery.By;
import app.clientdesk.time.ReportStore.Cell;
import app.clientdesk.time.ReportStore.CellKey;
import app.clientdesk.time.ReportStore.ClientInfo;
import app.clientdesk.time.ReportStore.TagCell;
import app.clientdesk.time.ReportStore.TaskFacts;
import app.clientdesk.time.TimeReport.ClientRule;
import app.clientdesk.time.TimeReport.Day;
import app.clientdesk.time.TimeReport.Estimate;
import app.clientdesk.time.TimeReport.Figures;
import app.clientdesk.time.TimeReport.Group;
import app.clientdesk.time.TimeReport.Line;
import app.clientdesk.time.TimeReport.Sinks;
import app.clientdesk.time.TimeReport.TypeRate;
import app.clientdesk.time.TimeReport.TypeRecurrence;
import app.clientdesk.time.TimeReport.TypeTime;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Time reports: tracked, billable and billed hours and amounts over a range, filtered and grouped; estimates
 * against actuals; time sinks; and every entry of a report for export. The owner reports on everyone's
 * time; a member on their own only; client contacts on none.
 *
 * <p>Billable time is billed as an invoice would bill it: each client's rounding ({@link BilledTime}) applies
 * to the entries in the report. Under per-day rounding one day's task is one unit even when several people
 * or tags share it; a line by person or by tag gets a share of the unit's billed time and amount in
 * proportion to its tracked time. An entry with several tags counts under each of them, so lines by tag may
 * add up to more than the total. This does not check that ids in the query belong to the workspace: they
 * only narrow the workspace's own entries.
 */
@Service
public class TimeReports {

    /** Task types listed in each kind of time sink. */
    static final int SINKS = 5;
    /** Task types listed per currency among the lowest earners. */
    static final int LOWEST_PER_CURRENCY = 3;
    /** Less tracked time than this says nothing about a type's hourly earnings. */
    static final long RATE_MIN_SECONDS = 3600;

    private final ReportStore store;
    private final app.clientdesk.work.Tasks tasks;

    TimeReports(ReportStore store, app.clientdesk.work.Tasks tasks) {
        this.store = store;
        this.tasks = tasks;
    }

    /** One entry as the export lists it: billed time and amount are its share of its billing unit. */
    public record ExportedEntry(LocalDate date, Instant start, Instant end, ZoneId zone, String person, String client,
            @Nullable String project, @Nullable String task, @Nullable String taskType, List<String> tags,
            @Nullable String note, boolean billable, long trackedSeconds, long billedSeconds, @Nullable Money rate,
            @Nullable Money amount) {
    }

    /**
     * Tags in use, for a filter: at most {@code limit}, in alphabetical order; the workspace's for the owner, a
     * member's own entries' for a member.
     */
    @Transactional(readOnly = true)
    public List<String> tags(CurrentUser viewer, int limit) {
        viewer.requireStaff();
        return store.tags(viewer.workspaceId(), viewer.isOwner() ? null : viewer.id().value(), limit);
    }

    /**
     * Task types of the tasks the viewer sees (of one client's, when given), for a filter, in alphabetical
     * order: all the workspace's for the owner, those of their clients for a member.
     */
    @Transactional(readOnly = true)
    public List<String> taskTypes(CurrentUser viewer, @Nullable UUID client) {
        return tasks.typesSeen(viewer, client);
    }

    /** The report of the viewer's time (all of it for the owner); without money for one who sees none. */
    @Transactional(readOnly = true)
    public TimeReport report(CurrentUser viewer, ReportQuery q) {
        viewer.requireStaff();
        WorkspaceId workspace = viewer.workspaceId();
        UUID only = onlyOwn(viewer);
        boolean byUser = q.groupsBy(By.MEMBER);
        boolean byDate = q.by().isPeriod() || q.thenBy() != null && q.thenBy().isPeriod();
        store.setUpReport();
        List<Cell> cells = store.cells(workspace, only, q, byUser, byDate);
        Map<CellKey, Billed> billed = bill(cells);

        List<Part> parts = new ArrayList<>(cells.size());
        Map<CellKey, Cell> byKey = new HashMap<>();
        Set<UUID> clientIds = new HashSet<>();
        Map<UUID, TaskFacts> tasks = new HashMap<>();
        Set<UUID> projectIds = new HashSet<>();
        Set<UUID> userIds = new HashSet<>();
        for (Cell c : cells) {
            Billed b = billed.get(c.key());
            parts.add(new Part(c.key(), null, null, c.seconds(), c.entries(), b.seconds(), b.amount()));
            byKey.put(c.key(), c);
            clientIds.add(c.key().client());
            if (c.key().task() != null && c.task() != null) {
                tasks.putIfAbsent(c.key().task(), c.task());
            }
            if (c.key().project() != null) {
                projectIds.add(c.key().project());
            }
            if (c.key().user() != null) {
                userIds.add(c.key().user());
            }
        }
        List<Part> tagParts = List.of();
        if (q.groupsBy(By.TAG)) {
            tagParts = new ArrayList<>();
            for (TagCell t : store.tagCells(workspace, only, q, byUser, byDate)) {
                Cell whole = byKey.get(t.key());
                if (whole == null) {
                    continue; // an entry written between the two reads
                }
                Billed b = billed.get(t.key());
                tagParts.add(new Part(t.key(), t.tag(), t.label(), t.seconds(), t.entries(),
                        share(b.seconds(), t.seconds(), whole.seconds()), share(b.amount(), t.seconds(), whole.seconds())));
            }
        }

        Map<UUID, ClientInfo> clients = store.clients(workspace, clientIds);
        Names names = new Names(clients, q.groupsBy(By.TASK) ? store.taskTitles(workspace, tasks.keySet()) : Map.of(),
                q.groupsBy(By.PROJECT) ? store.projects(workspace, projectIds) : Map.of(),
                byUser ? store.users(workspace, userIds) : Map.of());

        Acc total = new Acc();
        parts.forEach(total::add);
        List<Line> lines = lines(q, q.by() == By.TAG ? tagParts : parts,
                q.by() == By.TAG || q.thenBy() == By.TAG ? tagParts : parts, names);
        TimeReport report = new TimeReport(q, total.figures(), lines, days(q, store.days(workspace, only, q)),
                rules(cells, clients), estimates(parts, tasks), sinks(parts, tasks, clients));
        return viewer.seesMoney() ? report : report.withoutMoney();
    }

    /**
     * One client's time over {@code from}–{@code to} (the entries' own dates) as the viewer sees it (a member their
     * own): tracked, billable and billed seconds, the billed amounts per currency, and whether some billable time
     * has no rate. Summed in SQL by day, task and rate, then rounded and priced as the report does: the rows read
     * grow with the days and tasks worked, not with the entries.
     */
    public record ClientTotals(long trackedSeconds, long billableSeconds, long billedSeconds, List<Money> amounts,
            boolean unpriced) {

        public Money amountIn(java.util.Currency currency) {
            return amounts.stream().filter(m -> m.currency().equals(currency)).findFirst()
                    .orElse(Money.zero(currency));
        }
    }

    @Transactional(readOnly = true)
    public ClientTotals clientTotals(CurrentUser viewer, UUID client, LocalDate from, LocalDate to) {
        viewer.requireStaff();
        ReportQuery q = new ReportQuery(from, to, client, null, null, null, null, null, By.CLIENT, null);
        store.setUpReport();
        List<Cell> cells = store.cells(viewer.workspaceId(), onlyOwn(viewer), q, false, false);
        Map<CellKey, Billed> billed = bill(cells);
        long tracked = 0;
        long billable = 0;
        long billedSeconds = 0;
        boolean unpriced = false;
        Map<java.util.Currency, Money> amounts = new java.util.TreeMap<>(
                java.util.Comparator.comparing(java.util.Currency::getCurrencyCode));
        for (Cell c : cells) {
            tracked += c.seconds();
            if (!c.key().billable()) {
                continue;
            }
            billable += c.seconds();
            Billed b = billed.get(c.key());
            billedSeconds += b.seconds();
            unpriced |= c.key().rate() == null;
            if (b.amount() != null) {
                amounts.merge(b.amount().currency(), b.amount(), Money::plus);
            }
        }
        return new ClientTotals(tracked, billable, billedSeconds, List.copyOf(amounts.values()), unpriced);
    }

    /**
     * Every entry of the report, in the order of their dates and start times, with its share of the billed time
     * and amount of its unit (no rate nor amount for one who sees no money). Entries are read and handed on a
     * day at a time, so any range fits in memory.
     */
    @Transactional(readOnly = true)
    public void export(CurrentUser viewer, ReportQuery q, Consumer<ExportedEntry> to) {
        viewer.requireStaff();
        // One who sees no money gets each entry's durations only.
        Consumer<ExportedEntry> sink = viewer.seesMoney() ? to : e -> to.accept(new ExportedEntry(e.date(), e.start(),
                e.end(), e.zone(), e.person(), e.client(), e.project(), e.task(), e.taskType(), e.tags(), e.note(),
                e.billable(), e.trackedSeconds(), e.billedSeconds(), null, null));
        List<ReportStore.ExportRow> day = new ArrayList<>();
        store.export(viewer.workspaceId(), onlyOwn(viewer), q, row -> {
            if (!day.isEmpty() && !day.get(0).date().equals(row.date())) {
                exportDay(day, sink);
                day.clear();
            }
            day.add(row);
        });
        exportDay(day, sink);
    }

    private static void exportDay(List<ReportStore.ExportRow> rows, Consumer<ExportedEntry> sink) {
        if (rows.isEmpty()) {
            return;
        }
        Map<UUID, List<Integer>> byClient = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).billable()) {
                byClient.computeIfAbsent(rows.get(i).client(), k -> new ArrayList<>()).add(i);
            }
        }
        long[] billedSeconds = new long[rows.size()];
        Money[] amounts = new Money[rows.size()];
        byClient.forEach((client, indexes) -> {
            List<BilledTime.Sum> sums = new ArrayList<>(indexes.size());
            for (int i : indexes) {
                ReportStore.ExportRow r = rows.get(i);
                sums.add(BilledTime.Sum.of(r.date(), r.task(), r.project(), r.rate(), r.seconds()));
            }
            for (BilledTime.SumUnit unit : BilledTime.ofSums(sums, rows.get(indexes.get(0)).rounding())) {
                long[] weights = unit.sums().stream().mapToLong(s -> sums.get(s).seconds()).toArray();
                long[] seconds = split(unit.billedSeconds(), weights);
                Money[] money = split(unit.amount(), weights);
                for (int k = 0; k < weights.length; k++) {
                    int row = indexes.get(unit.sums().get(k));
                    billedSeconds[row] = seconds[k];
                    amounts[row] = money[k];
                }
            }
        });
        for (int i = 0; i < rows.size(); i++) {
            ReportStore.ExportRow r = rows.get(i);
            sink.accept(new ExportedEntry(r.date(), r.start(), r.end(), r.zone(), r.userName(), r.clientName(),
                    r.projectName(), r.taskTitle(), r.taskType(), List.copyOf(r.tags()), r.note(), r.billable(),
                    r.seconds(), billedSeconds[i], r.rate(), amounts[i]));
        }
    }

    // --- billing ------------------------------------------------------------------------------------

    private record Billed(long seconds, @Nullable Money amount) {
        static final Billed NONE = new Billed(0, null);
    }

    /** Billed seconds and amount of each cell: its client's units, shared among the cells in each. */
    private static Map<CellKey, Billed> bill(List<Cell> cells) {
        Map<CellKey, Billed> out = new HashMap<>(cells.size() * 2);
        Map<UUID, List<Cell>> byClient = new LinkedHashMap<>();
        for (Cell c : cells) {
            out.put(c.key(), Billed.NONE);
            if (c.key().billable()) {
                byClient.computeIfAbsent(c.key().client(), k -> new ArrayList<>()).add(c);
            }
        }
        byClient.forEach((client, own) -> {
            List<BilledTime.Sum> sums = new ArrayList<>(own.size());
            for (Cell c : own) {
                CellKey k = c.key();
                sums.add(new BilledTime.Sum(k.date(), k.task(), k.project(), k.rate(), c.seconds(), c.entries(),
                        c.shortest(), c.longest()));
            }
            for (BilledTime.SumUnit unit : BilledTime.ofSums(sums, own.get(0).rounding())) {
                if (unit.sums().size() == 1) {
                    out.put(own.get(unit.sums().get(0)).key(), new Billed(unit.billedSeconds(), unit.amount()));
                    continue;
                }
                long[] weights = unit.sums().stream().mapToLong(s -> sums.get(s).seconds()).toArray();
                long[] seconds = split(unit.billedSeconds(), weights);
                Money[] money = split(unit.amount(), weights);
                for (int k = 0; k < weights.length; k++) {
                    out.put(own.get(unit.sums().get(k)).key(), new Billed(seconds[k], money[k]));
                }
            }
        });
        return out;
    }

    /** {@code total} split in proportion to {@code weights}, exactly: the largest remainders get the rest. */
    static long[] split(long total, long[] weights) {
        long[] out = new long[weights.length];
        if (weights.length == 1) {
            out[0] = total;
            return out;
        }
        long sum = 0;
        for (long w : weights) {
            sum += w;
        }
        if (sum == 0) {
            out[0] = total;
            return out;
        }
        BigInteger whole = BigInteger.valueOf(sum);
        long given = 0;
        long[] remainders = new long[weights.length];
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(whole);
            out[i] = qr[0].longValueExact();
            remainders[i] = qr[1].longValueExact();
            given += out[i];
        }
        for (long left = total - given; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            out[best]++;
            remainders[best] = -1;
        }
        return out;
    }

    private static Money[] split(@Nullable Money amount, long[] weights) {
        Money[] out = new Money[weights.length];
        if (amount == null) {
            return out;
        }
        int digits = Money.digits(amount.currency());
        long[] minor = split(amount.amount().movePointRight(digits).longValueExact(), weights);
        for (int i = 0; i < out.length; i++) {
            out[i] = new Money(BigDecimal.valueOf(minor[i], digits), amount.currency());
        }
        return out;
    }

    private static long share(long value, long part, long whole) {
        return whole == 0 ? 0 : BigInteger.valueOf(value).multiply(BigInteger.valueOf(part))
                .add(BigInteger.valueOf(whole / 2)).divide(BigInteger.valueOf(whole)).longValueExact();
    }

    private static @Nullable Money share(@Nullable Money amount, long part, long whole) {
        if (amount == null || whole == 0) {
            return amount == null ? null : Money.zero(amount.currency());
        }
        return new Money(amount.amount().multiply(BigDecimal.valueOf(part))
                .divide(BigDecimal.valueOf(whole), Money.digits(amount.currency()), RoundingMode.HALF_UP),
                amount.currency());
    }

    // --- lines --------------------------------------------------------------------------------------

    /** A cell, or the part of one that carries a tag, with its billed share. */
    private record Part(CellKey key, @Nullable String tag, @Nullable String tagLabel, long seconds, long entries,
            long billed, @Nullable Money amount) {
    }

    private record Names(Map<UUID, ClientInfo> clients, Map<UUID, String> tasks, Map<UUID, String> projects,
            Map<UUID, String> users) {
    }

    /** Running figures of a line. */
    private static final class Acc {
        long tracked;
        long billable;
        long billed;
        long nonBillable;
        long entries;
        final Map<Currency, BigDecimal> amounts = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        @Nullable Part first;
        @Nullable Map<String, Acc> children;

        void add(Part p) {
            if (first == null) {
                first = p;
            }
            tracked += p.seconds();
            entries += p.entries();
            if (p.key().billable()) {
                billable += p.seconds();
                billed += p.billed();
            } else {
                nonBillable += p.seconds();
            }
            if (p.amount() != null) {
                amounts.merge(p.amount().currency(), p.amount().amount(), BigDecimal::add);
            }
        }

        Figures figures() {
            List<Money> money = new ArrayList<>(amounts.size());
            amounts.forEach((currency, amount) -> money.add(new Money(amount, currency)));
            return new Figures(tracked, billable, billed, nonBillable, List.copyOf(money), entries);
        }
    }

    /** The key of a part under a grouping; null for none (no project, task, type or tag). */
    private static @Nullable String keyOf(By by, Part p) {
        CellKey k = p.key();
        return switch (by) {
            case CLIENT -> k.client().toString();
            case PROJECT -> k.project() == null ? null : k.project().toString();
            case TASK -> k.task() == null ? null : k.task().toString();
            case TASK_TYPE -> k.taskType() == null || k.taskType().isBlank() ? null
                    : k.taskType().strip().toLowerCase(Locale.ROOT);
            case MEMBER -> Objects.requireNonNull(k.user()).toString();
            case TAG -> p.tag();
            case DAY -> Objects.requireNonNull(k.date()).toString();
            case WEEK -> TimeEntries.weekOf(Objects.requireNonNull(k.date())).toString();
            case MONTH -> Objects.requireNonNull(k.date()).withDayOfMonth(1).toString();
        };
    }

    private static List<Line> lines(ReportQuery q, List<Part> top, List<Part> nested, Names names) {
        Map<String, Acc> groups = new HashMap<>();
        for (Part p : top) {
            groups.computeIfAbsent(keyOf(q.by(), p), k -> new Acc()).add(p);
        }
        if (q.thenBy() != null) {
            for (Part p : nested) {
                Acc parent = groups.get(keyOf(q.by(), p));
                if (parent == null) {
                    continue;
                }
                if (parent.children == null) {
                    parent.children = new HashMap<>();
                }
                parent.children.computeIfAbsent(keyOf(q.thenBy(), p), k -> new Acc()).add(p);
            }
        }
        return ordered(q.by(), groups, q.thenBy(), names);
    }

    private static List<Line> ordered(By by, Map<String, Acc> groups, @Nullable By thenBy, Names names) {
        List<Line> lines = new ArrayList<>(groups.size());
        groups.forEach((key, acc) -> lines.add(new Line(group(by, key, Objects.requireNonNull(acc.first), names),
                acc.figures(), acc.children == null || thenBy == null ? List.of()
                        : ordered(thenBy, acc.children, null, names))));
        Comparator<Line> order;
        if (by.isPeriod()) {
            order = Comparator.comparing(l -> Objects.requireNonNull(l.group().day()));
        } else {
            order = Comparator.<Line, Boolean>comparing(l -> l.group().key() == null)
                    .thenComparing(l -> -l.figures().trackedSeconds())
                    .thenComparing(l -> Objects.requireNonNullElse(l.group().label(), ""), String.CASE_INSENSITIVE_ORDER);
        }
        lines.sort(order);
        return List.copyOf(lines);
    }

    private static Group group(By by, @Nullable String key, Part first, Names names) {
        CellKey k = first.key();
        ClientInfo client = names.clients().get(k.client());
        String clientName = client == null ? null : client.name();
        if (key == null) {
            return new Group(by, null, null, null, null);
        }
        return switch (by) {
            case CLIENT -> new Group(by, key, clientName, null, null);
            case PROJECT -> new Group(by, key, names.projects().get(k.project()), clientName, null);
            case TASK -> {
                yield new Group(by, key, names.tasks().get(k.task()), clientName, null);
            }
            case TASK_TYPE -> new Group(by, key, Objects.requireNonNull(k.taskType()).strip(), null, null);
            case MEMBER -> new Group(by, key, names.users().get(k.user()), null, null);
            case TAG -> new Group(by, key, first.tagLabel(), null, null);
            case DAY, WEEK, MONTH -> new Group(by, key, null, null, LocalDate.parse(key));
        };
    }

    // --- the rest of the page -----------------------------------------------------------------------

    private static List<Day> days(ReportQuery q, Map<LocalDate, long[]> byDay) {
        List<Day> days = new ArrayList<>();
        for (LocalDate d = q.from(); !d.isAfter(q.to()); d = d.plusDays(1)) {
            long[] s = byDay.getOrDefault(d, new long[2]);
            days.add(new Day(d, s[0], s[1]));
        }
        return List.copyOf(days);
    }

    private static List<ClientRule> rules(List<Cell> cells, Map<UUID, ClientInfo> clients) {
        Map<UUID, Rounding> rules = new HashMap<>();
        for (Cell c : cells) {
            if (c.key().billable()) {
                rules.putIfAbsent(c.key().client(), c.rounding());
            }
        }
        return rules.entrySet().stream()
                .map(e -> new ClientRule(e.getKey(), clients.containsKey(e.getKey()) ? clients.get(e.getKey()).name()
                        : "?", e.getValue()))
                .sorted(Comparator.comparing(ClientRule::clientName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private static List<Estimate> estimates(List<Part> parts, Map<UUID, TaskFacts> tasks) {
        Map<UUID, Long> actual = new HashMap<>();
        for (Part p : parts) {
            if (p.key().task() != null) {
                actual.merge(p.key().task(), p.seconds(), Long::sum);
            }
        }
        record Pair(long estimate, long actual) {
        }
        Map<String, List<Pair>> byType = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        actual.forEach((task, seconds) -> {
            TaskFacts info = tasks.get(task);
            if (info == null || info.estimateMinutes() == null) {
                return;
            }
            String type = info.type() == null || info.type().isBlank() ? null : info.type().strip();
            String key = type == null ? null : type.toLowerCase(Locale.ROOT);
            labels.putIfAbsent(key, type);
            byType.computeIfAbsent(key, k -> new ArrayList<>()).add(new Pair(info.estimateMinutes() * 60L, seconds));
        });
        List<Estimate> out = new ArrayList<>();
        byType.forEach((key, pairs) -> {
            long[] percents = pairs.stream().mapToLong(p -> Math.round(p.actual() * 100.0 / p.estimate())).sorted()
                    .toArray();
            int n = percents.length;
            long median = n % 2 == 1 ? percents[n / 2] : Math.round((percents[n / 2 - 1] + percents[n / 2]) / 2.0);
            long sum = 0;
            for (long p : percents) {
                sum += p;
            }
            out.add(new Estimate(labels.get(key), n, pairs.stream().mapToLong(Pair::estimate).sum(),
                    pairs.stream().mapToLong(Pair::actual).sum(), (int) median, (int) Math.round(sum / (double) n)));
        });
        out.sort(Comparator.<Estimate, Boolean>comparing(e -> e.taskType() == null)
                .thenComparing(e -> -e.tasks())
                .thenComparing(e -> Objects.requireNonNullElse(e.taskType(), ""), String.CASE_INSENSITIVE_ORDER));
        return List.copyOf(out);
    }

    private static Sinks sinks(List<Part> parts, Map<UUID, TaskFacts> tasks, Map<UUID, ClientInfo> clients) {
        final class TypeAcc {
            final String label;
            long tracked;
            long entries;
            final Set<UUID> tasks = new HashSet<>();
            final Set<UUID> series = new HashSet<>();
            final Map<Currency, long[]> trackedIn = new HashMap<>();
            final Map<Currency, BigDecimal> earnedIn = new HashMap<>();

            TypeAcc(String label) {
                this.label = label;
            }
        }
        Map<String, TypeAcc> types = new HashMap<>();
        Set<Currency> earning = new HashSet<>();
        for (Part p : parts) {
            String type = p.key().taskType();
            if (p.amount() != null && p.amount().amount().signum() > 0) {
                earning.add(p.amount().currency());
            }
            if (type == null || type.isBlank()) {
                continue;
            }
            TypeAcc t = types.computeIfAbsent(type.strip().toLowerCase(Locale.ROOT), k -> new TypeAcc(type.strip()));
            t.tracked += p.seconds();
            t.entries += p.entries();
            if (p.key().task() != null) {
                t.tasks.add(p.key().task());
                TaskFacts info = tasks.get(p.key().task());
                if (info != null && info.series() != null) {
                    t.series.add(info.series());
                }
            }
            ClientInfo client = clients.get(p.key().client());
            if (client != null) {
                t.trackedIn.computeIfAbsent(client.currency(), c -> new long[1])[0] += p.seconds();
                if (p.amount() != null && p.amount().currency().equals(client.currency())) {
                    t.earnedIn.merge(client.currency(), p.amount().amount(), BigDecimal::add);
                }
            }
        }
        List<TypeTime> mostTime = types.values().stream()
                .sorted(Comparator.<TypeAcc>comparingLong(t -> -t.tracked).thenComparing(t -> t.label))
                .limit(SINKS).map(t -> new TypeTime(t.label, t.tracked)).toList();
        List<TypeRecurrence> mostRecurring = types.values().stream()
                .sorted(Comparator.<TypeAcc>comparingLong(t -> -t.entries).thenComparing(t -> -t.tasks.size())
                        .thenComparing(t -> t.label))
                .limit(SINKS).map(t -> new TypeRecurrence(t.label, t.tasks.size(), t.entries, t.series.size())).toList();
        List<TypeRate> lowest = new ArrayList<>();
        for (Currency currency : earning.stream().sorted(Comparator.comparing(Currency::getCurrencyCode)).toList()) {
            List<TypeRate> rates = new ArrayList<>();
            for (TypeAcc t : types.values()) {
                long[] tracked = t.trackedIn.get(currency);
                if (tracked == null || tracked[0] < RATE_MIN_SECONDS) {
                    continue;
                }
                Money earned = new Money(t.earnedIn.getOrDefault(currency, BigDecimal.ZERO), currency);
                Money hourly = new Money(earned.amount().multiply(BigDecimal.valueOf(3600))
                        .divide(BigDecimal.valueOf(tracked[0]), Money.digits(currency), RoundingMode.HALF_UP), currency);
                rates.add(new TypeRate(t.label, hourly, tracked[0], earned));
            }
            // "Lowest" needs something to be lower than.
            if (rates.size() >= 2) {
                rates.sort(Comparator.comparing((TypeRate r) -> r.hourly().amount()).thenComparing(TypeRate::taskType));
                lowest.addAll(rates.subList(0, Math.min(LOWEST_PER_CURRENCY, rates.size() - 1)));
            }
        }
        return new Sinks(mostTime, mostRecurring, List.copyOf(lowest));
    }

    private static @Nullable UUID onlyOwn(CurrentUser viewer) {
        return viewer.isOwner() ? null : viewer.id().value();
    }
}
