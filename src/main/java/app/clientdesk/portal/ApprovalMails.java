package app.clientdesk.portal;

import app.clientdesk.identity.Account;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.mail.Outbox;
import app.clientdesk.mail.OutgoingMail;
import app.clientdesk.shared.web.PublicUrls;
import app.clientdesk.work.ApprovalAnswered;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the VA that a client answered a deliverable in the portal: an email through the outbox, in the same
 * transaction as the answer, to the task's assignee (or, when nobody is assigned or they left, the workspace's
 * owner), in that person's language, sent under the workspace's name.
 */
@Component
class ApprovalMails {

    private final Accounts accounts;
    private final Workspaces workspaces;
    private final Outbox outbox;
    private final PublicUrls urls;
    private final MessageSource texts;

    ApprovalMails(Accounts accounts, Workspaces workspaces, Outbox outbox, PublicUrls urls, MessageSource texts) {
        this.accounts = accounts;
        this.workspaces = workspaces;
        this.outbox = outbox;
        this.urls = urls;
        this.texts = texts;
    }

    @EventListener
    void answered(ApprovalAnswered answer) {
        Optional<Account> assignee = Optional.ofNullable(answer.assigneeId())
                .flatMap(id -> accounts.find(answer.workspace(), id))
                .filter(a -> a.role() != Role.CLIENT && !a.disabled());
        Optional<Account> to = assignee.or(() -> accounts.inWorkspace(answer.workspace()).stream()
                .filter(a -> a.role() == Role.OWNER && !a.disabled()).findFirst());
        if (to.isEmpty()) {
            return;
        }
        Account va = to.get();
        String kind = answer.answer() == ApprovalAnswered.Answer.APPROVED ? "approved" : "changes";
        String subject = texts.getMessage("portal.mail.approval." + kind + ".subject",
                new Object[] {answer.clientName(), answer.taskTitle()}, va.locale());
        String text = texts.getMessage("portal.mail.approval." + kind + ".text", new Object[] {va.displayName(),
            answer.contactName(), answer.clientName(), answer.taskTitle(),
            answer.comment() == null ? "" : answer.comment(), urls.to("/tasks/{id}", answer.taskId().value())},
                va.locale());
        outbox.enqueueToAccountAs(answer.workspace(), workspaceName(answer), new OutgoingMail(List.of(va.email()),
                null, subject, text, null, List.of(), "approval:" + answer.taskId().value()));
    }

    private String workspaceName(ApprovalAnswered answer) {
        return workspaces.settings(answer.workspace()).name();
    }
}
