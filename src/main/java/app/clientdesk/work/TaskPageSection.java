package app.clientdesk.work;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.Ui;
import gg.jte.Content;

/**
 * A part of a task's page that another module shows (say, the client request the task was made from), so that the
 * work module need not know that module. Sections appear in the side column after the task's details, in their
 * {@code @Order}.
 */
public interface TaskPageSection {

    /** The section's HTML for {@code viewer}, who may see {@code task}; an empty {@link Content} for nothing. */
    Content render(CurrentUser viewer, Task task, Ui ui);
}
