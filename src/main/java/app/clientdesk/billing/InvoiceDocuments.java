package app.clientdesk.billing;

import app.clientdesk.billing.InvoiceDocument.Columns;
import app.clientdesk.billing.InvoiceDocument.Field;
import app.clientdesk.billing.InvoiceMath.TaxMode;
import app.clientdesk.clients.Client;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.shared.money.Money;
import app.clientdesk.shared.web.NotFoundException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the document of an invoice: the business (name, details, logo), the client (name, contact, billing
 * address, tax id), the lines and totals as the money rule computed them, payment instructions, notes and terms,
 * all in the invoice's language (the client's, fixed on the invoice) and formatted for it. Amounts are the stored
 * ones: nothing is recomputed except the line amounts before the invoice's discount, and the discount row is the
 * difference, so the printed figures always add up.
 */
@Service
public class InvoiceDocuments {

    private static final String[] LABELS = {"billTo", "from", "description", "quantity", "unitPrice", "discount",
        "tax", "amount", "payment", "notes", "terms", "page", "of", "taxId", "print", "download", "back"};

    private final Invoices invoices;
    private final BillingSettingsStore settings;
    private final Clients clients;
    private final Workspaces workspaces;
    private final MessageSource messages;

    InvoiceDocuments(Invoices invoices, BillingSettingsStore settings, Clients clients, Workspaces workspaces,
            MessageSource messages) {
        this.invoices = invoices;
        this.settings = settings;
        this.clients = clients;
        this.workspaces = workspaces;
        this.messages = messages;
    }

    /** The document of one of the owner's invoices. */
    @Transactional(readOnly = true)
    public InvoiceDocument document(CurrentUser viewer, InvoiceId id) {
        viewer.requireOwner();
        return document(viewer.workspaceId(), id, c -> true);
    }

    /**
     * The document of an invoice of the workspace, for work without a person. {@code printable} says which
     * characters the output can show: a currency symbol it cannot is replaced by the currency's code.
     */
    @Transactional(readOnly = true)
    public InvoiceDocument document(WorkspaceId workspace, InvoiceId id, IntPredicate printable) {
        Invoice invoice = invoices.find(workspace, id).orElseThrow(() -> new NotFoundException("invoice"));
        Client client = clients.find(workspace, invoice.clientId()).orElse(null);
        BillingSettings s = settings.get(workspace);
        String logo = s.hasLogo() ? settings.logo(workspace)
                .map(l -> "data:" + l.type() + ";base64," + Base64.getEncoder().encodeToString(l.bytes()))
                .orElse(null) : null;
        return build(invoice, client, workspaces.settings(workspace).name(), s, logo, printable);
    }

    InvoiceDocument build(Invoice invoice, @Nullable Client client, String workspaceName, BillingSettings s,
            @Nullable String logo, IntPredicate printable) {
        Locale locale = Locale.forLanguageTag(invoice.language());
        Texts t = new Texts(messages, locale);
        Formats f = new Formats(locale, printable);

        String title = t.get(switch (invoice.kind()) {
            case INVOICE -> "title.invoice";
            case DEPOSIT -> "title.deposit";
            case CREDIT_NOTE -> "title.creditNote";
        });
        String mark = invoice.draft() ? t.get("mark.draft")
                : invoice.status() == InvoiceStatus.VOID ? t.get("mark.void") : null;
        String fileName = (invoice.number() != null ? invoice.number()
                : "draft-" + invoice.id().value().toString().substring(0, 8)) + ".pdf";

        List<Field> meta = new ArrayList<>();
        meta.add(new Field(t.get("number"), invoice.number() != null ? invoice.number() : t.get("mark.draft"), true));
        if (invoice.issueDate() != null) {
            meta.add(new Field(t.get("issueDate"), f.date(invoice.issueDate()), false));
        }
        if (invoice.kind() == InvoiceKind.CREDIT_NOTE) {
            if (invoice.creditForNumber() != null) {
                meta.add(new Field(t.get("creditFor"), invoice.creditForNumber(), false));
            }
        } else if (invoice.dueDate() != null) {
            meta.add(new Field(t.get("dueDate"), f.date(invoice.dueDate()), false));
        } else {
            meta.add(new Field(t.get("paymentTerms"), t.get("netDays", invoice.netDays()), false));
        }
        if (invoice.status() == InvoiceStatus.VOID && invoice.creditedByNumber() != null) {
            meta.add(new Field(t.get("voidedBy"), invoice.creditedByNumber(), false));
        }

        List<String> clientLines = new ArrayList<>();
        String clientName = invoice.clientName();
        if (client != null) {
            client.primaryContact().ifPresent(c -> clientLines.add(t.get("attention", c.name())));
            clientLines.addAll(lines(client.billingAddress()));
            if (client.taxId() != null && !client.taxId().isBlank()) {
                clientLines.add(t.get("taxId") + ": " + client.taxId().strip());
            }
        }

        boolean discountColumn = invoice.lines().stream().anyMatch(l -> l.discountPercent().signum() != 0);
        boolean taxColumn = invoice.lines().stream().anyMatch(l -> !l.taxRate().isNone());
        List<InvoiceDocument.Line> lines = new ArrayList<>();
        Money listed = Money.zero(invoice.currency());
        for (InvoiceLine line : invoice.lines()) {
            Money amount = lineAmount(line, invoice.taxMode());
            listed = listed.plus(amount);
            String quantity = line.seconds() != null ? hours(line.seconds()) + " " + t.get("hours")
                    : f.number(line.quantity()) + (line.hours() ? " " + t.get("hours") : "");
            lines.add(new InvoiceDocument.Line(line.description(), blankToNull(line.detail()), quantity,
                    f.money(line.unitPrice()), line.discountPercent().signum() == 0 ? ""
                    : f.percent(line.discountPercent()),
                    line.taxRate().isNone() ? "" : taxName(line.taxRate(), f), f.money(amount),
                    line.kind().name().toLowerCase(Locale.ROOT)));
        }

        List<Field> totals = new ArrayList<>();
        // What the lines sum to after the invoice's discount: nets when tax is added, gross when prices hold it.
        Money afterDiscount = invoice.taxMode() == TaxMode.EXCLUSIVE ? invoice.subtotal() : invoice.total();
        Money discount = new Money(listed.amount().subtract(afterDiscount.amount()), invoice.currency());
        boolean showDiscount = !discount.isZero();
        if (showDiscount) {
            totals.add(new Field(t.get("linesTotal"), f.money(listed), false));
            String label = invoice.discountPercent().signum() != 0
                    ? t.get("invoiceDiscount", f.percent(invoice.discountPercent())) : t.get("discount");
            totals.add(new Field(label, f.money(negate(discount)), false));
        }
        if (invoice.taxMode() == TaxMode.EXCLUSIVE) {
            if (!invoice.taxes().isEmpty() || !showDiscount) {
                totals.add(new Field(t.get("subtotal"), f.money(invoice.subtotal()), false));
            }
            invoice.taxes().forEach((rate, amount) ->
                    totals.add(new Field(taxName(rate, f), f.money(amount), false)));
            totals.add(new Field(t.get(invoice.kind() == InvoiceKind.CREDIT_NOTE ? "totalCredit" : "total"),
                    f.money(invoice.total()), true));
        } else {
            totals.add(new Field(t.get(invoice.kind() == InvoiceKind.CREDIT_NOTE ? "totalCredit" : "total"),
                    f.money(invoice.total()), true));
            invoice.taxes().forEach((rate, amount) ->
                    totals.add(new Field(t.get("includesTax", taxName(rate, f)), f.money(amount), false)));
            if (!invoice.taxes().isEmpty()) {
                totals.add(new Field(t.get("totalExclTax"), f.money(invoice.subtotal()), false));
            }
        }
        // What was paid and what is left, once anything was paid: the client sees where the invoice stands.
        if (invoice.kind() != InvoiceKind.CREDIT_NOTE && !invoice.draft() && invoice.status() != InvoiceStatus.VOID
                && invoice.amountPaid().amount().signum() != 0) {
            Money paid = invoice.amountPaid().amount().compareTo(invoice.total().amount()) > 0 ? invoice.total()
                    : invoice.amountPaid();
            totals.add(new Field(t.get("paid"), f.money(negate(paid)), false));
            totals.add(new Field(t.get("balanceDue"),
                    f.money(new Money(invoice.total().amount().subtract(paid.amount()), invoice.currency())), true));
        }

        Field baseTotal = null;
        Money base = invoice.baseTotal();
        if (s.showBaseTotal() && base != null && invoice.baseRate() != null
                && !base.currency().equals(invoice.currency())) {
            String when = invoice.baseRateDay() != null ? f.date(invoice.baseRateDay()) : "";
            baseTotal = new Field(t.get("baseTotal", base.currency().getCurrencyCode(),
                    f.rate(invoice.baseRate()), when), f.money(base), false);
        }

        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : LABELS) {
            labels.put(key, t.get(key));
        }
        return new InvoiceDocument(locale.toLanguageTag(), title, invoice.number(), mark, fileName, logo,
                t.get("logo", workspaceName), workspaceName, businessLines(workspaceName, s.businessDetails()),
                clientName, clientLines, meta,
                new Columns(discountColumn, taxColumn), lines, totals, baseTotal,
                invoice.kind() == InvoiceKind.CREDIT_NOTE ? List.of() : lines(s.paymentInstructions()),
                lines(invoice.notes()), lines(invoice.terms()), labels);
    }

    /** A line's amount before the invoice's discount: quantity × price less the line's own discount. */
    private static Money lineAmount(InvoiceLine line, TaxMode mode) {
        InvoiceMath.Line math = line.seconds() != null
                ? InvoiceMath.Line.time(line.seconds(), line.unitPrice(), line.discountPercent(), line.taxRate())
                : new InvoiceMath.Line(line.quantity(), line.unitPrice(), line.discountPercent(), line.taxRate());
        InvoiceMath.LineAmounts a = InvoiceMath.line(math, mode);
        return mode == TaxMode.EXCLUSIVE ? a.net() : a.gross();
    }

    private static Money negate(Money m) {
        return new Money(m.amount().negate(), m.currency());
    }

    private static String taxName(TaxRate rate, Formats f) {
        return rate.name() + " " + f.percent(rate.percent());
    }

    /** Whole hours and minutes, such as "1:45" or "12:05"; the seconds as billed. */
    static String hours(long seconds) {
        long minutes = Math.abs(seconds) / 60;
        return (seconds < 0 ? "-" : "") + minutes / 60 + ":" + "%02d".formatted(minutes % 60);
    }

    static List<String> lines(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String line : text.strip().split("\\R")) {
            out.add(line.stripTrailing());
        }
        return out;
    }

    /**
     * The business details as printed under the business name: a first line that repeats the name (a common way
     * to fill the field in) is left out, so the name is printed once.
     */
    static List<String> businessLines(String name, @Nullable String details) {
        List<String> lines = lines(details);
        if (!lines.isEmpty() && same(lines.get(0), name)) {
            return lines.subList(1, lines.size());
        }
        return lines;
    }

    private static boolean same(String a, String b) {
        return java.text.Normalizer.normalize(a.strip(), java.text.Normalizer.Form.NFC)
                .equalsIgnoreCase(java.text.Normalizer.normalize(b.strip(), java.text.Normalizer.Form.NFC));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The document's texts, {@code documents.doc.*}, in the invoice's language. */
    private record Texts(MessageSource messages, Locale locale) {
        String get(String key, Object... args) {
            return messages.getMessage("documents.doc." + key, args, locale);
        }
    }

    /** Numbers, money, percentages and dates as the invoice's locale writes them. */
    static final class Formats {

        private final Locale locale;
        private final IntPredicate printable;
        private final Map<Currency, NumberFormat> money = new LinkedHashMap<>();
        private final NumberFormat number;
        private final DateTimeFormatter dates;

        Formats(Locale locale, IntPredicate printable) {
            this.locale = locale;
            this.printable = printable;
            this.number = NumberFormat.getNumberInstance(locale);
            number.setMaximumFractionDigits(4);
            this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        }

        String money(Money m) {
            return money.computeIfAbsent(m.currency(), this::moneyFormat).format(m.amount());
        }

        private NumberFormat moneyFormat(Currency currency) {
            NumberFormat format = Money.formatter(currency, locale);
            if (format instanceof DecimalFormat decimal) {
                DecimalFormatSymbols symbols = decimal.getDecimalFormatSymbols();
                if (!symbols.getCurrencySymbol().codePoints().allMatch(printable)) {
                    // The font has no glyph for this symbol (₹ in some): the ISO code is never wrong.
                    symbols.setCurrencySymbol(currency.getCurrencyCode());
                    decimal.setDecimalFormatSymbols(symbols);
                }
                // A symbol made of letters ("BHD", "CHF") is kept apart from the digits, as CLDR's spacing rule says.
                decimal.setPositivePrefix(spaced(decimal.getPositivePrefix()));
                decimal.setNegativePrefix(spaced(decimal.getNegativePrefix()));
            }
            return format;
        }

        private static String spaced(String prefix) {
            return !prefix.isEmpty() && Character.isLetter(prefix.charAt(prefix.length() - 1)) ? prefix + "\u00a0"
                    : prefix;
        }

        String number(BigDecimal n) {
            return number.format(n);
        }

        String percent(BigDecimal p) {
            return number.format(p) + "%";
        }

        String rate(BigDecimal r) {
            NumberFormat f = NumberFormat.getNumberInstance(locale);
            f.setMaximumFractionDigits(8);
            return f.format(r);
        }

        String date(LocalDate d) {
            return dates.format(d);
        }
    }
}
