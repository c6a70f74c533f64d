package app.clientdesk.work;

/** The Eisenhower matrix: urgent and important decide where a task sits. */
public enum Quadrant {
    DO(true, true),
    SCHEDULE(false, true),
    DELEGATE(true, false),
    ELIMINATE(false, false);

    private final boolean urgent;
    private final boolean important;

    Quadrant(boolean urgent, boolean important) {
        this.urgent = urgent;
        this.important = important;
    }

    public static Quadrant of(boolean urgent, boolean important) {
        for (Quadrant q : values()) {
            if (q.urgent == urgent && q.important == important) {
                return q;
            }
        }
        throw new AssertionError();
    }

    public boolean urgent() {
        return urgent;
    }

    public boolean important() {
        return important;
    }

    public String messageKey() {
        return "quadrant." + name();
    }
}
