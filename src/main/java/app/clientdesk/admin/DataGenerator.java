package app.clientdesk.admin;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.NewWorkspace;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.Workspaces;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills a new workspace with realistic data for benchmarks. The same seed gives the same names, zones,
 * hours and assignments. Later capabilities extend it with their own records (tasks, time, invoices).
 */
@Component
class DataGenerator {

    record Spec(int clients, int users, int tasks, int projects, int timeEntries, int invoices, int requests,
            long seed, String ownerEmail, String password) {

        static Spec from(Map<String, String> options, @Nullable String password) {
            int clients = number(options, "clients", 200, 0, 100_000);
            int users = number(options, "users", 10, 1, 1_000);
            int tasks = number(options, "tasks", 0, 0, 5_000_000);
            int projects = number(options, "projects", tasks > 0 ? clients / 2 : 0, 0, 1_000_000);
            int timeEntries = number(options, "time-entries", 0, 0, 5_000_000);
            int invoices = number(options, "invoices", 0, 0, 2_000_000);
            // About a hundred per client, as the speed goal of the requests (20,000 for 200 clients) has it.
            int requests = number(options, "requests", Math.min(clients * 100, 5_000_000), 0, 5_000_000);
            long seed = number(options, "seed", 42, 0, Integer.MAX_VALUE);
            if ((tasks > 0 || projects > 0 || timeEntries > 0 || invoices > 0 || requests > 0) && clients == 0) {
                throw new AdminCli.UsageException("--tasks, --projects, --time-entries, --invoices and --requests "
                        + "need at least one client (--clients)");
            }
            String email = options.getOrDefault("owner-email", "owner+" + seed + "@bench.clientdesk.test");
            return new Spec(clients, users, tasks, projects, timeEntries, invoices, requests, seed, email,
                    password == null ? "benchmark-password" : password);
        }

        private static int number(Map<String, String> options, String name, int fallback, int min, int max) {
            String value = options.get(name);
            if (value == null) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(value);
                if (n < min || n > max) {
                    throw new AdminCli.UsageException("--" + name + " must be between " + min + " and " + max);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new AdminCli.UsageException("--" + name + " must be a whole number");
            }
        }
    }

    private static final String[][] PLACES = {
            {"Australia/Sydney", "AUD", "en-AU", "AU"}, {"Europe/London", "GBP", "en-GB", "GB"},
            {"America/New_York", "USD", "en-US", "US"}, {"America/Los_Angeles", "USD", "en-US", "US"},
            {"America/Sao_Paulo", "BRL", "pt-BR", "BR"}, {"Europe/Lisbon", "EUR", "pt-PT", "PT"},
            {"Europe/Berlin", "EUR", "de", "DE"}, {"Asia/Tokyo", "JPY", "ja", "JP"},
            {"Asia/Dubai", "AED", "en", "AE"}, {"America/Toronto", "CAD", "en-CA", "CA"},
            {"Asia/Bahrain", "BHD", "en", "BH"}, {"Europe/Madrid", "EUR", "es", "ES"}};
    private static final String[] FIRST = {"Olivia", "Liam", "Ana", "João", "Emma", "Noah", "Sofia", "Lucas",
            "Mia", "Hiro", "Amara", "Chloe", "Mateus", "Grace", "Yuki", "Omar", "Lena", "Diego", "Isla", "Ravi"};
    private static final String[] LAST = {"Smith", "Silva", "Brown", "Santos", "Tanaka", "Müller", "Costa",
            "Wilson", "García", "Oliveira", "Taylor", "Nguyen", "Schmidt", "Rossi", "Khan", "Martin"};
    private static final String[] TRADE = {"Bakery", "Legal", "Dental", "Studio", "Consulting", "Realty", "Coaching",
            "Design", "Wellness", "Logistics", "Accounting", "Architects", "Yoga", "Travel", "Media", "Labs"};
    private static final String[] PREFIX = {"Harbour", "Summit", "Blue Fern", "Northwind", "Golden Gate", "Ipanema",
            "Maple", "Sakura", "Atlas", "Riverbend", "Cedar", "Lumen", "Oakridge", "Coral", "Granite", "Aurora"};
    private static final String[] STATUSES = {"ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ONBOARDING", "LEAD", "PAUSED",
            "ENDED"};

    private final Workspaces workspaces;
    private final Accounts accounts;
    private final Clients clients;
    private final TransactionTemplate transactions;
    private final WorkDataGenerator work;
    private final TimeDataGenerator time;
    private final app.clientdesk.billing.InvoiceGenerator invoices;
    private final java.time.Clock clock;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final app.clientdesk.shared.jdbc.Database database;
    private final app.clientdesk.requests.RequestGenerator requests;
    private final app.clientdesk.portal.PortalAccess portal;

    DataGenerator(Workspaces workspaces, Accounts accounts, Clients clients, TransactionTemplate transactions,
            WorkDataGenerator work, TimeDataGenerator time, app.clientdesk.billing.InvoiceGenerator invoices,
            java.time.Clock clock, org.springframework.jdbc.core.JdbcTemplate jdbc,
            app.clientdesk.requests.RequestGenerator requests, app.clientdesk.portal.PortalAccess portal,
            app.clientdesk.shared.jdbc.Database database) {
        this.jdbc = jdbc;
        this.database = database;
        this.requests = requests;
        this.portal = portal;
        this.invoices = invoices;
        this.clock = clock;
        this.workspaces = workspaces;
        this.accounts = accounts;
        this.clients = clients;
        this.transactions = transactions;
        this.work = work;
        this.time = time;
    }

    List<String> generate(Spec spec) {
        // Member emails come from the seed alone: refuse before creating anything, rather than leave a
        // workspace without its members and blame the owner's email.
        for (int i = 1; i < spec.users(); i++) {
            if (accounts.findByEmail(memberEmail(i, spec.seed())).isPresent()) {
                throw new AdminCli.UsageException("seed " + spec.seed() + " was already generated in this database ("
                        + memberEmail(i, spec.seed()) + " exists); choose another --seed");
            }
        }
        if (spec.clients() > 0 && accounts.findByEmail(contactEmail(spec.seed())).isPresent()) {
            throw new AdminCli.UsageException("seed " + spec.seed() + " was already generated in this database ("
                    + contactEmail(spec.seed()) + " exists); choose another --seed");
        }
        Random random = new Random(spec.seed());
        var created = workspaces.create(new NewWorkspace("Benchmark Agency " + spec.seed(), "Bench Owner",
                spec.ownerEmail(), spec.password(), "USD", "America/Sao_Paulo", "en"));
        List<UUID> members = new ArrayList<>();
        for (int i = 1; i < spec.users(); i++) {
            String email = memberEmail(i, spec.seed());
            UserId id = accounts.add(created.workspaceId(), Role.MEMBER, pick(random, FIRST) + " " + pick(random, LAST),
                    email, spec.password(), random.nextBoolean() ? "en" : "pt-BR", "America/Sao_Paulo", null);
            members.add(id.value());
        }
        List<WorkDataGenerator.GeneratedClient> made = new ArrayList<>();
        for (int batch = 0; batch < spec.clients(); batch += 100) {
            int from = batch;
            int to = Math.min(spec.clients(), batch + 100);
            transactions.executeWithoutResult(status -> {
                for (int i = from; i < to; i++) {
                    ClientInput input = client(random, i, members, i == 0 ? busiestTeam(spec, members) : List.of(),
                            i == 0 ? contactEmail(spec.seed()) : null);
                    ClientId id = clients.create(created.workspaceId(), input);
                    made.add(new WorkDataGenerator.GeneratedClient(id, input.name(), ZoneId.of(input.timeZone()),
                            Currency.getInstance(input.currency()), input.memberIds()));
                }
            });
        }
        List<String> lines = new ArrayList<>(List.of("workspace " + created.workspaceId() + " generated with "
                + spec.clients() + " clients and " + spec.users() + " users (seed " + spec.seed() + ")",
                "owner: " + spec.ownerEmail(),
                "members: member1+" + spec.seed() + "@bench.clientdesk.test … member" + (spec.users() - 1) + "+"
                        + spec.seed() + "@bench.clientdesk.test (same password)"));
        WorkDataGenerator.Result r = null;
        if (spec.tasks() > 0 || spec.projects() > 0) {
            long started = System.nanoTime();
            // The work has its own random numbers, so adding tasks leaves the clients of a seed as they were.
            r = work.generate(created.workspaceId(), created.ownerId(),
                    ZoneId.of("America/Sao_Paulo"), made, spec.projects(), spec.tasks(), new Random(spec.seed() * 31 + 7),
                    spec.timeEntries() > 0);
            lines.add("work: " + r.projects() + " projects, " + r.tasks() + " tasks (" + r.open() + " open, "
                    + r.overdue() + " overdue, " + r.dueToday() + " due today) in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            lines.add("busiest client: " + r.busiest().value() + " " + r.busiestName() + " with " + r.busiestTasks()
                    + " tasks");
        }
        if (spec.timeEntries() > 0) {
            long started = System.nanoTime();
            TimeDataGenerator.Result t = time.generate(created.workspaceId(), created.ownerId(), members,
                    ZoneId.of("America/Sao_Paulo"), made, r, spec.timeEntries(), new Random(spec.seed() * 31 + 11));
            lines.add("time: " + t.entries() + " entries of " + t.people() + " people over " + t.days()
                    + " working days in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            lines.add("busiest time client: " + t.busiest().value() + " " + t.busiestName() + " with "
                    + t.busiestEntries() + " entries, " + t.busiestLastYear() + " in the last 12 months");
        }
        if (spec.invoices() > 0) {
            long started = System.nanoTime();
            var refs = made.stream().map(c -> new app.clientdesk.billing.InvoiceGenerator.ClientRef(c.id(), c.currency(),
                    "en")).toList();
            var i = invoices.generate(created.workspaceId(), refs, spec.invoices(), Currency.getInstance("USD"),
                    java.time.LocalDate.now(clock.withZone(ZoneId.of("America/Sao_Paulo"))),
                    new Random(spec.seed() * 31 + 13), clock.instant());
            lines.add("billing: " + i.invoices() + " invoices (" + i.open() + " open, " + i.overdue() + " overdue), "
                    + i.lines() + " lines, " + i.payments() + " payments in " + (System.nanoTime() - started) / 1_000_000
                    + " ms");
        }
        if (spec.clients() > 0) {
            // The first client's first contact signs in to the portal with the generator's password.
            ClientId first = made.get(0).id();
            UUID contact = clients.find(created.workspaceId(), first).orElseThrow().contacts().get(0).id();
            portal.openWithPassword(created.workspaceId(), first, contact, spec.password());
            lines.add("portal contact: " + contactEmail(spec.seed()) + " of " + made.get(0).name()
                    + " (same password)");
        }
        if (spec.requests() > 0) {
            long started = System.nanoTime();
            var refs = made.stream().map(c -> clients.find(created.workspaceId(), c.id()).orElseThrow())
                    .map(c -> new app.clientdesk.requests.RequestGenerator.ClientRef(c.id(), c.responseTimeHours(),
                            c.contacts().stream().map(k -> new app.clientdesk.requests.RequestGenerator.ContactRef(
                                    k.id(), k.name(), k.email())).toList()))
                    .toList();
            var q = requests.generate(created.workspaceId(), created.ownerId(), refs, spec.requests(),
                    new Random(spec.seed() * 31 + 17), clock.instant());
            lines.add("requests: " + q.requests() + " (" + q.open() + " open, " + q.waiting() + " waiting on the "
                    + "client, " + q.closed() + " closed, " + q.breached() + " breached), " + q.messages()
                    + " messages in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
        if (database.isPostgres()) {
            // What autovacuum does to freshly loaded tables, done now because it may be off or late: statistics, so
            // the first pages are planned on real ones, and the visibility map, so an index-only scan (a month's
            // counts per due date, for one) reads the index alone rather than every row it names.
            long started = System.nanoTime();
            jdbc.execute("vacuum analyze");
            lines.add("vacuum analyze: " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
        return lines;
    }

    private static String contactEmail(long seed) {
        return "contact1+" + seed + "@bench.clientdesk.test";
    }

    private static String memberEmail(int i, long seed) {
        return "member" + i + "+" + seed + "@bench.clientdesk.test";
    }

    /**
     * With time to generate, the busiest client gets a tenth of the members (at least one) on top of its
     * random ones, as a client that keeps a team busy would; chosen without the random numbers, so the rest
     * of the seed's clients stay as they were.
     */
    private static List<UUID> busiestTeam(Spec spec, List<UUID> members) {
        return spec.timeEntries() == 0 ? List.of() : members.subList(0, Math.min(members.size(),
                Math.max(1, members.size() / 10)));
    }

    private static ClientInput client(Random random, int index, List<UUID> members, List<UUID> team,
            @Nullable String firstContactEmail) {
        String[] place = PLACES[random.nextInt(PLACES.length)];
        String name = pick(random, PREFIX) + " " + pick(random, TRADE) + " " + (index + 1);
        int opens = 7 + random.nextInt(3);
        List<ClientInput.Day> days = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            days.add(new ClientInput.Day(day, String.format("%02d:00", opens), String.format("%02d:30", opens + 8)));
        }
        List<ClientInput.ContactInput> contacts = new ArrayList<>();
        int people = 1 + random.nextInt(3);
        for (int c = 0; c < people; c++) {
            String first = pick(random, FIRST);
            String last = pick(random, LAST);
            String email = (first + "." + index + c + "@client" + index + ".example").toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^a-z0-9.@]", "");
            contacts.add(new ClientInput.ContactInput(null, first + " " + last,
                    c == 0 && firstContactEmail != null ? firstContactEmail : email,
                    "+1 555 01" + String.format("%02d", random.nextInt(100)), c == 0 ? "Founder" : "Assistant",
                    c == 0));
        }
        List<UUID> assigned = new ArrayList<>();
        if (!members.isEmpty()) {
            assigned.add(members.get(random.nextInt(members.size())));
            if (random.nextInt(4) == 0) {
                UUID second = members.get(random.nextInt(members.size()));
                if (!assigned.contains(second)) {
                    assigned.add(second);
                }
            }
        }
        for (UUID member : team) {
            if (!assigned.contains(member)) {
                assigned.add(member);
            }
        }
        return new ClientInput(name, STATUSES[random.nextInt(STATUSES.length)], place[0], place[1], place[2], place[3],
                "https://client" + (index + 1) + ".example", "Street " + (index + 1), null, days,
                Integer.toString(List.of(2, 4, 8, 24, 48).get(random.nextInt(5))), "EMAIL", "CHAT", "VIDEO", "EMAIL",
                random.nextBoolean() ? "Direct; prefers short messages." : "Indirect; confirm decisions in writing.",
                null, contacts, assigned);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
