package app.clientdesk.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ResultSetProxyLogic;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts the SQL statements run and the rows read on the current thread while a piece of code runs, so a
 * test can pin what a page costs: an N+1 adds statements, an unbounded default view adds rows.
 *
 * <pre>
 * QueryCounts.Counts counts = QueryCounts.during(() -&gt; mvc.perform(get("/board").with(user(owner))));
 * assertThat(counts.statements()).isLessThanOrEqualTo(12);
 * </pre>
 *
 * Every integration test's {@link DataSource} is wrapped (see {@link TestDatabaseConfiguration}); outside
 * {@link #during} nothing is recorded. MockMvc runs a request on the test's thread, so its statements are
 * counted; work handed to another thread (events after commit, schedulers) is not.
 */
public final class QueryCounts {

    /**
     * What ran: the number of statements, the rows read from their results, the statements' SQL and, for each,
     * the values bound to its parameters in order.
     */
    public record Counts(int statements, long rows, List<String> sql, List<List<Object>> parameters) {
        @Override
        public String toString() {
            return statements + " statements, " + rows + " rows:\n  " + String.join("\n  ", sql);
        }
    }

    private static final class Recording {
        int statements;
        long rows;
        final List<String> sql = new ArrayList<>();
        final List<List<Object>> parameters = new ArrayList<>();
    }

    private static final ThreadLocal<Recording> CURRENT = new ThreadLocal<>();

    private QueryCounts() {
    }

    /** What {@code work} ran on this thread. Nested calls count into the innermost only. */
    public static Counts during(Callable<?> work) throws Exception {
        Recording outer = CURRENT.get();
        Recording recording = new Recording();
        CURRENT.set(recording);
        try {
            work.call();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
        return new Counts(recording.statements, recording.rows, List.copyOf(recording.sql),
                List.copyOf(recording.parameters));
    }

    /**
     * The rows H2 walked to run the statements of {@code counts} whose SQL {@code which} accepts: each is run again
     * with the same values under EXPLAIN ANALYZE and its plan's scan counts are added up. Unlike {@link
     * Counts#rows()} (rows handed to the application), this sees a statement that returns one page but reads and
     * sorts a whole history to find it. H2 only: PostgreSQL's plans say it differently.
     */
    public static long scannedOnH2(org.springframework.jdbc.core.JdbcTemplate jdbc, Counts counts,
            java.util.function.Predicate<String> which) {
        long scanned = 0;
        for (int i = 0; i < counts.sql().size(); i++) {
            String sql = counts.sql().get(i);
            if (!which.test(sql)) {
                continue;
            }
            String plan = jdbc.queryForObject("explain analyze " + sql, String.class,
                    counts.parameters().get(i).toArray());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("scanCount: (\\d+)").matcher(plan);
            while (m.find()) {
                scanned += Long.parseLong(m.group(1));
            }
        }
        return scanned;
    }

    static DataSource counting(DataSource dataSource) {
        return ProxyDataSourceBuilder.create(dataSource)
                .name("counted")
                .listener(new Listener())
                .proxyResultSet((resultSet, connectionInfo, proxyConfig) -> new RowCounting(resultSet))
                .build();
    }

    private static final class Listener implements QueryExecutionListener {
        @Override
        public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        }

        @Override
        public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            Recording recording = CURRENT.get();
            if (recording == null) {
                return;
            }
            for (QueryInfo query : queryInfoList) {
                recording.statements++;
                recording.sql.add(query.getQuery().replaceAll("\\s+", " ").trim());
                List<Object> values = new ArrayList<>();
                if (!query.getParametersList().isEmpty()) {
                    query.getParametersList().get(0).stream()
                            .sorted(java.util.Comparator.comparingInt(op -> ((Number) op.getArgs()[0]).intValue()))
                            .forEach(op -> values.add(op.getMethod().getName().equals("setNull") ? null : op.getArgs()[1]));
                }
                recording.parameters.add(values);
            }
        }
    }

    /** Counts each {@code next()} that found a row. */
    private static final class RowCounting implements ResultSetProxyLogic {
        private final ResultSet target;

        RowCounting(ResultSet target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("getTarget")) {
                return target;
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getTargetException();
            }
            if (method.getName().equals("next") && Boolean.TRUE.equals(result)) {
                Recording recording = CURRENT.get();
                if (recording != null) {
                    recording.rows++;
                }
            }
            return result;
        }
    }
}
