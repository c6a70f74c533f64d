package app.clientdesk.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * A signed-in page reads its session and, unless something of it changed, writes nothing: not even the empty
 * transaction Spring Session opens for a save (twice per page) — issue 12. Changes are still written.
 */
class SessionTouchThrottleTest {

    private final JdbcIndexedSessionRepository jdbc = mock(JdbcIndexedSessionRepository.class);
    private final SessionTouchThrottle.Repository sessions = new SessionTouchThrottle.Repository(jdbc);
    private final MapSession stored = new MapSession("the-session");

    @AfterEach
    void endRequest() {
        SessionTouchThrottle.SAVED.remove();
    }

    @Test
    void aSessionReadAndTouchedWithinTheMinuteIsNotWritten() {
        stored.setLastAccessedTime(Instant.parse("2026-12-07T10:00:00Z"));
        when(jdbc.findById("the-session")).thenAnswer(call -> stored);
        Session session = sessions.findById("the-session");
        session.setLastAccessedTime(Instant.parse("2026-12-07T10:00:30Z"));
        sessions.save(session);
        // Spring Session's second commit of the same request: answered from the first, and not written either.
        Session again = sessions.findById("the-session");
        sessions.save(again);
        verify(jdbc, never()).save(any());
        verify(jdbc, times(1)).findById("the-session");
        assertThat(stored.getLastAccessedTime()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
    }

    @Test
    void aSessionTouchedAfterTheMinuteOrChangedIsWrittenOnce() {
        stored.setLastAccessedTime(Instant.parse("2026-12-07T10:00:00Z"));
        when(jdbc.findById("the-session")).thenAnswer(call -> stored);
        Session session = sessions.findById("the-session");
        session.setLastAccessedTime(Instant.parse("2026-12-07T10:01:30Z"));
        sessions.save(session);
        sessions.save(sessions.findById("the-session"));
        verify(jdbc, times(1)).save(any());

        SessionTouchThrottle.SAVED.remove();
        Session next = sessions.findById("the-session");
        next.setAttribute("notice", "Saved.");
        sessions.save(next);
        verify(jdbc, times(2)).save(any());
        assertThat(stored.<String>getAttribute("notice")).isEqualTo("Saved.");
    }
}
