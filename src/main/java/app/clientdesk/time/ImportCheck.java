package app.clientdesk.time;

import app.clientdesk.clients.ClientChoice;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Account;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.shared.time.TimeZones;
import app.clientdesk.time.ImportPreview.ClientRow;
import app.clientdesk.time.ImportPreview.Option;
import app.clientdesk.time.ImportPreview.ProjectRow;
import app.clientdesk.time.ImportPreview.Sample;
import app.clientdesk.time.ImportPreview.UserRow;
import app.clientdesk.time.imports.DateOrder;
import app.clientdesk.time.imports.Dates;
import app.clientdesk.time.imports.ExportFile;
import app.clientdesk.time.imports.ExportRow;
import app.clientdesk.time.imports.LineProblem;
import app.clientdesk.work.Project;
import app.clientdesk.work.Projects;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Works out what importing a file would do, with the person's choices: reads each row in the chosen zone
 * and date order, finds the rows an earlier import added (by their import key), checks every rule an
 * entry has (a real span of at most 24 hours, short notes and tags) and that no two entries of a person
 * share time, neither within the file nor with the entries they have, and resolves the mapping of clients,
 * projects, people and tasks. It changes nothing.
 *
 * <p>Overlaps cost O(n log n): each person's rows are sorted once and swept, and their existing entries
 * in the file's span are read in one query and searched by binary search.
 */
@Component
class ImportCheck {

    static final int PROBLEMS_SHOWN = 200;
    static final int SAMPLE = 20;
    static final int NAME_MAX = 160;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final ImportStore store;
    private final Clients clients;
    private final Projects projects;
    private final Accounts accounts;
    private final Workspaces workspaces;
    private final MessageSource texts;

    ImportCheck(ImportStore store, Clients clients, Projects projects, Accounts accounts, Workspaces workspaces,
            MessageSource texts) {
        this.store = store;
        this.clients = clients;
        this.projects = projects;
        this.accounts = accounts;
        this.workspaces = workspaces;
        this.texts = texts;
    }

    /** The name of the client made for time that has none in the file, in the importer's language. */
    String unnamedClient(Locale locale) {
        return texts.getMessage("timeimport.mapping.unnamedClient", null, "Time without a client", locale);
    }

    /** What a client or project of the file becomes: an existing one, or one to create with {@code newName}. */
    record Target(@Nullable UUID id, @Nullable String newName, Currency currency) {
    }

    /** A row to write: the mapping resolved to the positions in {@link Plan#clients()}/{@link Plan#projects()}. */
    record Planned(int line, UUID user, int client, int project, @Nullable UUID task, @Nullable String taskType,
            Instant start, Instant end, boolean billable, @Nullable String note, List<String> tags, String key) {
    }

    /**
     * The preview and, when it is committable, what to write. {@code clients}/{@code projects} hold null
     * where the mapping is not complete.
     */
    record Plan(ImportPreview preview, ZoneId zone, List<Planned> entries, List<@Nullable Target> clients,
            List<@Nullable Target> projects, Set<UUID> users) {

        int skipped() {
            return preview.alreadyImported() + preview.zeroLength();
        }
    }

    /** A row of the file as read, with what the check finds about it. */
    private static final class Row {
        final ExportRow raw;
        int client;
        int project = -1;
        int user;
        @Nullable Instant start;
        @Nullable Instant end;
        boolean billable;
        @Nullable String description;
        List<String> tags = List.of();
        @Nullable String key;
        boolean bad;
        boolean already;
        boolean zero;

        Row(ExportRow raw) {
            this.raw = raw;
        }

        boolean toImport() {
            return !bad && !already && !zero;
        }
    }

    private static final class Group {
        final @Nullable String name;
        final @Nullable String email;
        final @Nullable String parent;
        int rows;
        int index;

        Group(@Nullable String name, @Nullable String email, @Nullable String parent) {
            this.name = name;
            this.email = email;
            this.parent = parent;
        }
    }

    Plan plan(CurrentUser viewer, TimeImport file, ExportFile export, ImportChoices choices) {
        WorkspaceId workspace = viewer.workspaceId();
        ZoneId zone = TimeZones.parse(Objects.requireNonNullElse(choices.zone(), "")).orElse(file.zone());
        DateOrder chosen = dateOrder(choices.dates());
        DateOrder order = chosen != null ? chosen
                : export.dates().order() != null ? export.dates().order()
                : viewer.locale().getLanguage().equals("en") && !"GB".equals(viewer.locale().getCountry())
                        ? DateOrder.MDY : DateOrder.DMY;

        // The names of the file, each once (ignoring case), in a stable order: the preview's tables.
        Map<String, Group> clientGroups = new TreeMap<>();
        Map<String, Group> projectGroups = new TreeMap<>();
        Map<String, Group> userGroups = new TreeMap<>();
        List<Row> rows = new ArrayList<>(export.rows().size());
        for (ExportRow raw : export.rows()) {
            rows.add(new Row(raw));
            String clientKey = lower(raw.client());
            clientGroups.computeIfAbsent(clientKey, k -> new Group(raw.client(), null, null)).rows++;
            if (raw.project() != null) {
                projectGroups.computeIfAbsent(clientKey + "\u0000" + lower(raw.project()),
                        k -> new Group(raw.project(), null, raw.client())).rows++;
            }
            userGroups.computeIfAbsent(raw.personKey(), k -> new Group(raw.user(), raw.email(), null)).rows++;
        }
        index(clientGroups);
        index(projectGroups);
        index(userGroups);
        for (Row r : rows) {
            String clientKey = lower(r.raw.client());
            r.client = clientGroups.get(clientKey).index;
            if (r.raw.project() != null) {
                r.project = projectGroups.get(clientKey + "\u0000" + lower(r.raw.project())).index;
            }
            r.user = userGroups.get(r.raw.personKey()).index;
        }

        // The mapping: the person's choices, or defaults by name.
        Currency base = Currency.getInstance(workspaces.settings(workspace).baseCurrency().strip());
        List<ClientChoice> existingClients = clients.choices(viewer);
        Map<String, ClientChoice> clientByName = new HashMap<>();
        Map<String, ClientChoice> clientById = new HashMap<>();
        List<Option> clientOptions = new ArrayList<>();
        for (ClientChoice c : existingClients) {
            clientByName.putIfAbsent(lower(c.name()), c);
            clientById.put(c.id().value().toString(), c);
            clientOptions.add(new Option(c.id().value().toString(), c.name()));
        }
        List<ClientRow> clientRows = new ArrayList<>();
        List<@Nullable Target> clientTargets = new ArrayList<>();
        // Time without a client in the file can go to a new client of this name (an entry always has a
        // client): the default when the workspace has no client yet, or when one of that name exists already.
        String unnamed = unnamedClient(viewer.locale());
        for (Group g : clientGroups.values()) {
            String name = g.name == null ? unnamed : g.name;
            ClientChoice same = clientByName.get(lower(name));
            String fallback = same != null ? same.id().value().toString()
                    : g.name != null || existingClients.isEmpty() ? ImportChoices.NEW : "";
            String choice = choices.clients().getOrDefault(String.valueOf(g.index), fallback).strip();
            Target target = null;
            String problem = null;
            List<Object> args = List.of();
            if (choice.equals(ImportChoices.NEW)) {
                if (name.length() > NAME_MAX) {
                    problem = "timeimport.map.name.tooLong";
                    args = List.of(NAME_MAX);
                } else {
                    target = new Target(null, name, base);
                }
            } else if (clientById.containsKey(choice)) {
                ClientChoice c = clientById.get(choice);
                target = new Target(c.id().value(), null, clients.get(viewer, c.id()).currency());
            } else {
                problem = choice.isEmpty() ? "timeimport.map.client.choose" : "timeimport.map.unknown";
                args = List.of(g.rows);
            }
            clientTargets.add(target);
            clientRows.add(new ClientRow(g.index, g.name, g.rows, choice, problem, args));
        }

        Map<UUID, List<Project>> projectsOf = new HashMap<>();
        List<ProjectRow> projectRows = new ArrayList<>();
        List<@Nullable Target> projectTargets = new ArrayList<>();
        for (Group g : projectGroups.values()) {
            Target client = clientTargets.get(clientGroups.get(lower(g.parent)).index);
            List<Option> options = new ArrayList<>();
            options.add(new Option(ImportChoices.NEW, ""));
            String fallback = ImportChoices.NEW;
            Map<String, Project> byId = new HashMap<>();
            if (client != null && client.id() != null) {
                for (Project p : projectsOf.computeIfAbsent(client.id(),
                        id -> projects.list(viewer, new ClientId(id), false))) {
                    options.add(new Option(p.id().value().toString(), p.name()));
                    byId.put(p.id().value().toString(), p);
                    if (fallback.equals(ImportChoices.NEW) && lower(p.name()).equals(lower(g.name))) {
                        fallback = p.id().value().toString();
                    }
                }
            }
            String choice = choices.projects().getOrDefault(String.valueOf(g.index), fallback).strip();
            Target target = null;
            String problem = null;
            List<Object> args = List.of();
            if (choice.equals(ImportChoices.NEW)) {
                if (Objects.requireNonNull(g.name).length() > NAME_MAX) {
                    problem = "timeimport.map.name.tooLong";
                    args = List.of(NAME_MAX);
                } else if (client != null) {
                    target = new Target(null, g.name, client.currency());
                }
            } else if (byId.containsKey(choice) && client != null) {
                target = new Target(byId.get(choice).id().value(), null, client.currency());
            } else {
                problem = "timeimport.map.project.unknown";
            }
            projectTargets.add(target);
            projectRows.add(new ProjectRow(g.index, g.parent, Objects.requireNonNull(g.name), g.rows, choice,
                    options, problem, args));
        }

        List<Account> staff = accounts.inWorkspace(workspace).stream()
                .filter(a -> a.role() != Role.CLIENT && !a.disabled())
                .sorted(Comparator.comparing((Account a) -> a.displayName().toLowerCase(Locale.ROOT)))
                .toList();
        Map<String, Account> staffById = new HashMap<>();
        Map<String, Account> staffByEmail = new HashMap<>();
        List<Option> userOptions = new ArrayList<>();
        for (Account a : staff) {
            staffById.put(a.id().value().toString(), a);
            staffByEmail.put(lower(a.email()), a);
            userOptions.add(new Option(a.id().value().toString(), a.displayName() + " <" + a.email() + ">"));
        }
        List<UserRow> userRows = new ArrayList<>();
        List<@Nullable Account> userTargets = new ArrayList<>();
        for (Group g : userGroups.values()) {
            Account byEmail = g.email == null ? null : staffByEmail.get(lower(g.email));
            String fallback = byEmail != null ? byEmail.id().value().toString()
                    : userGroups.size() == 1 ? viewer.id().value().toString() : "";
            String choice = choices.users().getOrDefault(String.valueOf(g.index), fallback).strip();
            Account target = staffById.get(choice);
            String problem = target != null ? null
                    : choice.isEmpty() ? "timeimport.map.user.choose" : "timeimport.map.unknown";
            userTargets.add(target);
            userRows.add(new UserRow(g.index, g.name, g.email, g.rows, choice, problem,
                    problem == null ? List.of() : List.of(g.rows)));
        }

        // Each row on its own: dates, times, span, billable, note, tags.
        List<LineProblem> problems = new ArrayList<>(export.problems());
        MessageDigest sha = sha256();
        for (Row r : rows) {
            read(r, order, zone, export.source().name(), sha, problems);
        }

        // Rows imported before, and rows repeated within the file.
        List<String> keys = new ArrayList<>();
        for (Row r : rows) {
            if (!r.bad && !r.zero) {
                keys.add(r.key);
            }
        }
        Set<String> existing = store.existingKeys(workspace, keys);
        Map<String, Integer> firstLine = new HashMap<>();
        for (Row r : rows) {
            if (r.bad || r.zero) {
                continue;
            }
            if (existing.contains(r.key)) {
                r.already = true;
                continue;
            }
            Integer first = firstLine.putIfAbsent(r.key, r.raw.line());
            if (first != null) {
                fail(r, problems, "timeimport.row.repeats", first);
            }
        }

        // A person's entries never share time: within the file, and with what they have already.
        Map<UUID, List<Row>> byPerson = new LinkedHashMap<>();
        for (Row r : rows) {
            Account person = userTargets.get(r.user);
            if (r.toImport() && person != null) {
                byPerson.computeIfAbsent(person.id().value(), k -> new ArrayList<>()).add(r);
            }
        }
        for (Map.Entry<UUID, List<Row>> e : byPerson.entrySet()) {
            List<Row> own = e.getValue();
            own.sort(Comparator.comparing((Row r) -> r.start).thenComparingInt(r -> r.raw.line()));
            Row latest = null;
            Instant from = own.get(0).start;
            Instant to = own.get(0).end;
            for (Row r : own) {
                if (latest != null && r.start.isBefore(latest.end)) {
                    fail(r, problems, "timeimport.row.overlap", latest.raw.line());
                }
                if (latest == null || r.end.isAfter(latest.end)) {
                    latest = r;
                }
                to = r.end.isAfter(to) ? r.end : to;
            }
            String name = staffById.get(e.getKey().toString()).displayName();
            // A running timer will become an entry from its start until it stops, at the earliest now.
            Optional<ImportStore.Span> timer = store.runningTimer(workspace, e.getKey());
            if (timer.isPresent()) {
                for (Row r : own) {
                    if (r.end.isAfter(timer.get().start())) {
                        fail(r, problems, "timeimport.row.overlapTimer", name,
                                timer.get().start().atZone(timer.get().zone()).format(WHEN));
                    }
                }
            }
            List<ImportStore.Span> spans = store.spans(workspace, e.getKey(), from, to);
            if (spans.isEmpty()) {
                continue;
            }
            for (Row r : own) {
                ImportStore.Span s = firstEndingAfter(spans, r.start);
                if (s != null && s.start().isBefore(r.end)) {
                    fail(r, problems, "timeimport.row.overlapExisting", name,
                            s.start().atZone(s.zone()).format(WHEN), s.end().atZone(s.zone()).format(HOUR),
                            s.clientName());
                }
            }
        }

        // Tasks of existing clients, matched by title (open ones first).
        List<UUID> existingClientIds = clientTargets.stream().filter(t -> t != null && t.id() != null)
                .map(Target::id).distinct().toList();
        Map<String, ImportStore.TaskRef> tasks = new HashMap<>();
        if (!existingClientIds.isEmpty() && rows.stream().anyMatch(r -> r.raw.task() != null)) {
            for (ImportStore.TaskRef t : store.tasks(workspace, existingClientIds)) {
                tasks.putIfAbsent(taskKey(t.client(), t.project(), t.title()), t);
            }
        }

        List<Planned> planned = new ArrayList<>();
        List<Sample> sample = new ArrayList<>();
        int toImport = 0;
        int already = 0;
        int zero = 0;
        long seconds = 0;
        LocalDate firstDay = null;
        LocalDate lastDay = null;
        for (Row r : rows) {
            already += r.already ? 1 : 0;
            zero += r.zero ? 1 : 0;
            if (!r.toImport()) {
                continue;
            }
            toImport++;
            seconds += Duration.between(r.start, r.end).getSeconds();
            LocalDate day = r.start.atZone(zone).toLocalDate();
            firstDay = firstDay == null || day.isBefore(firstDay) ? day : firstDay;
            lastDay = lastDay == null || day.isAfter(lastDay) ? day : lastDay;
            Target client = clientTargets.get(r.client);
            Target project = r.project < 0 ? null : projectTargets.get(r.project);
            Account person = userTargets.get(r.user);
            ImportStore.TaskRef task = null;
            if (r.raw.task() != null && client != null && client.id() != null
                    && (r.project < 0 || project != null && project.id() != null)) {
                task = tasks.get(taskKey(client.id(), project == null ? null : project.id(), r.raw.task()));
            }
            String note = note(r.description, r.raw.task(), task != null);
            if (client != null && person != null && (r.project < 0 || project != null)) {
                planned.add(new Planned(r.raw.line(), person.id().value(), r.client, r.project,
                        task == null ? null : task.id(), task == null ? null : task.type(), r.start, r.end,
                        r.billable, note, r.tags, Objects.requireNonNull(r.key)));
            }
            if (sample.size() < SAMPLE) {
                sample.add(new Sample(r.raw.line(), r.start.atZone(zone), r.end.atZone(zone),
                        Duration.between(r.start, r.end).getSeconds(),
                        person != null ? person.displayName() : r.raw.user() != null ? r.raw.user() : r.raw.email(),
                        client == null ? null : client.id() == null ? client.newName()
                                : clientById.get(client.id().toString()).name(),
                        client != null && client.id() == null,
                        project == null ? r.raw.project() : project.id() == null ? project.newName()
                                : optionLabel(projectRows.get(r.project).options(), project.id()),
                        project != null && project.id() == null, task == null ? null : task.title(), note, r.tags,
                        r.billable));
            }
        }

        problems.sort(Comparator.naturalOrder());
        ImportPreview preview = new ImportPreview(file, zone, order, chosen != null, export.dates(),
                export.rows().size() + export.problems().size(), toImport, already, zero, firstDay, lastDay, seconds,
                List.copyOf(problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size()))), problems.size(),
                clientRows, clientOptions, projectRows, userRows, userOptions, sample);
        Set<UUID> users = new java.util.TreeSet<>();
        planned.forEach(p -> users.add(p.user()));
        return new Plan(preview, zone, planned, clientTargets, projectTargets, users);
    }

    /** Reads one row's values; a row that breaks a rule is marked bad, with its problem. */
    private static void read(Row r, DateOrder order, ZoneId zone, String source, MessageDigest sha,
            List<LineProblem> problems) {
        ExportRow raw = r.raw;
        if (raw.email() == null && raw.user() == null) {
            fail(r, problems, "timeimport.row.noUser");
        }
        LocalDate startDate = Dates.date(raw.startDate(), order);
        if (startDate == null || startDate.getYear() < 1970 || startDate.getYear() > 2999) {
            fail(r, problems, raw.startDate() == null ? "timeimport.row.startDate.missing" : "timeimport.row.startDate",
                    Objects.requireNonNullElse(raw.startDate(), ""), example(order));
        }
        LocalTime startTime = Dates.time(raw.startTime());
        if (startTime == null) {
            fail(r, problems, raw.startTime() == null ? "timeimport.row.startTime.missing" : "timeimport.row.startTime",
                    Objects.requireNonNullElse(raw.startTime(), ""));
        }
        Long duration = Dates.duration(raw.duration());
        LocalDate endDate = null;
        LocalTime endTime = null;
        boolean byDuration = raw.endDate() == null && raw.endTime() == null && duration != null;
        if (!byDuration) {
            endDate = Dates.date(raw.endDate(), order);
            if (endDate == null) {
                fail(r, problems, raw.endDate() == null ? "timeimport.row.endDate.missing" : "timeimport.row.endDate",
                        Objects.requireNonNullElse(raw.endDate(), ""), example(order));
            }
            endTime = Dates.time(raw.endTime());
            if (endTime == null) {
                fail(r, problems, raw.endTime() == null ? "timeimport.row.endTime.missing" : "timeimport.row.endTime",
                        Objects.requireNonNullElse(raw.endTime(), ""));
            }
        }
        if (startDate != null && startTime != null && (byDuration || endDate != null && endTime != null)) {
            Instant start = TimeEntryRules.at(LocalDateTime.of(startDate, startTime), zone);
            Instant end;
            if (byDuration) {
                end = start.plusSeconds(duration);
            } else {
                LocalDateTime localEnd = LocalDateTime.of(endDate, endTime);
                end = TimeEntryRules.at(localEnd, zone);
                // On the night clocks go back a local time happens twice; the file's duration says which.
                if (duration != null && !end.equals(start.plusSeconds(duration))
                        && start.plusSeconds(duration).atZone(zone).toLocalDateTime().equals(localEnd)) {
                    end = start.plusSeconds(duration);
                }
            }
            if (end.isBefore(start)) {
                fail(r, problems, "timeimport.row.endBeforeStart");
            } else if (Duration.between(start, end).compareTo(TimeEntryRules.LONGEST) > 0) {
                fail(r, problems, "timeimport.row.tooLong", hours(Duration.between(start, end)));
            } else if (end.equals(start)) {
                r.zero = true;
            }
            r.start = start;
            r.end = end;
        }
        String billable = raw.billable() == null ? "" : raw.billable().toLowerCase(Locale.ROOT);
        switch (billable) {
            case "yes", "true", "1", "y", "sim", "s" -> r.billable = true;
            case "", "no", "false", "0", "n", "não", "nao" -> r.billable = false;
            default -> fail(r, problems, "timeimport.row.billable", raw.billable());
        }
        r.description = raw.description();
        if (r.description != null && r.description.length() > TimeEntryRules.NOTE_MAX) {
            fail(r, problems, "timeimport.row.noteTooLong", TimeEntryRules.NOTE_MAX);
        }
        r.tags = tags(raw.tags());
        if (r.tags.size() > TimeEntryRules.TAGS_MAX) {
            fail(r, problems, "timeimport.row.tags.tooMany", TimeEntryRules.TAGS_MAX);
        } else if (r.tags.stream().anyMatch(t -> t.length() > TimeEntryRules.TAG_MAX)) {
            fail(r, problems, "timeimport.row.tags.tooLong", TimeEntryRules.TAG_MAX);
        }
        if (!r.bad && !r.zero) {
            r.key = key(sha, source, raw);
        }
    }

    /**
     * What identifies a row whichever file it comes in: SHA-256 of the source, the person's email (or
     * name), the span, the description, client, project and task as written in the file.
     */
    static String key(MessageDigest sha, String source, ExportRow raw) {
        // The start and end as the file writes them, not as read in the chosen zone and date order: the same
        // file uploaded again with other choices is still the same rows, and is not imported twice.
        StringBuilder text = new StringBuilder(160).append(source).append('\u001f').append(raw.personKey());
        for (String part : new String[] {raw.startDate(), raw.startTime(), raw.endDate(), raw.endTime(),
                raw.description(), raw.client(), raw.project(), raw.task()}) {
            text.append('\u001f').append(part == null ? "" : part);
        }
        return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The note of an imported entry: its description; a task name of the file that matched no task is kept
     * before it ("Newsletter — Draft of May"), or alone when there is no description.
     */
    static @Nullable String note(@Nullable String description, @Nullable String task, boolean matched) {
        if (task == null || matched) {
            return description;
        }
        if (description == null) {
            return task;
        }
        String both = task + " — " + description;
        return both.length() > TimeEntryRules.NOTE_MAX ? description : both;
    }

    private static List<String> tags(@Nullable String text) {
        if (text == null) {
            return List.of();
        }
        Map<String, String> unique = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String tag = part.strip().replaceAll("\\s+", " ");
            if (!tag.isEmpty()) {
                unique.putIfAbsent(tag.toLowerCase(Locale.ROOT), tag);
            }
        }
        return List.copyOf(unique.values());
    }

    private static ImportStore.@Nullable Span firstEndingAfter(List<ImportStore.Span> spans, Instant start) {
        int lo = 0;
        int hi = spans.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (spans.get(mid).end().isAfter(start)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo < spans.size() ? spans.get(lo) : null;
    }

    private static void fail(Row r, List<LineProblem> problems, String key, Object... args) {
        r.bad = true;
        problems.add(LineProblem.of(r.raw.line(), key, args));
    }

    private static void index(Map<String, Group> groups) {
        int i = 0;
        for (Group g : groups.values()) {
            g.index = i++;
        }
    }

    private static String taskKey(UUID client, @Nullable UUID project, String title) {
        return client + "|" + project + "|" + title.strip().toLowerCase(Locale.ROOT);
    }

    private static String optionLabel(List<Option> options, UUID id) {
        String value = id.toString();
        return options.stream().filter(o -> o.value().equals(value)).map(Option::label).findFirst().orElse("");
    }

    private static @Nullable DateOrder dateOrder(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DateOrder.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The last day of 2026 written in {@code order}: how a date of the file should look. */
    static String example(DateOrder order) {
        return switch (order) {
            case YMD -> "2026-12-31";
            case MDY -> "12/31/2026";
            case DMY -> "31/12/2026";
        };
    }

    private static String hours(Duration d) {
        return d.toHours() + ":" + String.format(Locale.ROOT, "%02d", d.toMinutesPart());
    }

    private static String lower(@Nullable String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
