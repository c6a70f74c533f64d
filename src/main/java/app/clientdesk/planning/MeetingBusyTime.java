package app.clientdesk.planning;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.UserId;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** The meetings a person organizes or attends: the auto-planner places no work over them. */
@Component
class MeetingBusyTime implements BusyTime {

    private final Meetings meetings;

    MeetingBusyTime(Meetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public List<Interval> busy(CurrentUser viewer, UserId person, Instant from, Instant to) {
        return meetings.between(viewer, person, from, to).stream()
                .map(m -> new Interval(m.start(), m.end())).toList();
    }
}
