package app.clientdesk.sla;

/** Where a promise to answer stands. */
public enum SlaState {
    /** Unanswered, with less than the at-risk share of the commitment used. */
    ON_TRACK,
    /** Unanswered, with at least the at-risk share used, the due time not yet passed. */
    AT_RISK,
    /** The due time passed before the first answer (whether or not it has come since). */
    BREACHED,
    /** Answered by the due time. */
    MET,
    /** Unanswered, the clock stopped while the request waits on the client. */
    PAUSED;

    public String messageKey() {
        return "sla.state." + name();
    }
}
