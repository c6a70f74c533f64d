package app.clientdesk.billing;

import app.clientdesk.billing.InvoiceMath.TaxMode;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's billing settings and logo: number patterns, default terms and tax, what invoices print (business
 * details, payment instructions, notes, terms, the base-currency total), the closed period and the reminder
 * schedule. Each bad field is a translated error; nothing is saved unless all pass.
 */
@Service
public class BillingSetup {

    /** The largest logo accepted, in bytes. */
    public static final int MAX_LOGO_BYTES = 512 * 1024;
    public static final int MAX_REMINDERS = 8;
    public static final int MIN_REMINDER_DAY = -60;
    public static final int MAX_REMINDER_DAY = 365;
    static final int MAX_DETAILS = 2000;

    private final BillingSettingsStore store;
    private final Invoices invoices;
    private final Clock clock;

    BillingSetup(BillingSettingsStore store, Invoices invoices, Clock clock) {
        this.store = store;
        this.invoices = invoices;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public BillingSettings get(CurrentUser viewer) {
        viewer.requireOwner();
        return store.get(viewer.workspaceId());
    }

    /** @throws InvalidInputException listing every broken rule; nothing is saved */
    @Transactional
    /**
     * Whether two patterns could write the same number (an invoice and a credit note must never look alike):
     * they give the same text for some date and sequence. Tried on dates of several years and months and on
     * sequences of several widths, which is where patterns differ.
     */
    static boolean couldCollide(InvoiceNumberPattern a, InvoiceNumberPattern b) {
        for (LocalDate day : List.of(LocalDate.of(2026, 1, 5), LocalDate.of(2027, 11, 30), LocalDate.of(2031, 7, 1))) {
            for (long seq : new long[] {1, 7, 42, 123, 9999, 123456}) {
                for (long other : new long[] {1, 7, 42, 123, 9999, 123456}) {
                    if (a.format(day, seq).equals(b.format(day, other))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    public BillingSettings save(CurrentUser viewer, BillingSettingsInput input) {
        viewer.requireOwner();
        WorkspaceId ws = viewer.workspaceId();
        BillingSettings current = store.get(ws);
        Violations v = new Violations();
        Optional<InvoiceNumberPattern> invoice = pattern(input.invoicePattern(), "invoicePattern", v);
        Optional<InvoiceNumberPattern> credit = pattern(input.creditNotePattern(), "creditNotePattern", v);
        if (invoice.isPresent() && credit.isPresent() && couldCollide(invoice.get(), credit.get())) {
            v.add("creditNotePattern", "documents.settings.pattern.same");
        }
        Integer net = InvoiceRules.netDays(input.netDays() == null ? "" : input.netDays(), "netDays", v);
        TaxRate tax = InvoiceRules.tax(input.taxName(), input.taxPercent(), "", v);
        TaxMode mode = Arrays.stream(TaxMode.values()).filter(m -> m.name().equals(input.taxMode())).findFirst()
                .orElse(null);
        if (mode == null) {
            v.add("taxMode", "billing.taxMode.invalid");
        }
        String details = InvoiceRules.text(input.businessDetails(), "businessDetails", MAX_DETAILS, v);
        String payment = InvoiceRules.text(input.paymentInstructions(), "paymentInstructions", InvoiceRules.MAX_TEXT, v);
        String notes = InvoiceRules.text(input.defaultNotes(), "defaultNotes", InvoiceRules.MAX_TEXT, v);
        String terms = InvoiceRules.text(input.defaultTerms(), "defaultTerms", InvoiceRules.MAX_TEXT, v);
        LocalDate closed = closedThrough(input.closedThrough(), invoices.today(ws), v);
        List<Integer> days = reminderDays(input.reminderDays(), v);
        v.throwIfAny();
        BillingSettings saved = new BillingSettings(invoice.orElseThrow(), credit.orElseThrow(), net, mode, tax,
                details, payment, notes, terms, input.showBaseTotal(), closed, days, current.hasLogo());
        store.save(ws, saved, clock.instant());
        return store.get(ws);
    }

    /** A logo of the workspace, as uploaded. */
    public record Logo(byte[] bytes, String mediaType) {
    }

    @Transactional(readOnly = true)
    public Optional<Logo> logo(CurrentUser viewer) {
        viewer.requireOwner();
        return store.logo(viewer.workspaceId()).map(l -> new Logo(l.bytes(), l.type()));
    }

    /**
     * Replaces the logo with a PNG or JPEG image of at most {@link #MAX_LOGO_BYTES}, judged by its bytes (not by
     * its name or the type the browser claims).
     *
     * @throws InvalidInputException on field {@code logo} when it is empty, too large or not a PNG or JPEG
     */
    @Transactional
    public void uploadLogo(CurrentUser viewer, byte @Nullable [] bytes) {
        viewer.requireOwner();
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of("logo", "documents.logo.required");
        }
        if (bytes.length > MAX_LOGO_BYTES) {
            throw InvalidInputException.of("logo", "documents.logo.tooLarge", MAX_LOGO_BYTES / 1024);
        }
        String type = mediaType(bytes);
        if (type == null) {
            throw InvalidInputException.of("logo", "documents.logo.type");
        }
        store.logo(viewer.workspaceId(), bytes, type, clock.instant());
    }

    @Transactional
    public void deleteLogo(CurrentUser viewer) {
        viewer.requireOwner();
        store.logo(viewer.workspaceId(), null, null, clock.instant());
    }

    /** "image/png" or "image/jpeg" by the file's signature, else null. */
    static @Nullable String mediaType(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0d
                && b[5] == 0x0a && b[6] == 0x1a && b[7] == 0x0a) {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        return null;
    }

    private static Optional<InvoiceNumberPattern> pattern(@Nullable String text, String field, Violations v) {
        Optional<InvoiceNumberPattern> p = InvoiceNumberPattern.parse(text == null ? "" : text);
        if (p.isEmpty()) {
            v.add(field, "documents.settings.pattern.invalid");
        }
        return p;
    }

    private static @Nullable LocalDate closedThrough(@Nullable String text, LocalDate today, Violations v) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text.strip());
            if (day.isAfter(today)) {
                v.add("closedThrough", "documents.settings.closed.future");
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            v.add("closedThrough", "documents.settings.closed.invalid");
            return null;
        }
    }

    /** Days relative to the due date, e.g. "-3, 0, 7, 14": whole numbers in range, at most eight, sorted, once each. */
    static List<Integer> reminderDays(@Nullable String text, Violations v) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        TreeSet<Integer> days = new TreeSet<>();
        List<String> bad = new ArrayList<>();
        for (String part : text.split("[,;\\s]+")) {
            String p = part.strip().replace('\u2212', '-');
            if (p.isEmpty()) {
                continue;
            }
            if (!p.matches("[+-]?\\d{1,4}")) {
                bad.add(p);
                continue;
            }
            int day = Integer.parseInt(p);
            if (day < MIN_REMINDER_DAY || day > MAX_REMINDER_DAY) {
                bad.add(p);
                continue;
            }
            days.add(day);
        }
        if (!bad.isEmpty()) {
            v.add("reminderDays", "documents.settings.reminders.invalid", String.join(", ", bad), MIN_REMINDER_DAY,
                    MAX_REMINDER_DAY);
        } else if (days.size() > MAX_REMINDERS) {
            v.add("reminderDays", "documents.settings.reminders.tooMany", MAX_REMINDERS);
        }
        return List.copyOf(days);
    }
}
