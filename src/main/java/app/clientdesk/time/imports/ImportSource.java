package app.clientdesk.time.imports;

/** The tracker a file was exported from, told apart by its header. */
public enum ImportSource {
    /** Toggl Track, detailed report, "Download as CSV". */
    TOGGL,
    /** Clockify, detailed report, "Export as CSV". */
    CLOCKIFY;

    public String label() {
        return this == TOGGL ? "Toggl Track" : "Clockify";
    }
}
