package app.clientdesk.planning.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.planning.MeetingOccurrence;
import app.clientdesk.planning.Meetings;
import app.clientdesk.planning.PersonCalendars;
import app.clientdesk.planning.TimeBlock;
import app.clientdesk.planning.TimeBlocks;
import app.clientdesk.requests.RequestFilter;
import app.clientdesk.requests.RequestState;
import app.clientdesk.requests.RequestSummary;
import app.clientdesk.requests.Requests;
import app.clientdesk.sla.SlaState;
import app.clientdesk.time.Timer;
import app.clientdesk.work.Task;
import app.clientdesk.work.Tasks;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Puts Today together in a fixed number of statements whatever the workspace's size: the calendar, one read of
 * blocks for today and tomorrow, one of tasks due today and tomorrow, one count of overdue and due-today tasks, the
 * timer, and one read per response-clock state. Scoped as the viewer's other screens are: their own blocks and
 * tasks (for the owner also nobody's), requests of the clients they may see.
 */
@Component
class TodayBoard {

    /** Tasks due today listed; the count says how many more. */
    static final int DUE_SHOWN = 20;
    /** Requests of each state listed. */
    static final int REQUESTS_SHOWN = 10;
    private static final int SECTION_TODAY = 1;
    private static final int SECTION_REST_OF_WEEK = 2;

    private final TimeBlocks blocks;
    private final Meetings meetings;
    private final PersonCalendars calendars;
    private final Tasks tasks;
    private final Timer timer;
    private final Requests requests;
    private final Clock clock;

    TodayBoard(TimeBlocks blocks, Meetings meetings, PersonCalendars calendars, Tasks tasks, Timer timer,
            Requests requests, Clock clock) {
        this.blocks = blocks;
        this.meetings = meetings;
        this.calendars = calendars;
        this.tasks = tasks;
        this.timer = timer;
        this.requests = requests;
        this.clock = clock;
    }

    TodayPage of(CurrentUser viewer) {
        viewer.requireStaff();
        ZoneId zone = calendars.of(viewer.workspaceId(), viewer.id()).zone();
        Instant instant = clock.instant();
        ZonedDateTime now = instant.atZone(zone);
        LocalDate today = now.toLocalDate();
        LocalDate tomorrow = today.plusDays(1);
        Instant tomorrowStarts = tomorrow.atStartOfDay(zone).toInstant();

        List<TimeBlock> twoDays = blocks.ofViewer(viewer, today.atStartOfDay(zone).toInstant(),
                tomorrow.plusDays(1).atStartOfDay(zone).toInstant());
        List<MeetingOccurrence> twoDaysMeetings = meetings.between(viewer, viewer.id(),
                today.atStartOfDay(zone).toInstant(), tomorrow.plusDays(1).atStartOfDay(zone).toInstant());
        List<TodayPage.AgendaItem> agenda = agenda(twoDays.stream().filter(b -> b.start().isBefore(tomorrowStarts))
                .toList(), twoDaysMeetings.stream().filter(m -> m.start().isBefore(tomorrowStarts)).toList(), zone,
                instant);

        // "The rest of the week" ends tomorrow: section 2 is exactly tomorrow's due tasks.
        List<Task> due = tasks.myWork(viewer, null, today, tomorrow, zone, List.of(SECTION_TODAY,
                SECTION_REST_OF_WEEK), DUE_SHOWN, 0);
        List<Task> dueToday = due.stream().filter(t -> t.due() != null && !t.due().dateIn(zone).isAfter(today))
                .toList();
        List<Task> dueTomorrow = due.stream().filter(t -> t.due() != null && t.due().dateIn(zone).equals(tomorrow))
                .toList();
        Map<Integer, Long> counts = tasks.myWorkCounts(viewer, null, today, tomorrow, zone,
                List.of(999, 999, 0, 0, 0));

        List<RequestSummary> atRisk = requests.inbox(viewer, new RequestFilter(null, RequestState.OPEN,
                SlaState.AT_RISK, REQUESTS_SHOWN, 0)).items();
        // Breached and since answered is history, not something to do today.
        List<RequestSummary> breached = requests.inbox(viewer, new RequestFilter(null, RequestState.OPEN,
                SlaState.BREACHED, REQUESTS_SHOWN, 0)).items().stream().filter(r -> r.firstResponseAt() == null)
                .toList();

        return new TodayPage(zone, today, now, agenda, dueToday, counts.getOrDefault(SECTION_TODAY, 0L),
                counts.getOrDefault(0, 0L), timer.current(viewer).orElse(null), atRisk, breached,
                firstTomorrow(twoDays.stream().filter(b -> !b.start().isBefore(tomorrowStarts)).toList(),
                        twoDaysMeetings.stream().filter(m -> !m.start().isBefore(tomorrowStarts)).toList(),
                        dueTomorrow, zone));
    }

    /** The day's entries, blocks and meetings, in time order. */
    static List<TodayPage.AgendaItem> agenda(List<TimeBlock> dayBlocks, List<MeetingOccurrence> dayMeetings,
            ZoneId zone, Instant now) {
        List<TodayPage.AgendaItem> items = new ArrayList<>();
        for (MeetingOccurrence m : dayMeetings) {
            items.add(new TodayPage.AgendaItem(TodayPage.AgendaItem.Kind.MEETING, m.meetingId() + "-" + m.number(),
                    m.start().atZone(zone), m.end().atZone(zone), m.title(), m.clientName(), null, null,
                    m.clientId() == null ? null : m.clientId().value().toString(),
                    m.clientId() == null ? null : m.title(), !m.end().isAfter(now),
                    !m.start().isAfter(now) && m.end().isAfter(now)));
        }
        for (TimeBlock b : dayBlocks) {
            ZonedDateTime clientNow = b.clientZone() == null ? null : now.atZone(b.clientZone());
            items.add(new TodayPage.AgendaItem(TodayPage.AgendaItem.Kind.BLOCK, b.id().toString(),
                    b.start().atZone(zone), b.end().atZone(zone), b.label(), b.clientName(), clientNow,
                    b.taskId() == null ? null : b.taskId().value().toString(),
                    b.taskId() == null && b.clientId() != null ? b.clientId().value().toString() : null,
                    b.taskId() == null && b.clientId() != null ? b.label() : null,
                    !b.end().isAfter(now), !b.start().isAfter(now) && b.end().isAfter(now)));
        }
        items.sort(Comparator.comparing(TodayPage.AgendaItem::start).thenComparing(TodayPage.AgendaItem::id));
        return items;
    }

    /**
     * The first block or meeting tomorrow, unless a task is due at an earlier time; a task due by date alone if
     * neither.
     */
    static TodayPage.@Nullable Commitment firstTomorrow(List<TimeBlock> tomorrowBlocks,
            List<MeetingOccurrence> tomorrowMeetings, List<Task> dueTomorrow, ZoneId zone) {
        TimeBlock block = tomorrowBlocks.isEmpty() ? null : tomorrowBlocks.get(0);
        MeetingOccurrence meeting = tomorrowMeetings.isEmpty() ? null : tomorrowMeetings.get(0);
        if (meeting != null && (block == null || meeting.start().isBefore(block.start()))) {
            block = null;
        } else {
            meeting = null;
        }
        Task timed = dueTomorrow.stream().filter(t -> t.due().hasTime())
                .min(Comparator.comparing(t -> t.due().at())).orElse(null);
        if (meeting != null && (timed == null || !timed.due().at().isBefore(meeting.start()))) {
            return new TodayPage.Commitment(meeting.title(), meeting.clientName(), meeting.start().atZone(zone),
                    false);
        }
        if (timed != null && (block == null || timed.due().at().isBefore(block.start()))) {
            return new TodayPage.Commitment(timed.title(), timed.clientName(), timed.due().at().atZone(zone), true);
        }
        if (block != null) {
            return new TodayPage.Commitment(block.label(), block.clientName(), block.start().atZone(zone), false);
        }
        return dueTomorrow.isEmpty() ? null
                : new TodayPage.Commitment(dueTomorrow.get(0).title(), dueTomorrow.get(0).clientName(), null, true);
    }
}
