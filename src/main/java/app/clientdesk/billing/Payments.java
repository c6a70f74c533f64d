package app.clientdesk.billing;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.api.Idempotency;
import app.clientdesk.shared.i18n.Currencies;
import app.clientdesk.shared.money.Money;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments against issued invoices: full or partial, in the invoice's currency or another at a stated rate;
 * what goes beyond the amount due becomes the client's credit, once the person confirms it. A request key (a
 * form's one-time key, or the API's Idempotency-Key) makes a double submit record one payment.
 */
@Service
public class Payments {

    private static final int RATE_DECIMALS = 10;

    private final InvoiceStore invoices;
    private final PaymentStore store;
    private final BillingSettingsStore settings;
    private final Invoices invoiceService;
    private final List<PaymentStep> steps;
    private final MessageSource messages;
    private final Clock clock;

    Payments(InvoiceStore invoices, PaymentStore store, BillingSettingsStore settings, Invoices invoiceService,
            List<PaymentStep> steps, MessageSource messages, Clock clock) {
        this.invoices = invoices;
        this.store = store;
        this.settings = settings;
        this.invoiceService = invoiceService;
        this.steps = steps;
        this.messages = messages;
        this.clock = clock;
    }

    /** Something else done in the transaction that records a payment (the base-currency rate kept). */
    public interface PaymentStep {
        void recorded(WorkspaceId workspace, Invoice invoice, Payment payment);
    }

    @Transactional(readOnly = true)
    public List<Payment> ofInvoice(CurrentUser viewer, InvoiceId invoice) {
        viewer.requireOwner();
        return store.ofInvoice(viewer.workspaceId(), invoice.value());
    }

    /** The client's credit in each currency it has any. */
    @Transactional(readOnly = true)
    public List<Money> credit(CurrentUser viewer, app.clientdesk.clients.ClientId client) {
        viewer.requireOwner();
        return invoices.creditBalance(viewer.workspaceId(), client.value());
    }

    /**
     * Records a payment. With a {@code requestKey} seen before, returns that payment and records nothing. The
     * invoice is locked while the payment is checked and written, so two submits are served one after the other.
     */
    @Transactional
    public Payment record(CurrentUser viewer, InvoiceId id, PaymentInput input, @Nullable String requestKey) {
        return recordOnce(viewer, id, input, requestKey).payment();
    }

    /** A payment, and whether this call recorded it (false: the request key was seen, nothing new was recorded). */
    public record Recorded(Payment payment, boolean created) {
    }

    /** As {@link #record}, telling a new payment from one answered from its request key. */
    @Transactional
    public Recorded recordOnce(CurrentUser viewer, InvoiceId id, PaymentInput input, @Nullable String requestKey) {
        viewer.requireOwner();
        WorkspaceId ws = viewer.workspaceId();
        InvoiceStatus status = invoices.lock(ws, id.value()).orElseThrow(() -> new NotFoundException("invoice"));
        String key = requestKey == null || requestKey.isBlank() ? null : requestKey.strip();
        if (key != null && key.length() > 200) {
            throw InvalidInputException.of("requestKey", "billing.payment.key.invalid");
        }
        if (key != null) {
            Optional<Payment> seen = store.byRequestKey(ws, key);
            if (seen.isPresent()) {
                if (!seen.get().invoiceId().equals(id)) {
                    throw InvalidInputException.of("requestKey", "billing.payment.key.reused");
                }
                Optional<String> asked = store.requestHash(ws, key);
                if (asked.isPresent() && !asked.get().strip().equals(requestHash(id, input))) {
                    // As invoice create and issue do: one key, one request.
                    throw InvalidInputException.of("Idempotency-Key", "api.idempotency.reused");
                }
                return new Recorded(seen.get(), false);
            }
        }
        Invoice invoice = invoiceService.get(viewer, id);
        if (!status.open() || invoice.kind() == InvoiceKind.CREDIT_NOTE) {
            throw InvalidInputException.of("invoice", "billing.payment.notOpen");
        }
        Currency currency = invoice.currency();
        LocalDate today = invoiceService.today(ws);
        BillingSettings s = settings.get(ws);
        Violations v = new Violations();
        LocalDate date = today;
        if (input.date() != null && !input.date().isBlank()) {
            try {
                date = LocalDate.parse(input.date().strip());
            } catch (DateTimeParseException e) {
                v.add("date", "billing.payment.date.invalid");
            }
        }
        if (date.isAfter(today)) {
            v.add("date", "billing.payment.date.future");
        } else if (s.closed(date)) {
            v.add("date", "billing.date.closed", s.closedThrough());
        }
        String method = input.method() == null || input.method().isBlank() ? "BANK"
                : input.method().strip().toUpperCase(Locale.ROOT);
        if (!Payment.METHODS.contains(method)) {
            v.add("method", "billing.payment.method.invalid");
        }
        Currency received = currency;
        if (input.currency() != null && !input.currency().isBlank()) {
            received = Currencies.parse(input.currency().strip().toUpperCase(Locale.ROOT)).orElse(null);
            if (received == null) {
                v.add("currency", "billing.currency.unknown", input.currency().strip());
                received = currency;
            }
        }
        Money receivedAmount = null;
        if (input.amount() == null || input.amount().isBlank()) {
            v.add("amount", "billing.payment.amount.required");
        } else {
            receivedAmount = Money.parse(input.amount(), received).filter(m -> m.amount().signum() > 0).orElse(null);
            if (receivedAmount == null) {
                v.add("amount", "billing.payment.amount.invalid", received.getCurrencyCode(), Money.digits(received));
            }
        }
        BigDecimal rate = null;
        if (!received.equals(currency)) {
            if (input.rate() == null || input.rate().isBlank()) {
                v.add("rate", "billing.payment.rate.required", received.getCurrencyCode(), currency.getCurrencyCode());
            } else {
                try {
                    rate = new BigDecimal(input.rate().strip().replace(',', '.'));
                    if (rate.signum() <= 0 || rate.stripTrailingZeros().scale() > RATE_DECIMALS) {
                        v.add("rate", "billing.payment.rate.invalid");
                    }
                } catch (NumberFormatException e) {
                    v.add("rate", "billing.payment.rate.invalid");
                }
            }
        }
        Money fee = Money.zero(currency);
        if (input.fee() != null && !input.fee().isBlank()) {
            Optional<Money> parsed = Money.parse(input.fee(), currency);
            if (parsed.isEmpty()) {
                v.add("fee", "billing.payment.fee.invalid", currency.getCurrencyCode(), Money.digits(currency));
            } else {
                fee = parsed.get();
            }
        }
        String note = InvoiceRules.text(input.note(), "note", 1000, v);
        v.throwIfAny();
        Money applied = received.equals(currency) ? receivedAmount
                : new Money(receivedAmount.amount().multiply(rate).setScale(Money.digits(currency), RoundingMode.HALF_UP),
                        currency);
        if (applied.isZero()) {
            throw InvalidInputException.of("amount", "billing.payment.amount.invalid", received.getCurrencyCode(),
                    Money.digits(received));
        }
        if (fee.amount().compareTo(applied.amount()) > 0) {
            throw InvalidInputException.of("fee", "billing.payment.fee.tooLarge", applied.plain(),
                    currency.getCurrencyCode());
        }
        Money due = invoice.amountDue();
        BigDecimal over = applied.amount().subtract(due.amount());
        if (over.signum() > 0 && !input.confirmOverpayment()) {
            throw InvalidInputException.of("amount", "billing.payment.over", due.plain(), currency.getCurrencyCode(),
                    new Money(over, currency).plain());
        }
        if ("CREDIT".equals(method)) {
            BigDecimal balance = invoices.creditBalance(ws, invoice.clientId().value()).stream()
                    .filter(m -> m.currency().equals(currency)).map(Money::amount).findFirst().orElse(BigDecimal.ZERO);
            if (applied.amount().compareTo(balance) > 0 || over.signum() > 0) {
                throw InvalidInputException.of("amount", "billing.payment.credit.short", new Money(balance, currency).plain(),
                        currency.getCurrencyCode());
            }
        }
        Money settled = over.signum() > 0 ? due : applied;
        Money credit = over.signum() > 0 ? new Money(over, currency) : Money.zero(currency);
        Instant now = clock.instant();
        Payment payment = new Payment(UUID.randomUUID(), id, date, settled, credit, method, fee,
                received.equals(currency) ? null : receivedAmount, rate, null, note, now);
        try {
            store.insert(ws, payment, invoice.clientId().value(), key, viewer.id().value());
            if (key != null) {
                store.rememberRequest(ws, payment.id(), requestHash(id, input));
            }
        } catch (DuplicateKeyException e) {
            // Another transaction recorded this key first (it held no lock on this invoice): that one counts.
            throw new DuplicatePaymentException(key);
        }
        Locale locale = Locale.forLanguageTag(invoice.language());
        if ("CREDIT".equals(method)) {
            invoices.credit(ws, invoice.clientId().value(), new Money(settled.amount().negate(), currency),
                    payment.id(), id.value(), messages.getMessage("billing.credit.used",
                            new Object[] {invoice.number()}, locale), now);
        }
        if (!credit.isZero()) {
            invoices.credit(ws, invoice.clientId().value(), credit, payment.id(), id.value(),
                    messages.getMessage("billing.credit.overpaid", new Object[] {invoice.number()}, locale), now);
        }
        BigDecimal paid = invoice.amountPaid().amount().add(settled.amount());
        InvoiceStatus next = paid.compareTo(invoice.total().amount()) >= 0 ? InvoiceStatus.PAID
                : InvoiceStatus.PARTIALLY_PAID;
        invoices.paid(ws, id.value(), paid, next, now);
        invoices.event(ws, id.value(), "PAYMENT", settled.plain() + " " + currency.getCurrencyCode(),
                viewer.id().value(), now);
        Invoice after = invoiceService.get(viewer, id);
        for (PaymentStep step : steps) {
            step.recorded(ws, after, payment);
        }
        return new Recorded(payment, true);
    }

    /** What a payment request asked for, as a hash: the same key with another request is refused. */
    static String requestHash(InvoiceId id, PaymentInput input) {
        // Amounts by value: "40.00" sent as a string and 40.00 as a JSON number (read as 40.0) ask for the same.
        return Idempotency.sha256(String.join("\n", id.toString(), number(input.amount()), String.valueOf(input.currency()),
                number(input.rate()), String.valueOf(input.date()), String.valueOf(input.method()), number(input.fee()),
                String.valueOf(input.note()), Boolean.toString(input.confirmOverpayment())));
    }

    private static String number(@Nullable String text) {
        if (text == null) {
            return "null";
        }
        try {
            return new BigDecimal(text.strip().replace(',', '.')).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** The same request key was recorded by a transaction that ran at the same time; retry to read it. */
    public static final class DuplicatePaymentException extends RuntimeException {
        DuplicatePaymentException(@Nullable String key) {
            super("payment with request key " + key + " recorded concurrently");
        }
    }
}
