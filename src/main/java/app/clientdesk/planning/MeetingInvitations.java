package app.clientdesk.planning;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.mail.MailAttachment;
import app.clientdesk.mail.Outbox;
import app.clientdesk.mail.OutgoingMail;
import app.clientdesk.shared.web.PublicUrls;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A meeting's emails: one per attendee, in the attendee's language and with the time on their own clock (a
 * member's working calendar, a contact's client's zone), the iCalendar file attached ({@code METHOD:REQUEST} for an
 * invitation or update, {@code METHOD:CANCEL} for a cancellation) so their calendar app adds, moves or removes it.
 * Queued in the outbox in the caller's transaction, sent under the workspace's name with the organizer as Reply-To.
 */
@Component
class MeetingInvitations {

    private final Outbox outbox;
    private final MessageSource texts;
    private final PersonCalendars calendars;
    private final Clients clients;
    private final PublicUrls urls;
    private final Clock clock;

    MeetingInvitations(Outbox outbox, MessageSource texts, PersonCalendars calendars, Clients clients,
            PublicUrls urls, Clock clock) {
        this.outbox = outbox;
        this.texts = texts;
        this.calendars = calendars;
        this.clients = clients;
        this.urls = urls;
        this.clock = clock;
    }

    /** The invitation, or with {@code update} the changed meeting, to each of {@code to}. */
    void invite(CurrentUser sender, Meeting meeting, List<MeetingAttendee> to, boolean update) {
        String ics = IcsCalendars.invitation(ics(meeting), clock.instant());
        for (MeetingAttendee attendee : to) {
            send(sender, meeting, attendee, update ? "update" : "invite", ics, "REQUEST");
        }
    }

    /** The cancellation of the whole meeting or series to each of {@code to}; the meeting's sequence already raised. */
    void cancel(CurrentUser sender, Meeting meeting, List<MeetingAttendee> to) {
        String ics = IcsCalendars.cancellation(ics(meeting), clock.instant());
        for (MeetingAttendee attendee : to) {
            send(sender, meeting, attendee, "cancel", ics, "CANCEL");
        }
    }

    /** The stable UID calendars know the meeting by. */
    static String uid(Meeting meeting) {
        return meeting.id() + "@clientdesk";
    }

    private static IcsCalendars.Meeting ics(Meeting meeting) {
        URI video = meeting.videoUrl() == null ? null : URI.create(meeting.videoUrl());
        return new IcsCalendars.Meeting(uid(meeting), meeting.sequence(), meeting.title(), meeting.agenda(), video,
                new IcsCalendars.Person(meeting.organizerEmail(), meeting.organizerName()),
                meeting.attendees().stream().map(a -> new IcsCalendars.Person(a.email(), a.name())).toList(),
                meeting.start().atZone(meeting.zone()).toLocalDateTime(), meeting.zone(), meeting.duration(),
                meeting.weeks());
    }

    private void send(CurrentUser sender, Meeting meeting, MeetingAttendee attendee, String kind, String ics,
            String method) {
        Locale locale = attendee.language();
        ZoneId zone = zone(sender, meeting, attendee);
        ZonedDateTime start = meeting.start().atZone(zone);
        ZonedDateTime end = meeting.end().atZone(zone);
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        String zoneName = zone.getDisplayName(TextStyle.FULL, locale) + " (" + zone.getId().replace('_', ' ') + ")";
        StringBuilder body = new StringBuilder()
                .append(text("meetings.mail.greeting", locale, attendee.name())).append("\n\n")
                .append(text("meetings.mail." + kind + ".intro", locale, meeting.organizerName(), meeting.title()))
                .append("\n\n")
                .append(text("meetings.mail.when", locale, day.format(start), time.format(start), time.format(end),
                        zoneName)).append("\n");
        if (meeting.recurring()) {
            body.append(text("meetings.mail.weekly", locale, meeting.weeks())).append("\n");
        }
        if (meeting.clientName() != null) {
            body.append(text("meetings.mail.client", locale, meeting.clientName())).append("\n");
        }
        if (meeting.videoUrl() != null) {
            body.append(text("meetings.mail.video", locale, meeting.videoUrl())).append("\n");
        }
        if (meeting.agenda() != null) {
            body.append("\n").append(text("meetings.mail.agenda", locale)).append("\n").append(meeting.agenda())
                    .append("\n");
        }
        body.append("\n").append(text("meetings.mail." + (kind.equals("cancel") ? "calendarCancel" : "calendar"),
                locale)).append("\n");
        if (attendee.staff()) {
            body.append(text("meetings.mail.link", locale, urls.to("/plan/meetings"))).append("\n");
        }
        String subject = text("meetings.mail." + kind + ".subject", locale, meeting.title());
        MailAttachment file = new MailAttachment(kind.equals("cancel") ? "cancel.ics" : "invite.ics",
                "text/calendar; method=" + method + "; charset=UTF-8", ics.getBytes(StandardCharsets.UTF_8));
        outbox.enqueueAs(sender.workspaceId(), sender.workspaceName(), new OutgoingMail(List.of(attendee.email()),
                meeting.organizerEmail(), subject, body.toString(), null, List.of(file), "meeting:" + meeting.id()));
    }

    /** The attendee's clock: a member's working calendar, a contact's client's zone. */
    private ZoneId zone(CurrentUser sender, Meeting meeting, MeetingAttendee attendee) {
        if (attendee.userId() != null) {
            return calendars.of(sender.workspaceId(), attendee.userId()).zone();
        }
        if (meeting.clientId() != null) {
            return clients.find(sender.workspaceId(), meeting.clientId()).map(Client::zone).orElse(meeting.zone());
        }
        return meeting.zone();
    }

    private String text(String key, Locale locale, Object... args) {
        return texts.getMessage(key, args, locale);
    }
}
