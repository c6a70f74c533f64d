package app.clientdesk.time;

/**
 * What an hourly rate is for, from the least to the most specific; the most specific that applies to an
 * entry wins. {@link #ENTRY} is a rate set on one entry by hand.
 */
public enum RateScope {
    WORKSPACE, CLIENT, PROJECT, TASK_TYPE, MEMBER, ENTRY;

    /** The scopes a rate rule can have (an entry's own rate is not a rule). */
    public static final java.util.List<RateScope> RULES = java.util.List.of(WORKSPACE, CLIENT, PROJECT, TASK_TYPE, MEMBER);
}
