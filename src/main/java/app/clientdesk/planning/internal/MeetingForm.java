package app.clientdesk.planning.internal;

import app.clientdesk.planning.Meeting;
import app.clientdesk.planning.MeetingAttendee;
import app.clientdesk.planning.MeetingInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The meeting form as submitted: start and end as the form's local date-times, read in {@code zone}. A mutable bean
 * because Spring binds the repeated checkboxes into it.
 */
public class MeetingForm {

    private @Nullable String title = "";
    private @Nullable String agenda = "";
    private @Nullable String videoUrl = "";
    private @Nullable String clientId = "";
    private @Nullable String start = "";
    private @Nullable String end = "";
    private @Nullable String zone = "";
    private @Nullable String weeks = "1";
    private List<String> userIds = new ArrayList<>();
    private List<String> contactIds = new ArrayList<>();

    public @Nullable String getTitle() { return title; }
    public void setTitle(@Nullable String title) { this.title = title; }
    public @Nullable String getAgenda() { return agenda; }
    public void setAgenda(@Nullable String agenda) { this.agenda = agenda; }
    public @Nullable String getVideoUrl() { return videoUrl; }
    public void setVideoUrl(@Nullable String videoUrl) { this.videoUrl = videoUrl; }
    public @Nullable String getClientId() { return clientId; }
    public void setClientId(@Nullable String clientId) { this.clientId = clientId; }
    public @Nullable String getStart() { return start; }
    public void setStart(@Nullable String start) { this.start = start; }
    public @Nullable String getEnd() { return end; }
    public void setEnd(@Nullable String end) { this.end = end; }
    public @Nullable String getZone() { return zone; }
    public void setZone(@Nullable String zone) { this.zone = zone; }
    public @Nullable String getWeeks() { return weeks; }
    public void setWeeks(@Nullable String weeks) { this.weeks = weeks; }
    public List<String> getUserIds() { return userIds; }
    public void setUserIds(@Nullable List<String> userIds) { this.userIds = userIds == null ? new ArrayList<>() : userIds; }
    public List<String> getContactIds() { return contactIds; }
    public void setContactIds(@Nullable List<String> contactIds) {
        this.contactIds = contactIds == null ? new ArrayList<>() : contactIds;
    }

    public boolean invited(Object id) {
        return userIds.contains(id.toString()) || contactIds.contains(id.toString());
    }

    public String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    MeetingInput toInput() {
        return new MeetingInput(title, agenda, videoUrl, clientId, start, end, zone, weeks,
                userIds.stream().filter(Objects::nonNull).toList(),
                contactIds.stream().filter(Objects::nonNull).toList());
    }

    static MeetingForm of(Meeting meeting) {
        MeetingForm form = new MeetingForm();
        form.title = meeting.title();
        form.agenda = meeting.agenda() == null ? "" : meeting.agenda();
        form.videoUrl = meeting.videoUrl() == null ? "" : meeting.videoUrl();
        form.clientId = meeting.clientId() == null ? "" : meeting.clientId().value().toString();
        form.start = meeting.start().atZone(meeting.zone()).toLocalDateTime().toString();
        form.end = meeting.end().atZone(meeting.zone()).toLocalDateTime().toString();
        form.zone = meeting.zone().getId();
        form.weeks = Integer.toString(meeting.weeks());
        for (MeetingAttendee a : meeting.attendees()) {
            if (a.userId() != null) {
                form.userIds.add(a.userId().value().toString());
            } else if (a.contactId() != null) {
                form.contactIds.add(a.contactId().toString());
            }
        }
        return form;
    }
}
