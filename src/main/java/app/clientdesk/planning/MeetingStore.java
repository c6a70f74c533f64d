package app.clientdesk.planning;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for meetings and their attendees. Every statement names the workspace. */
@Repository
class MeetingStore {

    private static final String SELECT = """
            select m.*, c.name as client_name, u.display_name as organizer_name, u.email as organizer_email
            from meetings m
            join users u on u.id = m.organizer_id
            left join clients c on c.id = m.client_id
            """;

    /**
     * What a member sees: meetings they organize or attend, and only with clients assigned to them (or none).
     * Bound to {@code :me}.
     */
    private static final String MEMBER_SEES = " " + """
             and (m.organizer_id = :me or exists (select 1 from meeting_attendees a
                     where a.meeting_id = m.id and a.workspace_id = m.workspace_id and a.user_id = :me))
             and (m.client_id is null or exists (select 1 from client_members cm
                     where cm.client_id = m.client_id and cm.workspace_id = m.workspace_id and cm.user_id = :me))""";

    private final JdbcClient jdbc;

    MeetingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The meeting, when {@code member} is null or may see it. */
    Optional<Meeting> find(WorkspaceId workspace, @Nullable UserId member, UUID id) {
        String sql = SELECT + " where m.workspace_id = :w and m.id = :id" + (member == null ? "" : MEMBER_SEES);
        var statement = jdbc.sql(sql).param("w", workspace.value()).param("id", id);
        if (member != null) {
            statement = statement.param("me", member.value());
        }
        return withAttendees(workspace, statement.query(MeetingStore::row).list()).stream().findFirst();
    }

    /** Meetings not cancelled whose last occurrence ends after {@code after}, by first start; at most {@code limit}. */
    List<Meeting> upcoming(WorkspaceId workspace, @Nullable UserId member, Instant after, int limit) {
        String sql = SELECT + " where m.workspace_id = :w and m.cancelled = false and m.series_ends_at > :after"
                + (member == null ? "" : MEMBER_SEES) + " order by m.starts_at, m.id limit :limit";
        var statement = jdbc.sql(sql).param("w", workspace.value()).param("after", utc(after)).param("limit", limit);
        if (member != null) {
            statement = statement.param("me", member.value());
        }
        return withAttendees(workspace, statement.query(MeetingStore::row).list());
    }

    /**
     * Meetings not cancelled that {@code person} organizes or attends whose series overlaps {@code [from, to)}, as
     * {@code member} (null for the owner) may see them.
     */
    List<Meeting> of(WorkspaceId workspace, UserId person, @Nullable UserId member, Instant from, Instant to) {
        String sql = SELECT + " " + """
                 where m.workspace_id = :w and m.cancelled = false and m.series_ends_at > :from and m.starts_at < :to
                  and (m.organizer_id = :person or exists (select 1 from meeting_attendees a
                      where a.meeting_id = m.id and a.workspace_id = m.workspace_id and a.user_id = :person))"""
                + (member == null ? "" : MEMBER_SEES) + " order by m.starts_at, m.id";
        var statement = jdbc.sql(sql).param("w", workspace.value()).param("person", person.value())
                .param("from", utc(from)).param("to", utc(to));
        if (member != null) {
            statement = statement.param("me", member.value());
        }
        return withAttendees(workspace, statement.query(MeetingStore::row).list());
    }

    /** The client's meetings that are not cancelled and have occurrences in {@code [from, to)}: its feed. */
    List<Meeting> ofClient(WorkspaceId workspace, app.clientdesk.clients.ClientId client, Instant from, Instant to) {
        String sql = SELECT + " " + """
                 where m.workspace_id = :w and m.cancelled = false and m.series_ends_at > :from and m.starts_at < :to
                  and m.client_id = :client order by m.starts_at, m.id""";
        return withAttendees(workspace, jdbc.sql(sql).param("w", workspace.value()).param("client", client.value())
                .param("from", utc(from)).param("to", utc(to)).query(MeetingStore::row).list());
    }

    void insert(WorkspaceId workspace, UUID id, UserId organizer, MeetingRules.Valid m, Instant seriesEnd,
            List<MeetingAttendee> attendees, Instant now) {
        jdbc.sql("""
                insert into meetings (id, workspace_id, title, agenda, video_url, client_id, organizer_id, starts_at,
                    ends_at, zone, weeks, series_ends_at, sequence, cancelled, created_at, updated_at)
                values (:id, :w, :title, :agenda, :url, :client, :organizer, :start, :end, :zone, :weeks, :seriesEnd,
                    0, false, :now, :now)""")
                .param("id", id).param("w", workspace.value()).param("title", m.title()).param("agenda", m.agenda())
                .param("url", m.videoUrl()).param("client", m.clientId()).param("organizer", organizer.value())
                .param("start", utc(m.start())).param("end", utc(m.end())).param("zone", m.zone().getId())
                .param("weeks", m.weeks()).param("seriesEnd", utc(seriesEnd)).param("now", utc(now))
                .update();
        insertAttendees(workspace, id, attendees);
    }

    void update(WorkspaceId workspace, UUID id, MeetingRules.Valid m, Instant seriesEnd, int sequence,
            List<MeetingAttendee> attendees, Instant now) {
        jdbc.sql("""
                update meetings set title = :title, agenda = :agenda, video_url = :url, client_id = :client,
                    starts_at = :start, ends_at = :end, zone = :zone, weeks = :weeks, series_ends_at = :seriesEnd,
                    sequence = :sequence, updated_at = :now
                where workspace_id = :w and id = :id""")
                .param("id", id).param("w", workspace.value()).param("title", m.title()).param("agenda", m.agenda())
                .param("url", m.videoUrl()).param("client", m.clientId())
                .param("start", utc(m.start())).param("end", utc(m.end())).param("zone", m.zone().getId())
                .param("weeks", m.weeks()).param("seriesEnd", utc(seriesEnd)).param("sequence", sequence)
                .param("now", utc(now)).update();
        jdbc.sql("delete from meeting_attendees where workspace_id = :w and meeting_id = :id")
                .param("w", workspace.value()).param("id", id).update();
        insertAttendees(workspace, id, attendees);
    }

    /** Marks the meeting cancelled with its new sequence; false when it was cancelled already (or is unknown). */
    boolean cancel(WorkspaceId workspace, UUID id, int sequence, Instant now) {
        return jdbc.sql("""
                update meetings set cancelled = true, sequence = :sequence, updated_at = :now
                where workspace_id = :w and id = :id and cancelled = false""")
                .param("w", workspace.value()).param("id", id).param("sequence", sequence).param("now", utc(now))
                .update() == 1;
    }

    /** Holds the meeting's row until the transaction ends, so two changes raise the sequence in turn. */
    void lock(WorkspaceId workspace, UUID id) {
        jdbc.sql("select id from meetings where workspace_id = :w and id = :id for update")
                .param("w", workspace.value()).param("id", id).query(UUID.class).optional();
    }

    private void insertAttendees(WorkspaceId workspace, UUID meeting, List<MeetingAttendee> attendees) {
        for (int i = 0; i < attendees.size(); i++) {
            MeetingAttendee a = attendees.get(i);
            jdbc.sql("""
                    insert into meeting_attendees (meeting_id, workspace_id, position, user_id, contact_id, email, name,
                        language)
                    values (:m, :w, :position, :user, :contact, :email, :name, :language)""")
                    .param("m", meeting).param("w", workspace.value()).param("position", i)
                    .param("user", a.userId() == null ? null : a.userId().value()).param("contact", a.contactId())
                    .param("email", a.email()).param("name", a.name()).param("language", a.language().toLanguageTag())
                    .update();
        }
    }

    private List<Meeting> withAttendees(WorkspaceId workspace, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<MeetingAttendee>> byMeeting = new LinkedHashMap<>();
        rows.forEach(r -> byMeeting.put(r.id(), new ArrayList<>()));
        attendees(workspace, byMeeting.keySet()).forEach((meeting, list) -> byMeeting.get(meeting).addAll(list));
        return rows.stream().map(r -> r.meeting(byMeeting.get(r.id()))).toList();
    }

    private Map<UUID, List<MeetingAttendee>> attendees(WorkspaceId workspace, Collection<UUID> meetings) {
        Map<UUID, List<MeetingAttendee>> all = new LinkedHashMap<>();
        jdbc.sql("""
                select * from meeting_attendees where workspace_id = :w and meeting_id in (:ids)
                order by meeting_id, position""")
                .param("w", workspace.value()).param("ids", meetings)
                .query((rs, n) -> {
                    UUID user = rs.getObject("user_id", UUID.class);
                    all.computeIfAbsent(rs.getObject("meeting_id", UUID.class), k -> new ArrayList<>())
                            .add(new MeetingAttendee(user == null ? null : new UserId(user),
                                    rs.getObject("contact_id", UUID.class), rs.getString("email"),
                                    rs.getString("name"), Locale.forLanguageTag(rs.getString("language"))));
                    return 0;
                }).list();
        return all;
    }

    /** A meeting's row before its attendees are read. */
    private record Row(UUID id, String title, @Nullable String agenda, @Nullable String videoUrl,
            @Nullable ClientId clientId, @Nullable String clientName, UserId organizer, String organizerName,
            String organizerEmail, Instant start, Instant end, ZoneId zone, int weeks, int sequence,
            boolean cancelled) {

        Meeting meeting(List<MeetingAttendee> attendees) {
            return new Meeting(id, title, agenda, videoUrl, clientId, clientName, organizer, organizerName,
                    organizerEmail, start, end, zone, weeks, sequence, cancelled, attendees);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        UUID client = rs.getObject("client_id", UUID.class);
        return new Row(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("agenda"),
                rs.getString("video_url"), client == null ? null : new ClientId(client), rs.getString("client_name"),
                new UserId(rs.getObject("organizer_id", UUID.class)), rs.getString("organizer_name"),
                rs.getString("organizer_email"), rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                rs.getObject("ends_at", OffsetDateTime.class).toInstant(), ZoneId.of(rs.getString("zone")),
                rs.getInt("weeks"), rs.getInt("sequence"), rs.getBoolean("cancelled"));
    }
}
