package app.clientdesk.exchange;

import app.clientdesk.identity.WorkspaceId;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for exchange rates. Every statement names the workspace. */
@Repository
class ExchangeRateStore {

    /** Rows per insert statement: one round trip and one parse for many rows, on H2 and PostgreSQL alike. */
    static final int ROWS_PER_INSERT = 500;

    private static final String COLUMNS = "(workspace_id, base, quote, rate_date, rate, source, created_at)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ExchangeRateStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The newest rate of a and b, in either direction, dated on or before {@code until}. */
    Optional<StoredRate> newest(WorkspaceId workspace, Currency a, Currency b, LocalDate until) {
        Optional<StoredRate> ab = newestAsStored(workspace, a, b, until);
        Optional<StoredRate> ba = newestAsStored(workspace, b, a, until);
        if (ab.isEmpty()) {
            return ba;
        }
        return ba.isPresent() && ba.get().isNewerThan(ab.get()) ? ba : ab;
    }

    private Optional<StoredRate> newestAsStored(WorkspaceId workspace, Currency base, Currency quote, LocalDate until) {
        return jdbc.sql("""
                select base, quote, rate_date, rate, source from exchange_rates
                where workspace_id = :w and base = :base and quote = :quote and rate_date <= :until
                order by rate_date desc fetch first 1 rows only""")
                .param("w", workspace.value()).param("base", base.getCurrencyCode())
                .param("quote", quote.getCurrencyCode()).param("until", until)
                .query(ExchangeRateStore::row).optional();
    }

    Optional<StoredRate> find(WorkspaceId workspace, Currency base, Currency quote, LocalDate day) {
        return jdbc.sql("""
                select base, quote, rate_date, rate, source from exchange_rates
                where workspace_id = :w and base = :base and quote = :quote and rate_date = :day""")
                .param("w", workspace.value()).param("base", base.getCurrencyCode())
                .param("quote", quote.getCurrencyCode()).param("day", day)
                .query(ExchangeRateStore::row).optional();
    }

    /** Sets the rate of the pair on that day, and removes the inverse pair's rate of the day. */
    void put(WorkspaceId workspace, StoredRate rate, Instant now) {
        delete(workspace, rate.quote(), rate.base(), rate.day());
        int updated = jdbc.sql("""
                update exchange_rates set rate = :rate, source = :source, created_at = :now
                where workspace_id = :w and base = :base and quote = :quote and rate_date = :day""")
                .params(params(workspace, rate, now)).update();
        if (updated == 0) {
            jdbc.sql("insert into exchange_rates " + COLUMNS + " values (:w, :base, :quote, :day, :rate, :source, :now)")
                    .params(params(workspace, rate, now)).update();
        }
    }

    boolean delete(WorkspaceId workspace, Currency base, Currency quote, LocalDate day) {
        return jdbc.sql("delete from exchange_rates where workspace_id = :w and base = :base and quote = :quote and rate_date = :day")
                .param("w", workspace.value()).param("base", base.getCurrencyCode())
                .param("quote", quote.getCurrencyCode()).param("day", day).update() == 1;
    }

    /** The currencies with a typed rate against EUR (either direction) per day, as "USD|2026-11-27". */
    Set<String> manualAgainstEur(WorkspaceId workspace, LocalDate from, LocalDate until) {
        return new HashSet<>(jdbc.sql("""
                select base, quote, rate_date from exchange_rates
                where workspace_id = :w and source = 'MANUAL' and (base = 'EUR' or quote = 'EUR')
                and rate_date between :from and :until""")
                .param("w", workspace.value()).param("from", from).param("until", until)
                .query((rs, n) -> (rs.getString("base").strip().equals("EUR") ? rs.getString("quote") : rs.getString("base"))
                        .strip() + "|" + rs.getObject("rate_date", LocalDate.class))
                .list());
    }

    /** Removes the ECB rates dated from {@code from} to {@code until}: an ECB file replaces the days it covers. */
    int deleteEcb(WorkspaceId workspace, LocalDate from, LocalDate until) {
        return jdbc.sql("delete from exchange_rates where workspace_id = :w and source = 'ECB' and rate_date between :from and :until")
                .param("w", workspace.value()).param("from", from).param("until", until).update();
    }

    /** Inserts new rows (none may exist), {@link #ROWS_PER_INSERT} to a statement, in batches. */
    void insertAll(WorkspaceId workspace, List<StoredRate> rates, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        UUID w = workspace.value();
        int full = rates.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
        if (full > 0) {
            List<List<StoredRate>> chunks = new ArrayList<>();
            for (int i = 0; i < full; i += ROWS_PER_INSERT) {
                chunks.add(rates.subList(i, i + ROWS_PER_INSERT));
            }
            batch.batchUpdate(insert(ROWS_PER_INSERT), chunks, 20, (ps, chunk) -> bind(ps, w, chunk, at));
        }
        List<StoredRate> rest = rates.subList(full, rates.size());
        if (!rest.isEmpty()) {
            batch.update(insert(rest.size()), ps -> bind(ps, w, rest, at));
        }
    }

    private static String insert(int rows) {
        return "insert into exchange_rates " + COLUMNS + " values "
                + String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?, ?, ?, ?)"));
    }

    private static void bind(PreparedStatement ps, UUID workspace, List<StoredRate> rows, OffsetDateTime at)
            throws SQLException {
        int i = 1;
        for (StoredRate r : rows) {
            ps.setObject(i++, workspace);
            ps.setString(i++, r.base().getCurrencyCode());
            ps.setString(i++, r.quote().getCurrencyCode());
            ps.setObject(i++, r.day());
            ps.setBigDecimal(i++, r.rate());
            ps.setString(i++, r.source());
            ps.setObject(i++, at);
        }
    }

    /**
     * The newest rate of each stored pair dated on or before {@code until} (any date when null), and its count of
     * days: one pass over the workspace's rates for the pairs, then each pair's newest row by its key. (A join
     * with the grouped query is quadratic on H2, which evaluates the derived table again for every row.)
     */
    List<PairRow> latest(WorkspaceId workspace, @Nullable LocalDate until) {
        LocalDate bound = until == null ? LocalDate.of(9999, 12, 31) : until;
        record Pair(String base, String quote, LocalDate last, int days) {
        }
        List<Pair> pairs = jdbc.sql("""
                select base, quote, max(rate_date) as last_day, count(*) as days from exchange_rates
                where workspace_id = :w and rate_date <= :until group by base, quote order by base, quote""")
                .param("w", workspace.value()).param("until", bound)
                .query((rs, n) -> new Pair(rs.getString("base").strip(), rs.getString("quote").strip(),
                        rs.getObject("last_day", LocalDate.class), rs.getInt("days")))
                .list();
        List<PairRow> rows = new ArrayList<>(pairs.size());
        for (Pair p : pairs) {
            find(workspace, Currency.getInstance(p.base()), Currency.getInstance(p.quote()), p.last())
                    .ifPresent(r -> rows.add(new PairRow(r, p.days())));
        }
        return rows;
    }

    record PairRow(StoredRate newest, int days) {
    }

    /** The rates of a and b (both directions), newest first, dated before {@code before} when given. */
    List<StoredRate> history(WorkspaceId workspace, Currency a, Currency b, @Nullable LocalDate before, int limit) {
        return jdbc.sql("""
                select base, quote, rate_date, rate, source from exchange_rates
                where workspace_id = :w and base = :a and quote = :b and rate_date < :before
                union all
                select base, quote, rate_date, rate, source from exchange_rates
                where workspace_id = :w and base = :b and quote = :a and rate_date < :before
                order by rate_date desc fetch first :limit rows only""")
                .param("w", workspace.value()).param("a", a.getCurrencyCode()).param("b", b.getCurrencyCode())
                .param("before", before == null ? LocalDate.of(9999, 12, 31) : before).param("limit", limit)
                .query(ExchangeRateStore::row).list();
    }

    private static java.util.Map<String, Object> params(WorkspaceId workspace, StoredRate rate, Instant now) {
        return java.util.Map.of("w", workspace.value(), "base", rate.base().getCurrencyCode(),
                "quote", rate.quote().getCurrencyCode(), "day", rate.day(), "rate", rate.rate(),
                "source", rate.source(), "now", now.atOffset(ZoneOffset.UTC));
    }

    private static StoredRate row(ResultSet rs, int n) throws SQLException {
        BigDecimal rate = rs.getBigDecimal("rate").stripTrailingZeros();
        return new StoredRate(Currency.getInstance(rs.getString("base").strip()),
                Currency.getInstance(rs.getString("quote").strip()), rate.scale() < 0 ? rate.setScale(0) : rate,
                rs.getObject("rate_date", LocalDate.class), rs.getString("source").strip());
    }
}
