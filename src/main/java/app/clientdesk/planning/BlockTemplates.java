package app.clientdesk.planning;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.Account;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.NotFoundException;
import java.sql.Time;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's usual week as rows ({@link BlockTemplate}), and applying it to a week: each row becomes a block at its
 * wall-clock times in the person's zone on that week's day, by the same rules as any block. A row that would
 * overlap a block already there, or falls on a day off or outside working hours, is skipped and counted.
 */
@Service
public class BlockTemplates {

    private final JdbcClient jdbc;
    private final TimeBlocks blocks;
    private final Clock clock;

    BlockTemplates(JdbcClient jdbc, TimeBlocks blocks, Clock clock) {
        this.jdbc = jdbc;
        this.blocks = blocks;
        this.clock = clock;
    }

    /** How applying went: blocks made, rows skipped (each with the reason's message key). */
    public record Applied(int added, int skipped) {
    }

    public List<BlockTemplate> of(CurrentUser viewer, Account person) {
        return jdbc.sql("""
                select b.id, b.day_of_week, b.starts_at, b.ends_at, b.client_id, c.name as client_name, b.task_type,
                    b.title
                from block_templates b left join clients c on c.id = b.client_id
                where b.workspace_id = :w and b.user_id = :u order by b.day_of_week, b.starts_at, b.id""")
                .param("w", viewer.workspaceId().value()).param("u", person.id().value())
                .query((rs, n) -> {
                    UUID client = rs.getObject("client_id", UUID.class);
                    return new BlockTemplate(rs.getObject("id", UUID.class), DayOfWeek.of(rs.getInt("day_of_week")),
                            rs.getObject("starts_at", LocalTime.class), rs.getObject("ends_at", LocalTime.class),
                            client == null ? null : new ClientId(client), rs.getString("client_name"),
                            rs.getString("task_type"), rs.getString("title"));
                }).list();
    }

    /**
     * Adds a row to the person's usual week, checked as a block on the next such day would be (times, client,
     * something to say what it is for), but not against that day's blocks.
     *
     * @throws InvalidInputException listing what is wrong; nothing is saved
     */
    @Transactional
    public void add(CurrentUser viewer, Account person, @Nullable String day, BlockInput input) {
        DayOfWeek weekday;
        try {
            weekday = DayOfWeek.valueOf(day == null ? "" : day.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("day", "planning.template.day.invalid");
        }
        LocalDate next = LocalDate.now(clock).with(java.time.temporal.TemporalAdjusters.next(weekday));
        BlockInput onNext = new BlockInput(person.id().value().toString(), next.toString(), input.startTime(),
                input.endTime(), null, null, null, input.clientId(), null, input.type(), input.title(), true);
        BlockRules.Valid valid = BlockRules.check(onNext, java.time.ZoneOffset.UTC);
        UUID client = valid.clientId();
        if (client != null && !blocks.visible(viewer, person, new ClientId(client))) {
            throw InvalidInputException.of("clientId", "planning.block.unknown");
        }
        LocalTime start = valid.start().atZone(ZoneOffset.UTC).toLocalTime();
        LocalTime end = valid.end().atZone(ZoneOffset.UTC).toLocalTime();
        if (!end.isAfter(start)) {
            throw InvalidInputException.of("endTime", "planning.template.sameDay");
        }
        jdbc.sql("""
                insert into block_templates (id, workspace_id, user_id, day_of_week, starts_at, ends_at, client_id,
                    task_type, title, created_at)
                values (:id, :w, :u, :day, :start, :end, :client, :type, :title, :now)""")
                .param("id", UUID.randomUUID()).param("w", viewer.workspaceId().value())
                .param("u", person.id().value()).param("day", weekday.getValue()).param("start", Time.valueOf(start))
                .param("end", Time.valueOf(end)).param("client", client).param("type", valid.type())
                .param("title", valid.title()).param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
    }

    @Transactional
    public void remove(CurrentUser viewer, Account person, UUID id) {
        int removed = jdbc.sql("delete from block_templates where workspace_id = :w and user_id = :u and id = :id")
                .param("w", viewer.workspaceId().value()).param("u", person.id().value()).param("id", id).update();
        if (removed == 0) {
            throw new NotFoundException("template row");
        }
    }

    /** Applies the person's usual week to the week starting {@code monday}, in their zone. */
    @Transactional
    public Applied apply(CurrentUser viewer, Account person, LocalDate monday) {
        PersonCalendar calendar = blocks.calendar(viewer, person);
        int added = 0;
        int skipped = 0;
        for (BlockTemplate row : of(viewer, person)) {
            LocalDate date = monday.plusDays(row.day().getValue() - 1L);
            try {
                blocks.createNested(viewer, new BlockInput(person.id().value().toString(), date.toString(),
                        row.start().toString(), row.end().toString(), null, null, calendar.zone().getId(),
                        row.clientId() == null ? null : row.clientId().value().toString(), null, row.type(),
                        row.title(), false), TimeBlock.Source.TEMPLATE);
                added++;
            } catch (InvalidInputException e) {
                skipped++;
            }
        }
        return new Applied(added, skipped);
    }
}
