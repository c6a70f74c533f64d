package app.clientdesk.requests.internal;

import app.clientdesk.clients.Client;
import app.clientdesk.identity.Account;
import app.clientdesk.requests.RequestDetail;
import app.clientdesk.requests.RequestSummary;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.work.ProjectChoice;
import java.util.List;

/** What the request templates are given. */
public final class RequestViews {

    private RequestViews() {
    }

    /** What the request page needs. {@code failed} names the form whose errors {@code errors} holds. */
    public record View(RequestDetail detail, Client client, List<RequestSummary> mergeTargets, List<ProjectChoice> projects,
            List<Account> assignees, String failed, FieldErrors errors, ReplyForm reply, ConvertForm convert) {
    }

    /** The reply form as sent back after a refusal. */
    public record ReplyForm(String text, boolean internal, boolean waitOnClient) {
        static final ReplyForm BLANK = new ReplyForm("", false, false);
    }

    /** The convert form as sent back after a refusal. */
    public record ConvertForm(String title, String projectId, String assigneeId, String dueDate) {
    }

    /** The manual entry form. */
    public record NewForm(String clientId, String subject, String details, String desiredDate) {
    }

}
