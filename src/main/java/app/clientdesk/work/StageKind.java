package app.clientdesk.work;

/** What a stage means for the work in it, beyond its name. */
public enum StageKind {
    /** Ordinary work: anyone who may see the task moves it in and out. */
    OPEN,
    /** Work done by a member waits here for the owner's approval; a member cannot move it past. */
    REVIEW,
    /**
     * Waits for the client to approve or ask for changes; work waiting here is passed only by the client, or the
     * owner on their behalf. Work that needs no client approval may skip it.
     */
    CLIENT_APPROVAL,
    /** Finished. A task here counts as completed; a recurring task repeats from here. */
    DONE;

    public String messageKey() {
        return "stage.kind." + name();
    }

    /** A stage where work waits for an approval before it moves on. */
    public boolean isGate() {
        return this == REVIEW || this == CLIENT_APPROVAL;
    }
}
