package app.clientdesk.time;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.files.FileStore;
import app.clientdesk.shared.time.TimeZones;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.ErrorPages;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.time.imports.ExportFile;
import app.clientdesk.time.imports.ExportReader;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Imports of time from the CSV exports of Toggl Track and Clockify (detailed reports), for the owner:
 * upload a file, see what importing it would do ({@link ImportPreview}), choose how its clients, projects
 * and people map onto the workspace's, then commit, all or nothing, in the background. Nothing is imported
 * before the commit. A row imported once is never imported again, whichever file it comes in (each entry
 * keeps the row's import key; see {@link ImportCheck#key}).
 *
 * <p>The uploaded file is kept under {@code clientdesk.imports.dir}, one folder per workspace, named by the
 * import's id. A preview never committed is deleted two days after its upload.
 */
@Service
public class TimeImports {

    private static final Logger log = LoggerFactory.getLogger(TimeImports.class);
    private static final Duration KEEP_PREVIEWS = Duration.ofDays(2);
    private static final int NAME_MAX = 255;

    private final ImportStore store;
    private final ImportCheck check;
    private final ImportWriter writer;
    private final ImportJobs jobs;
    private final FileStore files;
    private final Clock clock;
    // Reading a large file takes about a second; the preview, its refreshes and the commit read it again.
    private final Cache<UUID, ExportFile> parsed = Caffeine.newBuilder()
            .maximumWeight(600_000).weigher((UUID id, ExportFile f) -> f.rows().size() + 1)
            .expireAfterAccess(Duration.ofMinutes(30)).build();
    // The choices of the latest preview of each import that was ready to commit, as a signature: a commit with
    // the same choices starts at once, and leaves the checking to the commit's own transaction.
    private final Cache<UUID, String> ready = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(30)).build();

    TimeImports(ImportStore store, ImportCheck check, ImportWriter writer, ImportJobs jobs,
            @Value("${clientdesk.imports.dir:${clientdesk.data-dir:./data}/imports}") Path root,
            @Value("${clientdesk.imports.max-size:30MB}") DataSize maxSize, Clock clock) {
        this.store = store;
        this.check = check;
        this.writer = writer;
        this.jobs = jobs;
        this.files = new FileStore(root, maxSize.toBytes());
        this.clock = clock;
    }

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return files.maxBytes();
    }

    /**
     * Keeps the file and reads it: it must be a detailed report of Toggl Track or Clockify, in UTF-8.
     * {@code zone} is the zone its times are in (the exporter's).
     *
     * @throws InvalidInputException (field {@code file} or {@code zone}): no file, too large, not an export
     *     we know; nothing is kept
     */
    @Transactional
    public TimeImport upload(CurrentUser viewer, @Nullable String fileName, InputStream content, @Nullable String zone) {
        viewer.requireOwner();
        ZoneId timeZone = TimeZones.parse(zone == null ? "" : zone)
                .orElseThrow(() -> InvalidInputException.of("zone", "timeimport.zone.invalid"));
        WorkspaceId workspace = viewer.workspaceId();
        String folder = workspace.value().toString();
        try (FileStore.Upload upload = files.receive(folder, content)) {
            ExportFile export;
            try (InputStream in = upload.read()) {
                export = ExportReader.read(in);
            } catch (ExportReader.Unreadable e) {
                throw InvalidInputException.of("file", e.key(), e.args().toArray());
            }
            if (export.rows().isEmpty() && export.problems().isEmpty()) {
                throw InvalidInputException.of("file", "timeimport.file.noRows");
            }
            removeOldPreviews(workspace);
            TimeImport file = new TimeImport(UUID.randomUUID(), viewer.id().value(), export.source(), cleanName(fileName),
                    upload.sha256(), timeZone, export.rows().size() + export.problems().size(),
                    TimeImport.Status.PREVIEW, null, null, clock.instant(), null);
            store.insert(workspace, file);
            upload.keep(key(file.id()));
            parsed.put(file.id(), export);
            return file;
        } catch (FileStore.Refused e) {
            throw e.problem() == FileStore.Problem.EMPTY ? InvalidInputException.of("file", "timeimport.file.required")
                    : InvalidInputException.of("file", "timeimport.file.tooLarge", files.maxMegabytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TimeImport get(CurrentUser viewer, UUID id) {
        viewer.requireOwner();
        return store.find(viewer.workspaceId(), id).orElseThrow(() -> new NotFoundException("import"));
    }

    /** The latest imports, newest first. */
    public List<TimeImport> recent(CurrentUser viewer) {
        viewer.requireOwner();
        return store.recent(viewer.workspaceId(), 10);
    }

    /** What committing the import with these choices would do. Changes nothing. */
    public ImportPreview preview(CurrentUser viewer, UUID id, ImportChoices choices) {
        TimeImport file = get(viewer, id);
        ImportPreview preview = check.plan(viewer, file, export(viewer.workspaceId(), file), choices).preview();
        if (preview.committable()) {
            ready.put(id, signature(preview));
        } else {
            ready.invalidate(id);
        }
        return preview;
    }

    /**
     * Starts committing the import with these choices in the background, if its preview shows nothing
     * wrong; {@link #progress} then tells how it goes. Returns the preview when it does show something
     * wrong (nothing started), null when the commit started, runs already, or is done.
     */
    public @Nullable ImportPreview commit(CurrentUser viewer, UUID id, ImportChoices choices) {
        TimeImport file = get(viewer, id);
        if (file.committed()) {
            return null;
        }
        ExportFile export = export(viewer.workspaceId(), file);
        String previewed = ready.getIfPresent(id);
        Set<UUID> people = new java.util.TreeSet<>();
        if (previewed != null && previewed.equals(signature(choices, previewed))) {
            // The same choices as a preview that was ready: the commit checks the file again itself, with the
            // chosen people locked.
            choices.users().values().forEach(v -> people.add(UUID.fromString(v.strip())));
        } else {
            ImportCheck.Plan plan = check.plan(viewer, file, export, choices);
            if (!plan.preview().committable()) {
                return plan.preview();
            }
            people.addAll(plan.users());
        }
        jobs.start(id, job -> {
            long began = System.nanoTime();
            writer.commit(viewer, file, export, choices, people, job);
            parsed.invalidate(id);
            log.info("import {} committed in {} ms", id, (System.nanoTime() - began) / 1_000_000);
        }, e -> {
            String reference = ErrorPages.newReference();
            log.error("Import {} failed, reference {}", id, reference, e);
            return reference;
        });
        return null;
    }

    /** How the commit of the import goes on this server. */
    public ImportProgress progress(CurrentUser viewer, UUID id) {
        TimeImport file = get(viewer, id);
        return jobs.progress(file.id());
    }

    /** The first and last days of the entries a committed import added; empty when it added none. */
    public Optional<LocalDate[]> days(CurrentUser viewer, UUID id) {
        TimeImport file = get(viewer, id);
        return store.dates(viewer.workspaceId(), file.id());
    }

    /** The choices a preview resolved: its zone, its date order if chosen, and each row of its mapping. */
    static String signature(ImportPreview p) {
        StringBuilder s = new StringBuilder().append(p.clients().size()).append(',').append(p.projects().size())
                .append(',').append(p.users().size()).append('|').append(p.zone().getId()).append('|')
                .append(p.dateOrderChosen() ? p.dateOrder().name() : "");
        p.clients().forEach(c -> s.append("|c").append(c.choice()));
        p.projects().forEach(c -> s.append("|p").append(c.choice()));
        p.users().forEach(c -> s.append("|u").append(c.choice()));
        return s.toString();
    }

    /** The same for choices as posted, with as many rows as {@code like} has; null where one is missing. */
    static @Nullable String signature(ImportChoices choices, String like) {
        String[] counts = like.substring(0, like.indexOf('|')).split(",");
        StringBuilder s = new StringBuilder(like.substring(0, like.indexOf('|'))).append('|')
                .append(choices.zone() == null ? "" : choices.zone().strip()).append('|')
                .append(choices.dates() == null ? "" : choices.dates().strip());
        String[] prefixes = {"c", "p", "u"};
        List<java.util.Map<String, String>> maps = List.of(choices.clients(), choices.projects(), choices.users());
        for (int m = 0; m < 3; m++) {
            for (int i = 0; i < Integer.parseInt(counts[m]); i++) {
                String value = maps.get(m).get(String.valueOf(i));
                if (value == null) {
                    return null;
                }
                s.append('|').append(prefixes[m]).append(value.strip());
            }
        }
        return s.toString();
    }

    private ExportFile export(WorkspaceId workspace, TimeImport file) {
        return parsed.get(file.id(), id -> {
            Path path = files.open(workspace.value().toString(), key(id))
                    .orElseThrow(() -> new NotFoundException("import file"));
            try (InputStream in = Files.newInputStream(path)) {
                return ExportReader.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void removeOldPreviews(WorkspaceId workspace) {
        List<UUID> gone = store.deletePreviewsBefore(workspace, clock.instant().minus(KEEP_PREVIEWS));
        for (UUID id : gone) {
            parsed.invalidate(id);
            files.deleteAfterCommit(workspace.value().toString(), key(id));
        }
    }

    /** The uploaded file of an import is kept as {@code <id>.csv}. */
    private static String key(UUID id) {
        return id + ".csv";
    }

    /** The name as shown: no folders, no control characters, at most 255 characters. */
    static String cleanName(@Nullable String fileName) {
        String name = app.clientdesk.shared.text.Text.fileName(fileName, NAME_MAX);
        return name == null ? "export.csv" : name;
    }
}
