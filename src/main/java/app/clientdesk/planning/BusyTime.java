package app.clientdesk.planning;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.UserId;
import java.time.Instant;
import java.util.List;

/**
 * Time a person is taken that is not a block (a meeting they attend): the auto-planner places nothing over it.
 * Each source of such time is a bean of this type.
 */
public interface BusyTime {

    /** The person's busy stretches overlapping {@code [from, to)}. */
    List<Interval> busy(CurrentUser viewer, UserId person, Instant from, Instant to);
}
