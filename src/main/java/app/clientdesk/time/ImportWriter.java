package app.clientdesk.time;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.identity.WorkspaceSettings;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.time.imports.ExportFile;
import app.clientdesk.work.ProjectInput;
import app.clientdesk.work.ProjectStatus;
import app.clientdesk.work.Projects;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits an import, all or nothing, in one transaction: with the import's row and its people locked,
 * checks the file again against the entries as they are now, creates the clients and projects chosen as
 * new, writes the entries in JDBC batches (each with the rate in force, from one {@link RateBook}), and
 * marks the import committed. Any failure rolls all of it back.
 */
@Component
class ImportWriter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportWriter.class);

    private final ImportCheck check;
    private final ImportStore store;
    private final TimeStore entries;
    private final RateStore rates;
    private final Clients clients;
    private final Projects projects;
    private final Workspaces workspaces;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int batchSize;

    ImportWriter(ImportCheck check, ImportStore store, TimeStore entries, RateStore rates, Clients clients,
            Projects projects, Workspaces workspaces, PlatformTransactionManager transactions, Clock clock,
            @Value("${clientdesk.imports.batch-size:1000}") int batchSize) {
        this.check = check;
        this.store = store;
        this.entries = entries;
        this.rates = rates;
        this.clients = clients;
        this.projects = projects;
        this.workspaces = workspaces;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /**
     * {@code people} are the members the entries are for (as chosen), locked before the check.
     *
     * @throws ImportJobs.Failed for a reason to show the person; nothing was kept
     */
    void commit(CurrentUser viewer, TimeImport file, ExportFile export, ImportChoices choices, Set<UUID> people,
            ImportJobs.Job job) {
        transaction.executeWithoutResult(status -> write(viewer, file, export, choices, people, job));
        if (export.rows().size() >= ImportStore.ANALYZE_AFTER) {
            // Fresh statistics, so that the next look-up of these keys (say, the same file uploaded again) uses
            // the indexes at once instead of waiting for the database's own analysis.
            store.analyzeEntries();
        }
    }

    private void write(CurrentUser viewer, TimeImport file, ExportFile export, ImportChoices choices, Set<UUID> people,
            ImportJobs.Job job) {
        long began = System.nanoTime();
        WorkspaceId workspace = viewer.workspaceId();
        TimeImport.Status status = store.lockForCommit(workspace, file.id())
                .orElseThrow(() -> new ImportJobs.Failed("timeimport.failed.gone"));
        if (status == TimeImport.Status.COMMITTED) {
            throw new ImportJobs.Failed("timeimport.failed.committed");
        }
        for (UUID person : new java.util.TreeSet<>(people)) {
            entries.lockPerson(workspace, person);
        }
        // Checked with the people locked: what they log meanwhile waits until the import is over.
        ImportCheck.Plan plan = check.plan(viewer, file, export, choices);
        if (!people.containsAll(plan.users())) {
            throw new ImportJobs.Failed("timeimport.failed.changed", 1);
        }
        ImportPreview preview = plan.preview();
        if (!preview.committable()) {
            throw new ImportJobs.Failed("timeimport.failed.changed", preview.problemCount() + preview.mappingProblems());
        }
        job.writing(plan.entries().size());
        long checked = System.nanoTime();

        WorkspaceSettings settings = workspaces.settings(workspace);
        // Only the clients and projects some entry is for are created (a file's other rows may all be
        // imported already).
        UUID[] clientIds = new UUID[plan.clients().size()];
        UUID[] projectIds = new UUID[plan.projects().size()];
        RateBook book = new RateBook(rates.all(workspace));
        Instant now = clock.instant();
        OrderedIds ids = new OrderedIds(now);
        List<TimeStore.Row> batch = new ArrayList<>(batchSize);
        for (ImportCheck.Planned p : plan.entries()) {
            ImportCheck.Target target = Objects.requireNonNull(plan.clients().get(p.client()));
            UUID client = clientIds[p.client()];
            if (client == null) {
                client = target.id() != null ? target.id() : createClient(viewer, target.newName(), settings);
                clientIds[p.client()] = client;
            }
            UUID project = null;
            if (p.project() >= 0) {
                project = projectIds[p.project()];
                if (project == null) {
                    ImportCheck.Target t = Objects.requireNonNull(plan.projects().get(p.project()));
                    project = t.id() != null ? t.id() : createProject(viewer, client, t.newName());
                    projectIds[p.project()] = project;
                }
            }
            RateBook.Applied rate = book.resolve(target.currency(), client, project, p.taskType(), p.user()).orElse(null);
            batch.add(new TimeStore.Row(ids.next(), p.user(), client, project, p.task(), p.taskType(),
                    p.start(), p.end(), plan.zone(), 0, p.billable(), p.note(), p.tags(), rate, file.id(), p.key()));
            if (batch.size() == batchSize) {
                flush(workspace, batch, viewer, now, job);
            }
        }
        flush(workspace, batch, viewer, now, job);
        store.markCommitted(workspace, file.id(), plan.zone(), plan.entries().size(), plan.skipped(), now);
        log.info("import {}: checked {} rows in {} ms, wrote {} entries in {} ms", file.id(), preview.rows(),
                (checked - began) / 1_000_000, plan.entries().size(), (System.nanoTime() - checked) / 1_000_000);
    }

    private void flush(WorkspaceId workspace, List<TimeStore.Row> batch, CurrentUser viewer, Instant now,
            ImportJobs.Job job) {
        if (batch.isEmpty()) {
            return;
        }
        store.insertEntries(workspace, batch, viewer.id().value(), now);
        job.advance(batch.size());
        batch.clear();
    }

    /**
     * Ids that grow with each entry (the layout of a version 7 UUID: the time in milliseconds, then a count,
     * then random bits): a large import then appends to the end of the indexes on ids instead of touching
     * pages all over them, which keeps H2's page cache warm.
     */
    static final class OrderedIds {
        private final long millis;
        private final java.security.SecureRandom random = new java.security.SecureRandom();
        private long count;

        OrderedIds(Instant now) {
            this.millis = now.toEpochMilli();
        }

        UUID next() {
            long n = count++;
            long msb = ((millis + (n >>> 12)) << 16) | 0x7000L | (n & 0x0FFFL);
            long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(msb, lsb);
        }
    }

    private UUID createClient(CurrentUser viewer, @Nullable String name, WorkspaceSettings settings) {
        try {
            ClientId id = clients.create(viewer, new ClientInput(name, "ACTIVE", settings.timeZone(),
                    settings.baseCurrency(), settings.locale(), null, null, null, null, List.of(), null, null, null,
                    null, null, null, null, List.of(), null));
            return id.value();
        } catch (InvalidInputException e) {
            throw refused(name, e);
        }
    }

    private UUID createProject(CurrentUser viewer, @Nullable UUID client, @Nullable String name) {
        try {
            return projects.create(viewer, new ProjectInput(String.valueOf(client), name, ProjectStatus.ACTIVE.name(),
                    null, null, null, null, null)).value();
        } catch (InvalidInputException e) {
            throw refused(name, e);
        }
    }

    private static ImportJobs.Failed refused(@Nullable String name, InvalidInputException e) {
        log.warn("import could not create {}: {}", name, e.getMessage());
        return new ImportJobs.Failed("timeimport.failed.create", String.valueOf(name));
    }
}
