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

    /** What ran: the number of statements, the rows read from their results, and the statements' SQL. */
    public record Counts(int statements, long rows, List<String> sql) {
        @Override
        public String toString() {
            return statements + " statements, " + rows + " rows:\n  " + String.join("\n  ", sql);
        }
    }

    private static final class Recording {
        int statements;
        long rows;
        final List<String> sql = new ArrayList<>();
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
        return new Counts(recording.statements, recording.rows, List.copyOf(recording.sql));
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
