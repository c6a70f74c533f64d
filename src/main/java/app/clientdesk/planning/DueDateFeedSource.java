package app.clientdesk.planning;

import app.clientdesk.identity.Account;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.planning.IcsCalendars.AllDay;
import app.clientdesk.planning.IcsCalendars.FeedEvent;
import app.clientdesk.work.Task;
import app.clientdesk.work.Tasks;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Due dates of open tasks as all-day events, each under {@code due-<task id>@clientdesk}: in a person's feed the
 * tasks of their "My work" (their own, and for the owner also nobody's), in a client's feed every open task of the
 * client. A task due at a time of day is shown on its date in the zone it was stated in.
 */
@Component
@Order(2)
class DueDateFeedSource implements FeedSource {

    /** More than anyone has open; a person's overdue tasks come oldest first, and those outside the window drop. */
    static final int MOST_PER_SECTION = 2_000;
    /** Tasks of one client due on one day. */
    static final int MOST_PER_DAY = 50;

    private final Tasks tasks;
    private final MessageSource texts;
    private final Clock clock;

    DueDateFeedSource(Tasks tasks, MessageSource texts, Clock clock) {
        this.tasks = tasks;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public List<FeedEvent> events(FeedSubject subject, FeedWindow window) {
        if (subject instanceof FeedSubject.Person person) {
            LocalDate today = LocalDate.now(clock.withZone(person.zone()));
            // Sections of My work: 0 overdue, 1 today, 2 from tomorrow to the window's last day.
            List<Task> mine = tasks.myWork(viewer(person.person(), person.zone()), null, today, window.lastDay(),
                    person.zone(), List.of(0, 1, 2), MOST_PER_SECTION, 0);
            Locale locale = person.person().locale();
            return mine.stream().filter(t -> t.due() != null && window.contains(t.due().date()))
                    .map(t -> event(t, texts.getMessage("feeds.event.due", new Object[] {t.title(), t.clientName()},
                            locale)))
                    .toList();
        }
        FeedSubject.Client client = (FeedSubject.Client) subject;
        Locale locale = client.owner().locale();
        return tasks.duePerDay(viewer(client.owner(), client.zone()), client.client(), window.firstDay(),
                        window.lastDay(), MOST_PER_DAY, 0).stream()
                .filter(t -> !t.completed() && t.due() != null)
                .map(t -> event(t, texts.getMessage("feeds.event.dueForClient", new Object[] {t.title()}, locale)))
                .toList();
    }

    private static FeedEvent event(Task task, String summary) {
        return new FeedEvent("due-" + task.id().value() + "@clientdesk", summary, null,
                new AllDay(task.due().date()), null);
    }

    /** The feed's person as the work module sees a signed-in user, so the feed shows what their screens show. */
    static CurrentUser viewer(Account account, ZoneId zone) {
        return new CurrentUser(account.id().value(), account.workspaceId().value(), "", account.email(),
                account.displayName(), null, account.role(), account.locale(), zone, account.clientId(), true);
    }
}
