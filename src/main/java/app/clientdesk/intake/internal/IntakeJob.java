package app.clientdesk.intake.internal;

import app.clientdesk.intake.MailIntake;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * Reads the workspaces' mailboxes once the application is ready, then every {@code clientdesk.intake.poll-interval}
 * (1 minute) after the last run ended, on the task executor: a slow mail server never holds up start-up or the
 * other scheduled jobs. Safe on several nodes at once (each message is claimed). {@code
 * clientdesk.intake.enabled=false} turns it off (tests call {@link MailIntake#poll}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "clientdesk.intake.enabled", havingValue = "true", matchIfMissing = true)
class IntakeJob {

    private static final Logger log = LoggerFactory.getLogger(IntakeJob.class);

    private final MailIntake intake;
    private final TaskExecutor executor;
    private final AtomicBoolean running = new AtomicBoolean();

    IntakeJob(MailIntake intake, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.intake = intake;
        this.executor = executor;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        executor.execute(this::run);
    }

    @Scheduled(fixedDelayString = "${clientdesk.intake.poll-interval:1m}",
            initialDelayString = "${clientdesk.intake.poll-interval:1m}")
    void schedule() {
        executor.execute(this::run);
    }

    void run() {
        // One run at a time in this process: the next waits for the schedule rather than piling up behind it.
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            int handled = intake.pollAll();
            if (handled > 0) {
                log.info("Took {} email(s) from the intake mailboxes", handled);
            }
        } catch (RuntimeException e) {
            log.warn("Could not read the intake mailboxes", e);
        } finally {
            running.set(false);
        }
    }
}
