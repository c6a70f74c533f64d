package app.clientdesk.billing;

import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.money.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the service catalogue. Every statement names the workspace. */
@Repository
class ServiceStore {

    private final JdbcClient jdbc;

    ServiceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A service's row before its prices are read. */
    private record Row(UUID id, String name, String description, List<String> deliverables, ServiceModel model,
            @Nullable Integer includedMinutes, @Nullable TaxRate tax, @Nullable Instant archivedAt, Instant createdAt,
            Instant updatedAt) {

        Service with(List<ServicePrice> prices) {
            return new Service(id, name, description, deliverables, model, includedMinutes, tax, prices, archivedAt,
                    createdAt, updatedAt);
        }
    }

    List<Service> list(WorkspaceId workspace, boolean includeArchived) {
        List<Row> rows = jdbc.sql("select * from services where workspace_id = :w"
                        + (includeArchived ? "" : " and archived_at is null") + " order by lower(name), id")
                .param("w", workspace.value()).query(ServiceStore::row).list();
        return withPrices(workspace, rows);
    }

    /** {@code limit} services by name from {@code offset}, and one more when more follow. */
    List<Service> slice(WorkspaceId workspace, boolean includeArchived, int limit, int offset) {
        List<Row> rows = jdbc.sql("select * from services where workspace_id = :w"
                        + (includeArchived ? "" : " and archived_at is null")
                        + " order by lower(name), id offset :offset rows fetch next :limit rows only")
                .param("w", workspace.value()).param("offset", offset).param("limit", limit + 1)
                .query(ServiceStore::row).list();
        return withPrices(workspace, rows);
    }

    long count(WorkspaceId workspace, boolean includeArchived) {
        return jdbc.sql("select count(*) from services where workspace_id = :w"
                        + (includeArchived ? "" : " and archived_at is null"))
                .param("w", workspace.value()).query(Long.class).single();
    }

    Optional<Service> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select * from services where workspace_id = :w and id = :id")
                .param("w", workspace.value()).param("id", id).query(ServiceStore::row).optional()
                .map(row -> withPrices(workspace, List.of(row)).get(0));
    }

    /** Whether another active service of the workspace has this name (ignoring case). */
    boolean nameTaken(WorkspaceId workspace, String name, @Nullable UUID except) {
        return jdbc.sql("select count(*) from services where workspace_id = :w and name_key = :key and id <> :except")
                .param("w", workspace.value()).param("key", key(name))
                .param("except", except == null ? new UUID(0, 0) : except).query(Long.class).single() > 0;
    }

    void insert(WorkspaceId workspace, UUID id, ServiceInput.Parsed s, Instant now) {
        jdbc.sql("""
                insert into services (id, workspace_id, name, name_key, description, deliverables, model, included_minutes,
                    tax_name, tax_percent, created_at, updated_at)
                values (:id, :w, :name, :key, :description, :deliverables, :model, :minutes, :taxName, :taxPercent,
                    :now, :now)""")
                .params(columns(s)).param("id", id).param("w", workspace.value()).param("key", key(s.name()))
                .param("now", utc(now)).update();
        putPrices(workspace, id, s.prices());
    }

    /** Changes the service and replaces its prices; false if the workspace has no such service. */
    boolean update(WorkspaceId workspace, UUID id, ServiceInput.Parsed s, Instant now) {
        int changed = jdbc.sql("""
                update services set name = :name,
                    name_key = case when archived_at is null then :key else null end,
                    description = :description, deliverables = :deliverables, model = :model,
                    included_minutes = :minutes, tax_name = :taxName, tax_percent = :taxPercent, updated_at = :now
                where workspace_id = :w and id = :id""")
                .params(columns(s)).param("id", id).param("w", workspace.value()).param("key", key(s.name()))
                .param("now", utc(now)).update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("delete from service_prices where workspace_id = :w and service_id = :id")
                .param("w", workspace.value()).param("id", id).update();
        putPrices(workspace, id, s.prices());
        return true;
    }

    boolean archive(WorkspaceId workspace, UUID id, Instant now) {
        return jdbc.sql("""
                update services set archived_at = :now, name_key = null, updated_at = :now
                where workspace_id = :w and id = :id and archived_at is null""")
                .param("w", workspace.value()).param("id", id).param("now", utc(now)).update() == 1;
    }

    boolean restore(WorkspaceId workspace, UUID id, String name, Instant now) {
        return jdbc.sql("""
                update services set archived_at = null, name_key = :key, updated_at = :now
                where workspace_id = :w and id = :id and archived_at is not null""")
                .param("w", workspace.value()).param("id", id).param("key", key(name)).param("now", utc(now))
                .update() == 1;
    }

    Optional<ServicePrice> price(WorkspaceId workspace, UUID serviceId, Currency currency) {
        return jdbc.sql("""
                select p.*, s.model from service_prices p join services s on s.id = p.service_id
                where p.workspace_id = :w and s.workspace_id = :w and p.service_id = :id and p.currency = :currency""")
                .param("w", workspace.value()).param("id", serviceId).param("currency", currency.getCurrencyCode())
                .query((rs, n) -> price(rs, ServiceModel.valueOf(rs.getString("model")))).optional();
    }

    private void putPrices(WorkspaceId workspace, UUID id, List<ServiceInput.ParsedPrice> prices) {
        for (ServiceInput.ParsedPrice p : prices) {
            jdbc.sql("""
                    insert into service_prices (service_id, workspace_id, currency, amount, overage_rate)
                    values (:id, :w, :currency, :amount, :overage)""")
                    .param("id", id).param("w", workspace.value())
                    .param("currency", p.amount().currency().getCurrencyCode()).param("amount", p.amount().amount())
                    .param("overage", p.overageRate() == null ? null : p.overageRate().amount()).update();
        }
    }

    private List<Service> withPrices(WorkspaceId workspace, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, ServiceModel> models = new HashMap<>();
        rows.forEach(r -> models.put(r.id(), r.model()));
        Map<UUID, List<ServicePrice>> prices = new HashMap<>();
        Collection<UUID> ids = models.keySet();
        jdbc.sql("select * from service_prices where workspace_id = :w and service_id in (:ids) order by currency")
                .param("w", workspace.value()).param("ids", ids)
                .query((rs, n) -> price(rs, models.get(rs.getObject("service_id", UUID.class)))).list()
                .forEach(p -> prices.computeIfAbsent(p.serviceId(), k -> new ArrayList<>()).add(p));
        return rows.stream().map(r -> r.with(prices.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Map<String, Object> columns(ServiceInput.Parsed s) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", s.name());
        p.put("description", s.description().isEmpty() ? null : s.description());
        p.put("deliverables", s.deliverables().isEmpty() ? null : String.join("\n", s.deliverables()));
        p.put("model", s.model().name());
        p.put("minutes", s.includedMinutes());
        p.put("taxName", s.tax() == null ? null : s.tax().name());
        p.put("taxPercent", s.tax() == null ? null : s.tax().percent());
        return p;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String deliverables = rs.getString("deliverables");
        BigDecimal taxPercent = rs.getBigDecimal("tax_percent");
        int minutes = rs.getInt("included_minutes");
        Integer included = rs.wasNull() ? null : minutes;
        OffsetDateTime archived = rs.getObject("archived_at", OffsetDateTime.class);
        return new Row(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getString("description") == null ? "" : rs.getString("description"),
                deliverables == null ? List.of() : Arrays.asList(deliverables.split("\n")),
                ServiceModel.valueOf(rs.getString("model")), included,
                taxPercent == null ? null : new TaxRate(rs.getString("tax_name"), taxPercent),
                archived == null ? null : archived.toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static ServicePrice price(ResultSet rs, ServiceModel model) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").strip());
        BigDecimal overage = rs.getBigDecimal("overage_rate");
        return new ServicePrice(rs.getObject("service_id", UUID.class), model, new Money(rs.getBigDecimal("amount"), currency),
                overage == null ? null : new Money(overage, currency));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
