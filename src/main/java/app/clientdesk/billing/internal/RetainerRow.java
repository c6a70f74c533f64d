package app.clientdesk.billing.internal;

import app.clientdesk.billing.Retainer;
import app.clientdesk.billing.RetainerSchedule;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A retainer as the list shows it: the periods due now and the next one the schedule makes. */
public record RetainerRow(Retainer retainer, List<RetainerSchedule.Period> due, RetainerSchedule.@Nullable Period next) {
}
