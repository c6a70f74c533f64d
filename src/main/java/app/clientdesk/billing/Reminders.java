package app.clientdesk.billing;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.Clients;
import app.clientdesk.clients.Contact;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.mail.OutgoingMail;
import app.clientdesk.mail.Outbox;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payment reminders on each workspace's schedule: days relative to the due date (e.g. 3 days before, on the
 * day, 7 and 14 days after), dates in the workspace's zone. A reminder goes to the client's primary contact in
 * the invoice's language, through the mail outbox, in the transaction that logs it; each step happens once per
 * invoice. Only open invoices are reminded, so reminders stop when an invoice is paid or voided. When the
 * schedule was not running and several steps passed, only the latest is sent and the earlier ones are logged
 * as skipped, so a client never gets a burst of reminders. An invoice overdue on the day it was issued gets none
 * until the owner allows them ({@link ReminderConsent}).
 */
@Service
public class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final JdbcClient jdbc;
    private final Invoices invoices;
    private final BillingSettingsStore settings;
    private final Clients clients;
    private final Workspaces workspaces;
    private final Outbox outbox;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Reminders(JdbcClient jdbc, Invoices invoices, BillingSettingsStore settings, Clients clients, Workspaces workspaces,
            Outbox outbox, MessageSource messages, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.settings = settings;
        this.clients = clients;
        this.workspaces = workspaces;
        this.outbox = outbox;
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A reminder step as logged: which step, for which due date, what happened, to whom and when. */
    public record Logged(int offsetDays, LocalDate dueDate, String outcome, @Nullable String recipient, Instant at) {
    }

    /** The reminder steps logged for an invoice, in order. */
    public List<Logged> of(WorkspaceId workspace, InvoiceId invoice) {
        return jdbc.sql("""
                select offset_days, due_date, outcome, recipient, at from invoice_reminders
                where workspace_id = :w and invoice_id = :i order by offset_days""")
                .param("w", workspace.value()).param("i", invoice.value())
                .query((rs, n) -> new Logged(rs.getInt("offset_days"), rs.getDate("due_date").toLocalDate(),
                        rs.getString("outcome"), rs.getString("recipient"), InvoiceStore.instant(rs, "at")))
                .list();
    }

    private record Candidate(UUID id, UUID workspace, LocalDate issueDate, LocalDate dueDate) {
    }

    /** How many open invoices one run reads at a time. */
    static final int BATCH = 200;

    /** A workspace's schedule for this run: its steps and its today. */
    private record Schedule(List<Integer> steps, LocalDate today) {
    }

    /** Sends every reminder whose day has come; returns how many were put in the outbox. */
    public int runDue() {
        return runDue(BATCH);
    }

    /**
     * Walks the open invoices in batches of {@code batch}, by workspace, due date and id (one statement a batch,
     * which brings each invoice's steps already logged along), so that a run holds one batch at a time however
     * many invoices are open.
     */
    int runDue(int batch) {
        Map<UUID, Optional<Schedule>> schedules = new java.util.HashMap<>();
        int sent = 0;
        @Nullable Candidate last = null;
        while (true) {
            Map<Candidate, Set<Integer>> page = openInvoices(last, batch);
            for (Map.Entry<Candidate, Set<Integer>> e : page.entrySet()) {
                Candidate c = e.getKey();
                WorkspaceId ws = new WorkspaceId(c.workspace());
                Optional<Schedule> schedule = schedules.computeIfAbsent(c.workspace(), k -> schedule(ws));
                if (schedule.isEmpty()) {
                    continue;
                }
                try {
                    if (remind(ws, c, schedule.get().steps(), schedule.get().today(), e.getValue())) {
                        sent++;
                    }
                } catch (RuntimeException ex) {
                    // One invoice's trouble must not stop the others; the next run tries it again.
                    log.warn("Could not send the payment reminder of invoice {}", c.id(), ex);
                }
            }
            if (page.size() < batch) {
                return sent;
            }
            last = page.keySet().stream().reduce((a, b) -> b).orElseThrow();
        }
    }

    /** The workspace's steps and today, or nothing when it sends no reminders. */
    private Optional<Schedule> schedule(WorkspaceId ws) {
        List<Integer> steps = settings.get(ws).reminderDays();
        return steps.isEmpty() ? Optional.empty() : Optional.of(new Schedule(steps, invoices.today(ws)));
    }

    /**
     * The next batch of open invoices after {@code after} (from the start when null), each with the steps already
     * logged for it: one query.
     */
    private Map<Candidate, Set<Integer>> openInvoices(@Nullable Candidate after, int batch) {
        String next = after == null ? "" : """
                  and (workspace_id > :w or (workspace_id = :w and (due_date > :d or (due_date = :d and id > :i))))""";
        var query = jdbc.sql("""
                select i.id, i.workspace_id, i.issue_date, i.due_date, r.offset_days from (
                    select id, workspace_id, issue_date, due_date from invoices
                    where status in ('ISSUED', 'SENT', 'PARTIALLY_PAID') and kind <> 'CREDIT_NOTE'
                      and reminders_held = false
                %s
                    order by workspace_id, due_date, id
                    fetch first %d rows only) i
                left join invoice_reminders r on r.invoice_id = i.id
                order by i.workspace_id, i.due_date, i.id""".formatted(next, batch));
        if (after != null) {
            query = query.param("w", after.workspace()).param("d", Date.valueOf(after.dueDate())).param("i", after.id());
        }
        Map<Candidate, Set<Integer>> out = new LinkedHashMap<>();
        query.query((rs, n) -> {
            Set<Integer> logged = out.computeIfAbsent(new Candidate(rs.getObject("id", UUID.class),
                    rs.getObject("workspace_id", UUID.class), rs.getDate("issue_date").toLocalDate(),
                    rs.getDate("due_date").toLocalDate()), k -> new HashSet<>());
            int step = rs.getInt("offset_days");
            if (!rs.wasNull()) {
                logged.add(step);
            }
            return logged;
        }).list();
        return out;
    }

    /** The latest step due for an invoice, if it has not happened yet: sent (or logged as not sendable). */
    private boolean remind(WorkspaceId ws, Candidate c, List<Integer> steps, LocalDate today, Set<Integer> done) {
        Integer latest = null;
        for (int step : steps) {
            LocalDate day = c.dueDate().plusDays(step);
            if (!day.isAfter(today) && !day.isBefore(c.issueDate())) {
                latest = step;
            }
        }
        if (latest == null) {
            return false;
        }
        if (done.contains(latest)) {
            return false;
        }
        int step = latest;
        try {
            Boolean result = transactions.execute(status -> send(ws, c, steps, step, done, today));
            return Boolean.TRUE.equals(result);
        } catch (DuplicateKeyException e) {
            return false; // another node logged this step first
        } catch (app.clientdesk.mail.MailRefused e) {
            // The owner has not confirmed their address yet, or the day's messages are used up: nothing is
            // logged, so the next run tries this step again.
            log.info("reminder for invoice {} waits: {}", c.id(), e.getMessage());
            return false;
        }
    }

    private boolean send(WorkspaceId ws, Candidate c, List<Integer> steps, int step, Set<Integer> done,
            LocalDate today) {
        Optional<InvoiceStatus> status = jdbc.sql("select status from invoices where workspace_id = :w and id = :i for update")
                .param("w", ws.value()).param("i", c.id()).query(String.class).optional().map(InvoiceStatus::valueOf);
        if (status.isEmpty() || !status.get().open()) {
            return false;
        }
        Instant now = clock.instant();
        for (int earlier : steps) {
            if (earlier < step && !done.contains(earlier) && !c.dueDate().plusDays(earlier).isBefore(c.issueDate())) {
                logStep(ws, c, earlier, "SKIPPED", null, null, now);
            }
        }
        Invoice invoice = invoices.find(ws, new InvoiceId(c.id())).orElseThrow();
        Client client = clients.find(ws, invoice.clientId()).orElseThrow();
        Optional<Contact> contact = client.primaryContact().filter(p -> p.email() != null && !p.email().isBlank());
        if (contact.isEmpty()) {
            logStep(ws, c, step, "NO_ADDRESS", null, null, now);
            invoices.event(ws, invoice.id(), "REMINDER_NO_ADDRESS", Integer.toString(step), now);
            return false;
        }
        Locale locale = Locale.forLanguageTag(invoice.language());
        String kind = step < 0 ? "before" : step == 0 ? "today" : "after";
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        String amount = invoice.amountDue().format(locale);
        long late = ChronoUnit.DAYS.between(invoice.dueDate(), today);
        Object[] args = {invoice.number(), date.format(invoice.dueDate()), amount, late,
                workspaces.settings(ws).name(), contact.get().name(), date.format(invoice.issueDate())};
        String subject = text("reminders." + kind + ".subject", args, locale);
        StringBuilder body = new StringBuilder()
                .append(text("reminders.greeting", args, locale)).append("\n\n")
                .append(text("reminders." + kind + ".body", args, locale)).append("\n");
        String instructions = settings.get(ws).paymentInstructions();
        if (instructions != null && !instructions.isBlank()) {
            body.append("\n").append(text("reminders.howToPay", args, locale)).append("\n").append(instructions.strip())
                    .append("\n");
        }
        body.append("\n").append(text("reminders.alreadyPaid", args, locale)).append("\n\n")
                .append(text("reminders.signature", args, locale)).append("\n");
        UUID message = outbox.enqueue(ws, new OutgoingMail(List.of(contact.get().email()), null, subject,
                body.toString(), null, List.of(), "invoice:" + c.id()));
        logStep(ws, c, step, "SENT", contact.get().email(), message, now);
        invoices.event(ws, invoice.id(), "REMINDER", contact.get().email(), now, message);
        return true;
    }

    private void logStep(WorkspaceId ws, Candidate c, int step, String outcome, @Nullable String recipient,
            @Nullable UUID message, Instant now) {
        jdbc.sql("""
                insert into invoice_reminders (invoice_id, workspace_id, offset_days, due_date, outcome, recipient,
                    message_id, at)
                values (:i, :w, :step, :due, :outcome, :to, :message, :at)""")
                .param("i", c.id()).param("w", ws.value()).param("step", step).param("due", Date.valueOf(c.dueDate()))
                .param("outcome", outcome).param("to", recipient).param("message", message)
                .param("at", now.atOffset(ZoneOffset.UTC)).update();
    }

    private String text(String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args, locale);
    }
}
