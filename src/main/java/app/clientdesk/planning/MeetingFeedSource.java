package app.clientdesk.planning;

import app.clientdesk.identity.Role;
import app.clientdesk.planning.IcsCalendars.FeedEvent;
import app.clientdesk.planning.IcsCalendars.Timed;
import java.net.URI;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Meetings in feeds: a person's the meetings they organize or attend (a member only those with their clients, as
 * their screens show), a client's the meetings with that client. Each occurrence of a weekly meeting is its own
 * event under {@code meeting-<id>-<number>@clientdesk}.
 */
@Component
@Order(3)
class MeetingFeedSource implements FeedSource {

    private final MeetingStore store;

    MeetingFeedSource(MeetingStore store) {
        this.store = store;
    }

    @Override
    public List<FeedEvent> events(FeedSubject subject, FeedWindow window) {
        List<Meeting> meetings;
        if (subject instanceof FeedSubject.Person person) {
            var who = person.person();
            meetings = store.of(who.workspaceId(), who.id(), who.role() == Role.OWNER ? null : who.id(), window.from(),
                    window.to());
        } else if (subject instanceof FeedSubject.Client client) {
            meetings = store.ofClient(client.workspace(), client.client(), window.from(), window.to());
        } else {
            return List.of();
        }
        return meetings.stream().flatMap(m -> m.occurrencesBetween(window.from(), window.to()).stream()
                .map(o -> event(m, o))).toList();
    }

    private static FeedEvent event(Meeting meeting, MeetingOccurrence o) {
        String summary = o.clientName() == null ? o.title() : o.title() + " · " + o.clientName();
        URI url = null;
        if (o.videoUrl() != null) {
            try {
                url = URI.create(o.videoUrl());
            } catch (IllegalArgumentException e) {
                url = null;
            }
        }
        return new FeedEvent("meeting-" + o.meetingId() + "-" + o.number() + "@clientdesk", summary, meeting.agenda(),
                new Timed(o.start(), o.end()), url);
    }
}
