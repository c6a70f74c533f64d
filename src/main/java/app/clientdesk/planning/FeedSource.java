package app.clientdesk.planning;

import app.clientdesk.planning.IcsCalendars.FeedEvent;
import java.util.List;

/**
 * One kind of event a calendar feed carries: blocks, due dates, and (later) meetings. Every bean of this type is
 * asked for its events of every feed, so a new kind of event is one new bean, and {@link CalendarFeeds} does not
 * change. A source answers with an empty list for a subject it has nothing for (a client has no blocks).
 *
 * <p>UIDs must be stable and distinct across sources: {@code <kind>-<uuid>@clientdesk}. A source reads only the
 * subject's workspace and must not show a person anything their own screens would not.
 */
public interface FeedSource {

    List<FeedEvent> events(FeedSubject subject, FeedWindow window);
}
