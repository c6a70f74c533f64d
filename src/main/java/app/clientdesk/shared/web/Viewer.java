package app.clientdesk.shared.web;

import java.time.ZoneId;
import java.util.Locale;

/** Who is looking at a page, as far as the layout needs to know. */
public interface Viewer {

    String displayName();

    String email();

    String workspaceName();

    Locale locale();

    ZoneId zone();

    boolean isOwner();

    /** Whether money of the business (rates, amounts, invoices) may be shown to this person. */
    boolean seesMoney();

    boolean isClientContact();
}
