package app.clientdesk.work.internal;

import app.clientdesk.work.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Makes the next occurrence of repeating tasks whose date has come: once when the application is ready,
 * then every {@code clientdesk.work.repeat-interval} (5 minutes) after the last run ended. Safe on several
 * nodes at once (a series has one task per date). {@code clientdesk.work.repeat-enabled=false} turns it off.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "clientdesk.work.repeat-enabled", havingValue = "true", matchIfMissing = true)
class RepeatingTasksJob {

    private static final Logger log = LoggerFactory.getLogger(RepeatingTasksJob.class);

    private final Tasks tasks;
    private final TaskExecutor executor;

    RepeatingTasksJob(Tasks tasks, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.tasks = tasks;
        this.executor = executor;
    }

    /**
     * The catch-up after a restart runs beside the app, not on the thread that starts it: after a long stop it makes
     * every missed occurrence, and the start-up must not wait for it (a series has one task per date, so a scheduled
     * run beside it makes nothing twice).
     */
    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        executor.execute(this::run);
    }

    @Scheduled(fixedDelayString = "${clientdesk.work.repeat-interval:5m}",
            initialDelayString = "${clientdesk.work.repeat-interval:5m}")
    void run() {
        try {
            int made = tasks.repeatDue();
            if (made > 0) {
                log.info("Made {} occurrence(s) of repeating tasks", made);
            }
        } catch (RuntimeException e) {
            // The next run tries again; a failure must not stop the schedule.
            log.warn("Could not make the next occurrences of repeating tasks", e);
        }
    }
}
