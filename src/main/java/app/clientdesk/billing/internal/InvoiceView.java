package app.clientdesk.billing.internal;

import app.clientdesk.billing.Invoice;
import app.clientdesk.billing.InvoiceKind;
import app.clientdesk.billing.InvoiceLine;
import app.clientdesk.billing.InvoiceQuery;
import app.clientdesk.billing.LineKind;
import app.clientdesk.billing.TimeSelection;
import app.clientdesk.billing.InvoiceStatus;
import app.clientdesk.mail.OutboxMessage;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violation;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Ui;
import app.clientdesk.time.RoundingText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/** Small pieces of wording the invoice screens share: statuses, kinds, time as h:mm, "6 days late". */
public final class InvoiceView {

    /** Fields of the rules that belong to no input on the screen: their errors go to the top of the form. */
    private static final Set<String> WHOLE_FORM = Set.of("invoice", "lines", "time", "requestKey", "expenses");

    private InvoiceView() {}

    public static String statusKey(InvoiceStatus status) {
        return "invoices.status." + status.name().toLowerCase(Locale.ROOT);
    }

    /** The badge's class: drafts grey, open ones blue, paid green, void struck through. */
    public static String statusClass(InvoiceStatus status) {
        return "status invoice-status invoice-status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static String kindKey(InvoiceKind kind) {
        return "invoices.kind." + kind.name().toLowerCase(Locale.ROOT).replace("_", "");
    }

    /** The words of each status, kind, method... (keys built here, checked by InvoiceViewTest). */
    public static String status(Ui ui, InvoiceStatus status) {
        return ui.t(statusKey(status));
    }

    public static String kind(Ui ui, InvoiceKind kind) {
        return ui.t(kindKey(kind));
    }

    /** "Invoice", "Deposit invoice", "Credit note": the heading of an invoice of this kind. */
    public static String title(Ui ui, InvoiceKind kind) {
        return ui.t("invoices.title." + kind.name().toLowerCase(Locale.ROOT).replace("_", ""));
    }

    public static String method(Ui ui, String method) {
        return ui.t("invoices.method." + method.toLowerCase(Locale.ROOT));
    }

    public static String tab(Ui ui, InvoiceQuery.Filter filter) {
        return ui.t("invoices.tab." + filter.name().toLowerCase(Locale.ROOT));
    }

    public static String grouping(Ui ui, TimeSelection.Grouping grouping) {
        return ui.t("invoices.time.group." + grouping.name().toLowerCase(Locale.ROOT));
    }

    public static String lineKind(Ui ui, LineKind kind) {
        return ui.t("invoices.lineKind." + kind.name().toLowerCase(Locale.ROOT));
    }

    /** Why a time entry cannot be picked: "noRate", "otherCurrency", "onDraft", "onThis". */
    public static String why(Ui ui, String reason, String currency) {
        return ui.t("invoices.time.why." + reason, currency);
    }

    /** Seconds of time as hours and minutes, "1:15" (negative on a credit note, "-1:15"). */
    public static String hours(long seconds) {
        return (seconds < 0 ? "-" : "") + RoundingText.duration(Math.abs(seconds) / 60 * 60);
    }

    /** A line's quantity as the reader reads it: time as h:mm, anything else as a number in their locale. */
    public static String quantity(Ui ui, InvoiceLine line) {
        if (line.seconds() != null) {
            return hours(line.seconds());
        }
        return ui.number(line.quantity().stripTrailingZeros());
    }

    /** A percentage in the reader's locale without needless zeros: "20", "5,5". */
    public static String percent(Ui ui, BigDecimal percent) {
        return ui.number(percent.stripTrailingZeros());
    }

    /** "6 days late" for an open invoice due before {@code today}; empty otherwise. */
    public static String late(Ui ui, @Nullable LocalDate due, LocalDate today) {
        if (due == null || !due.isBefore(today)) {
            return "";
        }
        return ui.plural("invoices.late", ChronoUnit.DAYS.between(due, today));
    }

    /** The line of {@code invoice} a form row keeps, if the row names one. */
    public static @Nullable InvoiceLine line(@Nullable Invoice invoice, @Nullable String id) {
        if (invoice == null || id == null || id.isBlank()) {
            return null;
        }
        return invoice.lines().stream().filter(l -> l.id().toString().equals(id.strip())).findFirst().orElse(null);
    }

    /** A line of the history in the reader's words: "Issued as INV-2026-0001", "Payment 120.00 GBP". */
    /**
     * An event of the history; one that put an email in the outbox (sent, reminder) says what became of it, from
     * the message's state: waiting (and why), sent, or failed.
     */
    public static String event(Ui ui, InvoiceHistory.Event event, java.util.List<OutboxMessage> mails,
            boolean mailConfigured) {
        OutboxMessage message = event.message() == null ? null
                : mails.stream().filter(m -> m.id().equals(event.message())).findFirst().orElse(null);
        if (message == null) {
            return event(ui, event);
        }
        String base = "invoices.event." + event.kind().toLowerCase(Locale.ROOT) + ".";
        String to = event.detail() == null ? "" : event.detail();
        return switch (message.status()) {
            case SENT -> ui.t(base + "sent", to, ui.dateTime(message.sentAt()));
            case FAILED -> ui.t(base + "failed", to, message.attempts(), String.valueOf(message.lastError()));
            case WAITING -> !mailConfigured ? ui.t(base + "notSetUp", to)
                    : message.retrying() ? ui.t(base + "retrying", to, String.valueOf(message.lastError()),
                            ui.dateTime(message.nextAttemptAt()))
                    : ui.t(base + "waiting", to);
        };
    }

    public static String event(Ui ui, InvoiceHistory.Event event) {
        String key = "invoices.event." + event.kind().toLowerCase(Locale.ROOT);
        String text = ui.t(key, event.detail() == null ? "" : event.detail());
        return text.equals(key) ? event.kind() + (event.detail() == null ? "" : " " + event.detail()) : text;
    }

    /** The rules' errors, translated, with those about the whole invoice shown above the form. */
    static FieldErrors errors(InvalidInputException e, MessageSource messages, Locale locale) {
        return FieldErrors.of(e.violations().stream()
                .map(v -> WHOLE_FORM.contains(v.field()) ? new Violation("", v.messageKey(), v.args()) : v)
                .toList(), messages, locale);
    }
}
