package app.clientdesk.mail.internal;

import app.clientdesk.mail.OutboxDelivery;
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
 * Runs the outbox's delivery once the application is ready, then every {@code clientdesk.mail.poll-interval}
 * (15 seconds) after the last run ended. Safe on several nodes at once (messages are claimed).
 * {@code clientdesk.mail.delivery-enabled=false} turns it off (tests call {@link OutboxDelivery#deliverDue()}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "clientdesk.mail.delivery-enabled", havingValue = "true", matchIfMissing = true)
class OutboxDeliveryJob {

    private static final Logger log = LoggerFactory.getLogger(OutboxDeliveryJob.class);

    private final OutboxDelivery delivery;
    private final TaskExecutor executor;

    OutboxDeliveryJob(OutboxDelivery delivery, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.delivery = delivery;
        this.executor = executor;
    }

    /**
     * The first delivery runs beside the app, not on the thread that starts it: the start-up is done sooner and a
     * slow mail server never holds it up.
     */
    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        if (!delivery.configured()) {
            log.info("Mail is not set up (no spring.mail.host): emails wait in the outbox until it is");
        }
        executor.execute(this::run);
    }

    @Scheduled(fixedDelayString = "${clientdesk.mail.poll-interval:15s}",
            initialDelayString = "${clientdesk.mail.poll-interval:15s}")
    void run() {
        try {
            int sent = delivery.deliverDue();
            if (sent > 0) {
                log.info("Sent {} email(s) from the outbox", sent);
            }
        } catch (RuntimeException e) {
            // The next run tries again; a failure (the database away) must not stop the schedule.
            log.warn("Could not deliver the outbox", e);
        }
    }
}
