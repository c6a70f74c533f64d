package app.clientdesk.work;

public enum ProjectStatus {
    PLANNED, ACTIVE, ON_HOLD, DONE, CANCELLED;

    public String messageKey() {
        return "project.status." + name();
    }

    public boolean isOpen() {
        return this == PLANNED || this == ACTIVE || this == ON_HOLD;
    }
}
