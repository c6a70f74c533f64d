package app.clientdesk.billing.internal;

import app.clientdesk.billing.RecurringInvoices;
import app.clientdesk.billing.Retainers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Makes the invoices that schedules owe: retainer periods and recurring invoices whose date has come in the
 * client's zone. Once when the application is ready, then every {@code clientdesk.billing.schedule-interval}
 * (15 minutes) after the last run ended. Each invoice is made in its own transaction, so one failure does not
 * stop the others; safe on several nodes at once (the schedule's row is locked and the invoice's source key
 * is unique). {@code clientdesk.billing.schedule-enabled=false} turns it off.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "clientdesk.billing.schedule-enabled", havingValue = "true", matchIfMissing = true)
public class BillingScheduleJob {

    private static final Logger log = LoggerFactory.getLogger(BillingScheduleJob.class);

    private final Retainers retainers;
    private final RecurringInvoices recurring;
    private final TaskExecutor executor;

    BillingScheduleJob(Retainers retainers, RecurringInvoices recurring,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.executor = executor;
        this.retainers = retainers;
        this.recurring = recurring;
    }

    /**
     * The catch-up after a restart runs beside the app, not before it reports itself ready: on a workspace with years
     * of invoices it can take minutes, and sign-in must not wait for it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        executor.execute(this::run);
    }

    @Scheduled(fixedDelayString = "${clientdesk.billing.schedule-interval:15m}",
            initialDelayString = "${clientdesk.billing.schedule-interval:15m}")
    void run() {
        int made = runOnce();
        if (made > 0) {
            log.info("Made {} invoice(s) of retainers and recurring invoices", made);
        }
    }

    /** One pass: makes every invoice due now, and says how many this node made. */
    public int runOnce() {
        int made = 0;
        try {
            for (Retainers.Due due : retainers.dueNow()) {
                made += attempt("retainer " + due.retainer() + " " + due.start(),
                        () -> retainers.make(due.workspace(), due.retainer(), due.start()).isPresent());
            }
            for (RecurringInvoices.Due due : recurring.dueNow()) {
                made += attempt("recurring invoice " + due.recurring() + " " + due.date(),
                        () -> recurring.make(due.workspace(), due.recurring(), due.date()).isPresent());
            }
        } catch (RuntimeException e) {
            // The next run tries again; a failure must not stop the schedule.
            log.warn("Could not look for retainer and recurring invoices due", e);
        }
        return made;
    }

    private static int attempt(String what, java.util.function.BooleanSupplier make) {
        try {
            return make.getAsBoolean() ? 1 : 0;
        } catch (DataIntegrityViolationException e) {
            log.debug("The invoice of {} was made by another node", what);
            return 0;
        } catch (RuntimeException e) {
            log.warn("Could not make the invoice of {}; the next run tries again", what, e);
            return 0;
        }
    }
}
