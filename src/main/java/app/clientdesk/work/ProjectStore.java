package app.clientdesk.work;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.WorkspaceId;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for projects. Every statement names the workspace; {@code memberId} narrows to a member's clients. */
@Repository
class ProjectStore {

    private static final String SELECT = """
            select p.*, c.name as client_name, w.name as workflow_name,
                   (select count(*) from tasks t where t.project_id = p.id and t.completed_at is null) as open_tasks,
                   (select count(*) from tasks t where t.project_id = p.id and t.completed_at is not null) as done_tasks
            from projects p
            join clients c on c.id = p.client_id
            join workflows w on w.id = p.workflow_id
            """;

    private final JdbcClient jdbc;

    ProjectStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String visible(@Nullable UUID memberId) {
        return memberId == null ? ""
                : " and exists (select 1 from client_members m where m.client_id = p.client_id and m.user_id = :member)";
    }

    Optional<Project> find(WorkspaceId workspace, @Nullable UUID memberId, ProjectId id) {
        Map<String, Object> params = new HashMap<>();
        params.put("w", workspace.value());
        params.put("id", id.value());
        if (memberId != null) {
            params.put("member", memberId);
        }
        return jdbc.sql(SELECT + " where p.workspace_id = :w and p.id = :id" + visible(memberId)).params(params)
                .query(ProjectStore::project).optional();
    }

    /** Projects of one client, or of every visible client when {@code client} is null; open ones first. */
    List<Project> list(WorkspaceId workspace, @Nullable UUID memberId, @Nullable ClientId client, boolean openOnly) {
        Map<String, Object> params = new HashMap<>();
        params.put("w", workspace.value());
        StringBuilder where = new StringBuilder(" where p.workspace_id = :w and c.archived_at is null").append(visible(memberId));
        if (memberId != null) {
            params.put("member", memberId);
        }
        if (client != null) {
            where.append(" and p.client_id = :client");
            params.put("client", client.value());
        }
        if (openOnly) {
            where.append(" and p.status in ('PLANNED', 'ACTIVE', 'ON_HOLD')");
        }
        return jdbc.sql(SELECT + where + " " + """
                 order by case when p.status in ('PLANNED', 'ACTIVE', 'ON_HOLD') then 0 else 1 end,
                 p.due_date, lower(p.name), p.id limit 1000""")
                .params(params).query(ProjectStore::project).list();
    }

    /**
     * A page of the projects of one client or of every visible client, open ones first; {@code open} true
     * keeps open ones, false closed ones, null all.
     */
    List<Project> page(WorkspaceId workspace, @Nullable UUID memberId, @Nullable ClientId client, @Nullable Boolean open,
            int limit, long offset) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = pageWhere(workspace, memberId, client, open, where);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(SELECT + where + " " + """
                 order by case when p.status in ('PLANNED', 'ACTIVE', 'ON_HOLD') then 0 else 1 end,
                 p.due_date, lower(p.name), p.id limit :limit offset :offset""")
                .params(params).query(ProjectStore::project).list();
    }

    /** How many projects {@link #page} finds in all. */
    long count(WorkspaceId workspace, @Nullable UUID memberId, @Nullable ClientId client, @Nullable Boolean open) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = pageWhere(workspace, memberId, client, open, where);
        return jdbc.sql("select count(*) from projects p join clients c on c.id = p.client_id" + where).params(params)
                .query(Long.class).single();
    }

    private static Map<String, Object> pageWhere(WorkspaceId workspace, @Nullable UUID memberId,
            @Nullable ClientId client, @Nullable Boolean open, StringBuilder where) {
        Map<String, Object> params = new HashMap<>();
        params.put("w", workspace.value());
        where.append(" where p.workspace_id = :w and c.archived_at is null").append(visible(memberId));
        if (memberId != null) {
            params.put("member", memberId);
        }
        if (client != null) {
            where.append(" and p.client_id = :client");
            params.put("client", client.value());
        }
        if (open != null) {
            where.append(open ? " and p.status in ('PLANNED', 'ACTIVE', 'ON_HOLD')"
                    : " and p.status not in ('PLANNED', 'ACTIVE', 'ON_HOLD')");
        }
        return params;
    }

    /** Every visible project of a client not archived, light: for pickers. By client, then name. */
    List<ProjectChoice> choices(WorkspaceId workspace, @Nullable UUID memberId) {
        return choices(workspace, memberId, false);
    }

    /** The projects a picker offers, light (no task counts); {@code openOnly} keeps planned, active and on-hold ones. */
    List<ProjectChoice> choices(WorkspaceId workspace, @Nullable UUID memberId, boolean openOnly) {
        Map<String, Object> params = new HashMap<>();
        params.put("w", workspace.value());
        if (memberId != null) {
            params.put("member", memberId);
        }
        return jdbc.sql("""
                select p.id, p.client_id, c.name as client_name, p.name from projects p join clients c on c.id = p.client_id
                where p.workspace_id = :w and c.archived_at is null""" + visible(memberId)
                        + (openOnly ? " and p.status in ('PLANNED', 'ACTIVE', 'ON_HOLD')" : "")
                        + " order by lower(c.name), lower(p.name), p.id limit 2000")
                .params(params)
                .query((rs, n) -> new ProjectChoice(new ProjectId(rs.getObject("id", UUID.class)),
                        new ClientId(rs.getObject("client_id", UUID.class)), rs.getString("client_name"),
                        rs.getString("name")))
                .list();
    }

    /**
     * The open projects (planned, active, on hold) of one client, or of the given ids, light like {@link #choices}:
     * a picker's projects for one client, or the current names of a few projects.
     */
    List<ProjectChoice> openChoices(WorkspaceId workspace, @Nullable UUID memberId, @Nullable UUID client,
            java.util.@Nullable Collection<UUID> ids) {
        if (ids != null && ids.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("w", workspace.value());
        if (memberId != null) {
            params.put("member", memberId);
        }
        if (client != null) {
            params.put("client", client);
        }
        if (ids != null) {
            params.put("ids", ids);
        }
        return jdbc.sql("""
                select p.id, p.client_id, c.name as client_name, p.name from projects p join clients c on c.id = p.client_id
                where p.workspace_id = :w and c.archived_at is null and p.status in ('PLANNED', 'ACTIVE', 'ON_HOLD')"""
                        + visible(memberId) + (client == null ? "" : " and p.client_id = :client")
                        + (ids == null ? "" : " and p.id in (:ids)")
                        + " order by lower(c.name), lower(p.name), p.id limit 2000")
                .params(params)
                .query((rs, n) -> new ProjectChoice(new ProjectId(rs.getObject("id", UUID.class)),
                        new ClientId(rs.getObject("client_id", UUID.class)), rs.getString("client_name"),
                        rs.getString("name")))
                .list();
    }

    void insert(WorkspaceId workspace, ProjectId id, ProjectRules.Valid p, Instant now) {
        Map<String, Object> params = columns(p);
        params.put("id", id.value());
        params.put("w", workspace.value());
        params.put("now", TaskStore.utc(now));
        jdbc.sql("""
                insert into projects (id, workspace_id, client_id, workflow_id, name, status, start_date, due_date,
                    budget_minutes, budget_amount, budget_currency, created_at, updated_at)
                values (:id, :w, :client, :workflow, :name, :status, :start, :due, :minutes, :amount, :currency, :now, :now)
                """).params(params).update();
    }

    void update(WorkspaceId workspace, ProjectId id, ProjectRules.Valid p, Instant now) {
        Map<String, Object> params = columns(p);
        params.put("id", id.value());
        params.put("w", workspace.value());
        params.put("now", TaskStore.utc(now));
        jdbc.sql("""
                update projects set client_id = :client, workflow_id = :workflow, name = :name, status = :status,
                    start_date = :start, due_date = :due, budget_minutes = :minutes, budget_amount = :amount,
                    budget_currency = :currency, updated_at = :now
                where workspace_id = :w and id = :id
                """).params(params).update();
    }

    long taskCount(WorkspaceId workspace, ProjectId id) {
        return jdbc.sql("select count(*) from tasks where workspace_id = :w and project_id = :id")
                .param("w", workspace.value()).param("id", id.value()).query(Long.class).single();
    }

    void delete(WorkspaceId workspace, ProjectId id) {
        jdbc.sql("delete from projects where workspace_id = :w and id = :id")
                .param("w", workspace.value()).param("id", id.value()).update();
    }

    private static Map<String, Object> columns(ProjectRules.Valid p) {
        Map<String, Object> params = new HashMap<>();
        params.put("client", p.clientId().value());
        params.put("workflow", p.workflowId().value());
        params.put("name", p.name());
        params.put("status", p.status().name());
        params.put("start", p.startDate());
        params.put("due", p.dueDate());
        params.put("minutes", p.budgetMinutes());
        params.put("amount", p.budgetAmount());
        params.put("currency", p.budgetAmount() == null ? null : p.currency().getCurrencyCode());
        return params;
    }

    static Project project(ResultSet rs, int n) throws SQLException {
        Date start = rs.getDate("start_date");
        Date due = rs.getDate("due_date");
        int minutes = rs.getInt("budget_minutes");
        Integer budgetMinutes = rs.wasNull() ? null : minutes;
        BigDecimal amount = rs.getBigDecimal("budget_amount");
        String currency = rs.getString("budget_currency");
        Currency budgetCurrency = currency == null ? null : Currency.getInstance(currency.strip());
        return new Project(new ProjectId(rs.getObject("id", UUID.class)), new ClientId(rs.getObject("client_id", UUID.class)),
                rs.getString("client_name"), new WorkflowId(rs.getObject("workflow_id", UUID.class)),
                rs.getString("workflow_name"), rs.getString("name"), ProjectStatus.valueOf(rs.getString("status")),
                start == null ? null : start.toLocalDate(), due == null ? null : due.toLocalDate(), budgetMinutes,
                amount == null || budgetCurrency == null ? null
                        : amount.setScale(Math.max(0, budgetCurrency.getDefaultFractionDigits()), java.math.RoundingMode.UNNECESSARY),
                budgetCurrency, rs.getInt("open_tasks"), rs.getInt("done_tasks"), TaskStore.instant(rs, "created_at"),
                TaskStore.instant(rs, "updated_at"));
    }
}
