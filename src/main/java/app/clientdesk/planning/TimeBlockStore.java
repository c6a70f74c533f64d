package app.clientdesk.planning;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.work.TaskId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for time blocks. Every statement names the workspace. */
@Repository
class TimeBlockStore {

    private static final String SELECT = """
            select b.*, c.name as client_name, c.time_zone as client_zone, t.title as task_title
            from time_blocks b
            left join clients c on c.id = b.client_id
            left join tasks t on t.id = b.task_id
            """;

    private final JdbcClient jdbc;

    TimeBlockStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Holds the person's row until the transaction ends: two writes to one person's week check overlaps in turn. */
    void lockPerson(WorkspaceId workspace, UserId person) {
        jdbc.sql("select id from users where workspace_id = :w and id = :u for update")
                .param("w", workspace.value()).param("u", person.value()).query(UUID.class).optional();
    }

    Optional<TimeBlock> find(WorkspaceId workspace, @Nullable UserId onlyPerson, UUID id) {
        String sql = SELECT + " where b.workspace_id = :w and b.id = :id"
                + (onlyPerson == null ? "" : " and b.user_id = :person");
        var statement = jdbc.sql(sql).param("w", workspace.value()).param("id", id);
        if (onlyPerson != null) {
            statement = statement.param("person", onlyPerson.value());
        }
        return statement.query(TimeBlockStore::block).optional();
    }

    /** The person's blocks that overlap {@code [from, to)}, in time order. */
    List<TimeBlock> between(WorkspaceId workspace, UserId person, Instant from, Instant to) {
        // A block is at most a day long: the lower bound on starts_at keeps the read on the index's range.
        return jdbc.sql(SELECT + """
                 where b.workspace_id = :w and b.user_id = :person
                  and b.starts_at < :to and b.starts_at > :earliest and b.ends_at > :from
                order by b.starts_at, b.id""")
                .param("w", workspace.value()).param("person", person.value())
                .param("from", utc(from)).param("to", utc(to))
                .param("earliest", utc(from.minus(BlockRules.LONGEST)))
                .query(TimeBlockStore::block).list();
    }

    /** Whether another of the person's blocks overlaps {@code [start, end)}. */
    boolean overlaps(WorkspaceId workspace, UserId person, Instant start, Instant end, @Nullable UUID except) {
        return jdbc.sql("""
                select count(*) from time_blocks
                where workspace_id = :w and user_id = :person and starts_at < :end and starts_at > :earliest
                  and ends_at > :start and id <> :except""")
                .param("w", workspace.value()).param("person", person.value())
                .param("start", utc(start)).param("end", utc(end))
                .param("earliest", utc(start.minus(BlockRules.LONGEST)))
                .param("except", except != null ? except : new UUID(0, 0))
                .query(Long.class).single() > 0;
    }

    /** Minutes of blocks already set aside for each of the tasks from {@code from} on: planned work, not to plan again. */
    java.util.Map<UUID, Long> plannedMinutes(WorkspaceId workspace, java.util.Collection<UUID> tasks, Instant from) {
        java.util.Map<UUID, Long> minutes = new java.util.HashMap<>();
        List<UUID> ids = List.copyOf(tasks);
        for (int i = 0; i < ids.size(); i += 500) {
            jdbc.sql("select task_id, starts_at, ends_at from time_blocks where workspace_id = :w and task_id in (:ids)"
                    + " and ends_at > :from")
                    .param("w", workspace.value()).param("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
                    .param("from", utc(from))
                    .query((rs, n) -> {
                        Instant start = rs.getObject("starts_at", OffsetDateTime.class).toInstant();
                        Instant end = rs.getObject("ends_at", OffsetDateTime.class).toInstant();
                        minutes.merge(rs.getObject("task_id", UUID.class),
                                java.time.Duration.between(start.isBefore(from) ? from : start, end).toMinutes(),
                                Long::sum);
                        return null;
                    }).list();
        }
        return minutes;
    }

    void insert(WorkspaceId workspace, UUID id, UserId person, BlockRules.Valid b, @Nullable UUID client,
            TimeBlock.Source source, @Nullable String batch, Instant now) {
        jdbc.sql("""
                insert into time_blocks (id, workspace_id, user_id, starts_at, ends_at, zone, client_id, task_id,
                    task_type, title, outside_hours, source, batch, created_at, updated_at)
                values (:id, :w, :person, :start, :end, :zone, :client, :task, :type, :title, :outside, :source,
                    :batch, :now, :now)""")
                .param("id", id).param("w", workspace.value()).param("person", person.value())
                .param("start", utc(b.start())).param("end", utc(b.end())).param("zone", b.zone().getId())
                .param("client", client).param("task", b.taskId()).param("type", b.type())
                .param("title", b.title()).param("outside", b.outsideHours()).param("source", source.name())
                .param("batch", batch).param("now", utc(now))
                .update();
    }

    boolean update(WorkspaceId workspace, UUID id, BlockRules.Valid b, @Nullable UUID client, Instant now) {
        return jdbc.sql("""
                update time_blocks set starts_at = :start, ends_at = :end, zone = :zone, client_id = :client,
                    task_id = :task, task_type = :type, title = :title, outside_hours = :outside, updated_at = :now
                where workspace_id = :w and id = :id""")
                .param("id", id).param("w", workspace.value())
                .param("start", utc(b.start())).param("end", utc(b.end())).param("zone", b.zone().getId())
                .param("client", client).param("task", b.taskId()).param("type", b.type())
                .param("title", b.title()).param("outside", b.outsideHours()).param("now", utc(now))
                .update() == 1;
    }

    boolean delete(WorkspaceId workspace, UUID id) {
        return jdbc.sql("delete from time_blocks where workspace_id = :w and id = :id")
                .param("w", workspace.value()).param("id", id).update() == 1;
    }

    private static TimeBlock block(ResultSet rs, int n) throws SQLException {
        UUID client = rs.getObject("client_id", UUID.class);
        UUID task = rs.getObject("task_id", UUID.class);
        return new TimeBlock(rs.getObject("id", UUID.class), new UserId(rs.getObject("user_id", UUID.class)),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                rs.getObject("ends_at", OffsetDateTime.class).toInstant(), ZoneId.of(rs.getString("zone")),
                client == null ? null : new ClientId(client), rs.getString("client_name"),
                rs.getString("client_zone") == null ? null : ZoneId.of(rs.getString("client_zone")),
                task == null ? null : new TaskId(task), rs.getString("task_title"), rs.getString("task_type"),
                rs.getString("title"), rs.getBoolean("outside_hours"),
                TimeBlock.Source.valueOf(rs.getString("source")), rs.getString("batch"));
    }
}
