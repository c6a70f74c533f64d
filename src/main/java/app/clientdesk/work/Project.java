package app.clientdesk.work;

import app.clientdesk.clients.ClientId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/** Work for one client with a start, an end and a budget in hours and/or money (in the client's currency). */
public record Project(ProjectId id, ClientId clientId, String clientName, WorkflowId workflowId, String workflowName,
        String name, ProjectStatus status, @Nullable LocalDate startDate, @Nullable LocalDate dueDate,
        @Nullable Integer budgetMinutes, @Nullable BigDecimal budgetAmount, @Nullable Currency budgetCurrency,
        int openTasks, int doneTasks, Instant createdAt, Instant updatedAt) {

    /** This project as {@code viewer} may see it: without its money budget for one who sees no money. */
    public Project shownTo(app.clientdesk.identity.CurrentUser viewer) {
        if (viewer.seesMoney()) {
            return this;
        }
        return new Project(id, clientId, clientName, workflowId, workflowName, name, status, startDate, dueDate,
                budgetMinutes, null, null, openTasks, doneTasks, createdAt, updatedAt);
    }
}
