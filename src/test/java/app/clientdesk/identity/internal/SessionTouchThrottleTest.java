package app.clientdesk.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * A signed-in page reads its session and, unless something of it changed, writes nothing: not even the empty
 * transaction Spring Session opens for a save (twice per page) — issue 12. Changes are still written.
 */
class SessionTouchThrottleTest {

    /** The store: counts what it is asked to read and write. */
    static final class Store implements SessionRepository<Session> {
        final Map<String, MapSession> rows = new HashMap<>();
        int reads;
        int writes;

        @Override
        public Session createSession() {
            return new MapSession();
        }

        @Override
        public void save(Session session) {
            writes++;
            rows.put(session.getId(), new MapSession(session));
        }

        @Override
        public @Nullable Session findById(String id) {
            reads++;
            MapSession row = rows.get(id);
            return row == null ? null : new MapSession(row);
        }

        @Override
        public void deleteById(String id) {
            rows.remove(id);
        }
    }

    private final Store store = new Store();
    private final SessionTouchThrottle.Repository sessions = new SessionTouchThrottle.Repository(store, () -> { });

    @AfterEach
    void endRequest() {
        SessionTouchThrottle.SAVED.remove();
    }

    private String storedSession(Instant lastAccess) {
        MapSession row = new MapSession("the-session");
        row.setLastAccessedTime(lastAccess);
        store.rows.put(row.getId(), row);
        return row.getId();
    }

    /**
     * One request's life of the session: read, touched at {@code at}, saved, and saved again as Spring Session's
     * second commit of the same request does (answered from the first).
     */
    private void requestTouching(String id, Instant at) {
        Session session = sessions.findById(id);
        session.setLastAccessedTime(at);
        sessions.save(session);
        sessions.save(sessions.findById(id));
    }

    @Test
    void aSessionReadAndTouchedWithinTheMinuteIsNotWritten() {
        String id = storedSession(Instant.parse("2026-12-07T10:00:00Z"));
        requestTouching(id, Instant.parse("2026-12-07T10:00:30Z"));
        assertThat(store.writes).isZero();
        assertThat(store.reads).isEqualTo(1);
        assertThat(store.rows.get(id).getLastAccessedTime()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
    }

    @Test
    void aSessionTouchedAfterTheMinuteOrChangedIsWrittenOnce() {
        String id = storedSession(Instant.parse("2026-12-07T10:00:00Z"));
        requestTouching(id, Instant.parse("2026-12-07T10:01:30Z"));
        assertThat(store.writes).isEqualTo(1);
        assertThat(store.rows.get(id).getLastAccessedTime()).isEqualTo(Instant.parse("2026-12-07T10:01:30Z"));

        SessionTouchThrottle.SAVED.remove(); // the next request
        Session next = sessions.findById(id);
        next.setAttribute("notice", "Saved.");
        sessions.save(next);
        assertThat(store.writes).isEqualTo(2);
        assertThat(store.rows.get(id).<String>getAttribute("notice")).isEqualTo("Saved.");
    }
}
