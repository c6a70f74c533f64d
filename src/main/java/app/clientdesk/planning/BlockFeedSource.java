package app.clientdesk.planning;

import app.clientdesk.planning.IcsCalendars.FeedEvent;
import app.clientdesk.planning.IcsCalendars.Timed;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A person's time blocks in their feed, each under {@code block-<id>@clientdesk}. */
@Component
@Order(1)
class BlockFeedSource implements FeedSource {

    private final TimeBlockStore store;

    BlockFeedSource(TimeBlockStore store) {
        this.store = store;
    }

    @Override
    public List<FeedEvent> events(FeedSubject subject, FeedWindow window) {
        if (!(subject instanceof FeedSubject.Person person)) {
            return List.of();
        }
        return store.between(person.workspace(), person.person().id(), window.from(), window.to()).stream()
                .map(BlockFeedSource::event).toList();
    }

    static FeedEvent event(TimeBlock block) {
        String label = block.label();
        String summary = block.clientName() == null || label.equals(block.clientName()) ? label
                : label + " · " + block.clientName();
        return new FeedEvent("block-" + block.id() + "@clientdesk", summary.isBlank() ? "Clientdesk" : summary, null,
                new Timed(block.start(), block.end()), null);
    }
}
