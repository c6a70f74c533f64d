package app.clientdesk.time;

import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.money.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for rate rules and each client's rounding. Every statement names the workspace. */
@Repository
class RateStore {

    private final JdbcClient jdbc;

    RateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Rate> all(WorkspaceId workspace) {
        return jdbc.sql("select * from time_rates where workspace_id = :w order by scope, label, currency")
                .param("w", workspace.value()).query(RateStore::rate).list();
    }

    Optional<Rate> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select * from time_rates where workspace_id = :w and id = :id")
                .param("w", workspace.value()).param("id", id).query(RateStore::rate).optional();
    }

    /** Sets the rule for (scope, key, currency), replacing the one there was. */
    UUID put(WorkspaceId workspace, RateScope scope, String key, String label, Money hourly, Instant now) {
        Optional<UUID> existing = jdbc.sql("""
                select id from time_rates
                where workspace_id = :w and scope = :scope and scope_key = :key and currency = :currency""")
                .param("w", workspace.value()).param("scope", scope.name()).param("key", key)
                .param("currency", hourly.currency().getCurrencyCode()).query(UUID.class).optional();
        if (existing.isPresent()) {
            jdbc.sql("update time_rates set amount = :amount, label = :label, updated_at = :now where workspace_id = :w and id = :id")
                    .param("w", workspace.value()).param("amount", hourly.amount()).param("label", label).param("now", TimeStore.utc(now))
                    .param("id", existing.get()).update();
            return existing.get();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into time_rates (id, workspace_id, scope, scope_key, currency, amount, label, created_at, updated_at)
                values (:id, :w, :scope, :key, :currency, :amount, :label, :now, :now)""")
                .param("id", id).param("w", workspace.value()).param("scope", scope.name()).param("key", key)
                .param("currency", hourly.currency().getCurrencyCode()).param("amount", hourly.amount())
                .param("label", label).param("now", TimeStore.utc(now)).update();
        return id;
    }

    boolean delete(WorkspaceId workspace, UUID id) {
        return jdbc.sql("delete from time_rates where workspace_id = :w and id = :id")
                .param("w", workspace.value()).param("id", id).update() == 1;
    }

    Optional<Rounding> rounding(WorkspaceId workspace, UUID client) {
        return jdbc.sql("select * from time_client_settings where workspace_id = :w and client_id = :c")
                .param("w", workspace.value()).param("c", client)
                .query((rs, n) -> new Rounding(Rounding.Mode.valueOf(rs.getString("rounding_mode")),
                        rs.getInt("rounding_minutes"), Rounding.Scope.valueOf(rs.getString("rounding_scope"))))
                .optional();
    }

    void putRounding(WorkspaceId workspace, UUID client, Rounding rounding) {
        int updated = jdbc.sql("""
                update time_client_settings set rounding_mode = :mode, rounding_minutes = :minutes, rounding_scope = :scope
                where workspace_id = :w and client_id = :c""")
                .param("w", workspace.value()).param("c", client).param("mode", rounding.mode().name())
                .param("minutes", rounding.minutes()).param("scope", rounding.scope().name()).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into time_client_settings (client_id, workspace_id, rounding_mode, rounding_minutes, rounding_scope)
                    values (:c, :w, :mode, :minutes, :scope)""")
                    .param("w", workspace.value()).param("c", client).param("mode", rounding.mode().name())
                    .param("minutes", rounding.minutes()).param("scope", rounding.scope().name()).update();
        }
    }

    private static Rate rate(ResultSet rs, int n) throws SQLException {
        return new Rate(rs.getObject("id", UUID.class), RateScope.valueOf(rs.getString("scope")), rs.getString("scope_key"),
                rs.getString("label"),
                new Money(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency").strip())),
                TimeStore.instant(rs, "updated_at"));
    }
}
