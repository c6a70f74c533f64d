package app.clientdesk.billing.internal;

import app.clientdesk.billing.Reminders;
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
 * Sends the payment reminders whose day has come: once when the application is ready, then every
 * {@code clientdesk.billing.reminder-interval} (1 hour). Safe on several nodes at once (a step is logged
 * once per invoice). {@code clientdesk.billing.reminders-enabled=false} turns it off.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "clientdesk.billing.reminders-enabled", havingValue = "true", matchIfMissing = true)
class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final Reminders reminders;
    private final TaskExecutor executor;

    ReminderJob(Reminders reminders, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.reminders = reminders;
        this.executor = executor;
    }

    /**
     * The catch-up after a restart runs beside the app, not before it reports itself ready: on a workspace with years
     * of invoices it can take minutes, and sign-in must not wait for it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        executor.execute(this::run);
    }

    @Scheduled(fixedDelayString = "${clientdesk.billing.reminder-interval:1h}",
            initialDelayString = "${clientdesk.billing.reminder-interval:1h}")
    void run() {
        try {
            int sent = reminders.runDue();
            if (sent > 0) {
                log.info("Put {} payment reminder(s) in the outbox", sent);
            }
        } catch (RuntimeException e) {
            log.warn("Could not send payment reminders", e);
        }
    }
}
