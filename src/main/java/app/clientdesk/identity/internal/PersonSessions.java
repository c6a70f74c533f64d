package app.clientdesk.identity.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends a person's signed-in sessions in the session store (Spring Session's table, indexed by principal
 * name, which is the person's email). Plain SQL rather than the session repository, so the admin command,
 * which runs without a web server, ends them too. A request of an ended session finds no session and is
 * sent to sign in.
 */
@Component
public class PersonSessions {

    private final JdbcClient jdbc;

    PersonSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ends every session of the person. @return how many ended */
    public int endAll(String email) {
        return jdbc.sql("delete from spring_session where principal_name = :email").param("email", email).update();
    }

    /** Ends every session of the person but the one with this id (the browser that asked). */
    public int endOthers(String email, String keepSessionId) {
        return jdbc.sql("delete from spring_session where principal_name = :email and session_id <> :keep")
                .param("email", email).param("keep", keepSessionId).update();
    }
}
