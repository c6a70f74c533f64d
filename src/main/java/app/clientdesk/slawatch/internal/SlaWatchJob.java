package app.clientdesk.slawatch.internal;

import app.clientdesk.slawatch.SlaWatch;
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
 * Checks the response clocks whose turn has come: once when the application is ready (beside it, on the task
 * executor: sign-in never waits for it), then every {@code clientdesk.requests.sla-check-interval} (1 minute) after
 * the last run ended. Safe on several nodes at once (each request is checked under its row lock and told once).
 * {@code clientdesk.requests.sla-check-enabled=false} turns it off on this node.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "clientdesk.requests.sla-check-enabled", havingValue = "true", matchIfMissing = true)
class SlaWatchJob {

    private static final Logger log = LoggerFactory.getLogger(SlaWatchJob.class);

    private final SlaWatch watch;
    private final TaskExecutor executor;

    SlaWatchJob(SlaWatch watch, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.watch = watch;
        this.executor = executor;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        executor.execute(this::run);
    }

    @Scheduled(fixedDelayString = "${clientdesk.requests.sla-check-interval:1m}",
            initialDelayString = "${clientdesk.requests.sla-check-interval:1m}")
    void run() {
        try {
            int told = watch.runDue();
            if (told > 0) {
                log.info("Told {} notification(s) of requests at risk or breached", told);
            }
        } catch (RuntimeException e) {
            // The next run tries again; a failure must not stop the schedule.
            log.warn("Could not check response clocks", e);
        }
    }
}
