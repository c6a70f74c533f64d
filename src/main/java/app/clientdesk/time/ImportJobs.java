package app.clientdesk.time;

import app.clientdesk.time.ImportProgress.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Commits of imports running in the background (Spring's task executor), and how far each has got. The
 * progress is kept in this server's memory: behind a load balancer, the progress bar of a commit shows
 * on the node that runs it (the result, in the database, shows everywhere).
 */
@Component
class ImportJobs {

    private static final Duration KEEP_FINISHED = Duration.ofHours(1);

    /** A commit as it runs; the worker updates it, pages read it. */
    static final class Job {
        private volatile State state = State.CHECKING;
        private volatile int total;
        private final AtomicInteger done = new AtomicInteger();
        private volatile @Nullable String reasonKey;
        private volatile List<Object> reasonArgs = List.of();
        private volatile @Nullable Instant finishedAt;

        void writing(int total) {
            this.total = total;
            state = State.WRITING;
        }

        void advance(int rows) {
            done.addAndGet(rows);
        }

        ImportProgress progress() {
            return new ImportProgress(state, done.get(), total, reasonKey, reasonArgs);
        }
    }

    /** Why a commit stopped: a message key and its arguments; nothing of it was kept. */
    static final class Failed extends RuntimeException {
        final String key;
        final List<Object> args;

        Failed(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = List.of(args);
        }
    }

    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final TaskExecutor executor;
    private final Clock clock;

    ImportJobs(@Qualifier("applicationTaskExecutor") TaskExecutor executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    ImportProgress progress(UUID importId) {
        Job job = jobs.get(importId);
        return job == null ? ImportProgress.none() : job.progress();
    }

    /**
     * Runs {@code work} for the import in the background, unless a commit of it is already running here.
     * {@code work} throws {@link Failed} for a reason to show; anything else is shown as unexpected, with
     * the reference {@code onError} logged it under.
     */
    boolean start(UUID importId, Consumer<Job> work, java.util.function.Function<RuntimeException, String> onError) {
        Instant now = clock.instant();
        jobs.values().removeIf(j -> j.finishedAt != null && j.finishedAt.plus(KEEP_FINISHED).isBefore(now));
        Job job = new Job();
        Job running = jobs.compute(importId, (id, old) -> old != null && old.progress().running() ? old : job);
        if (running != job) {
            return false;
        }
        executor.execute(() -> {
            try {
                work.accept(job);
                job.state = State.DONE;
            } catch (Failed e) {
                job.reasonKey = e.key;
                job.reasonArgs = e.args;
                job.state = State.FAILED;
            } catch (RuntimeException e) {
                job.reasonKey = "timeimport.failed.unexpected";
                job.reasonArgs = List.of(onError.apply(e));
                job.state = State.FAILED;
            } finally {
                job.finishedAt = clock.instant();
            }
        });
        return true;
    }
}
