package app.clientdesk.time;

import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.money.Money;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk inserts for data generators (benchmarks), in JDBC batches: a million time entries in minutes. It
 * trusts its caller: it checks no overlap, no rule of {@link TimeEntryRules} and no client, project or task;
 * it stores the rate it is given as is. Never use it for anything a person typed.
 */
@Component
public class TimeGenerator {

    /**
     * An entry to insert: {@code start} to {@code end} in {@code zone}, less {@code breakSeconds}; its local
     * date is the start's date in the zone. {@code rate} is the rate in force and the rule it came from.
     */
    public record NewEntry(UUID id, UUID user, UUID client, @Nullable UUID project, @Nullable UUID task,
            @Nullable String taskType, Instant start, Instant end, ZoneId zone, int breakSeconds, boolean billable,
            @Nullable String note, List<String> tags, RateBook.@Nullable Applied rate) {
    }

    /** Rows per JDBC batch; with PostgreSQL's reWriteBatchedInserts one batch is a few multi-row inserts. */
    static final int BATCH = 5000;

    private final JdbcTemplate jdbc;

    TimeGenerator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Rate rules, each with a new id; the caller keeps them unique per (scope, key, currency). */
    @Transactional
    public void insertRates(WorkspaceId workspace, List<Rate> rates, Instant now) {
        OffsetDateTime at = TimeStore.utc(now);
        jdbc.batchUpdate("""
                insert into time_rates (id, workspace_id, scope, scope_key, currency, amount, label, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rates, BATCH, (ps, r) -> {
            ps.setObject(1, r.id());
            ps.setObject(2, workspace.value());
            ps.setString(3, r.scope().name());
            ps.setString(4, r.key());
            ps.setString(5, r.hourly().currency().getCurrencyCode());
            ps.setBigDecimal(6, r.hourly().amount());
            ps.setString(7, r.label());
            ps.setObject(8, at);
            ps.setObject(9, at);
        });
    }

    /** Each client's rounding rule. */
    @Transactional
    public void insertRoundings(WorkspaceId workspace, Map<UUID, Rounding> rules) {
        jdbc.batchUpdate("""
                insert into time_client_settings (client_id, workspace_id, rounding_mode, rounding_minutes, rounding_scope)
                values (?, ?, ?, ?, ?)""", new ArrayList<>(rules.entrySet()), BATCH, (ps, e) -> {
            ps.setObject(1, e.getKey());
            ps.setObject(2, workspace.value());
            ps.setString(3, e.getValue().mode().name());
            ps.setInt(4, e.getValue().minutes());
            ps.setString(5, e.getValue().scope().name());
        });
    }

    /** Inserts the entries and their tags, made by their own people at {@code now}. */
    @Transactional
    public void insertEntries(WorkspaceId workspace, List<NewEntry> entries, Instant now) {
        OffsetDateTime at = TimeStore.utc(now);
        jdbc.batchUpdate("""
                insert into time_entries (id, workspace_id, user_id, client_id, project_id, task_id, task_type,
                    started_at, ended_at, zone, local_date, break_seconds, duration_seconds, billable, note,
                    rate_amount, rate_currency, rate_source, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", entries, BATCH,
                (ps, e) -> entry(ps, workspace, e, at));
        List<Object[]> tags = new ArrayList<>();
        for (NewEntry e : entries) {
            for (String tag : e.tags()) {
                tags.add(new Object[] {e.id(), workspace.value(), e.user(), tag});
            }
        }
        jdbc.batchUpdate("insert into time_entry_tags (entry_id, workspace_id, user_id, tag) values (?, ?, ?, ?)", tags,
                BATCH, (ps, row) -> {
                    ps.setObject(1, row[0]);
                    ps.setObject(2, row[1]);
                    ps.setObject(3, row[2]);
                    ps.setString(4, (String) row[3]);
                });
    }

    private static void entry(PreparedStatement ps, WorkspaceId workspace, NewEntry e, OffsetDateTime now)
            throws SQLException {
        Money rate = e.rate() == null ? null : e.rate().hourly();
        ps.setObject(1, e.id());
        ps.setObject(2, workspace.value());
        ps.setObject(3, e.user());
        ps.setObject(4, e.client());
        uuid(ps, 5, e.project());
        uuid(ps, 6, e.task());
        ps.setString(7, e.taskType());
        ps.setObject(8, TimeStore.utc(e.start()));
        ps.setObject(9, TimeStore.utc(e.end()));
        ps.setString(10, e.zone().getId());
        ps.setObject(11, e.start().atZone(e.zone()).toLocalDate());
        ps.setInt(12, e.breakSeconds());
        ps.setLong(13, e.end().getEpochSecond() - e.start().getEpochSecond() - e.breakSeconds());
        ps.setBoolean(14, e.billable());
        ps.setString(15, e.note());
        ps.setBigDecimal(16, rate == null ? null : rate.amount());
        ps.setString(17, rate == null ? null : rate.currency().getCurrencyCode());
        ps.setString(18, e.rate() == null ? null : e.rate().source().name());
        ps.setObject(19, e.user());
        ps.setObject(20, now);
        ps.setObject(21, now);
    }

    private static void uuid(PreparedStatement ps, int index, @Nullable UUID value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.OTHER);
        } else {
            ps.setObject(index, value);
        }
    }
}
