package app.clientdesk.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.billing.InvoiceKind;
import app.clientdesk.billing.InvoiceQuery;
import app.clientdesk.billing.InvoiceStatus;
import app.clientdesk.billing.LineKind;
import app.clientdesk.billing.Payment;
import app.clientdesk.billing.TimeSelection;
import app.clientdesk.shared.web.Ui;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every word the invoice screens build from a status, kind, method... exists in English and Portuguese. */
class InvoiceViewTest {

    private static Ui ui(Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/invoices");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Ui(messages, locale, null, null, "_csrf", "/", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), null);
    }

    private static List<String> words(Ui ui) {
        List<String> out = new ArrayList<>();
        for (InvoiceStatus s : InvoiceStatus.values()) {
            out.add(InvoiceView.status(ui, s));
        }
        for (InvoiceKind k : InvoiceKind.values()) {
            out.add(InvoiceView.kind(ui, k));
            out.add(InvoiceView.title(ui, k));
        }
        Payment.METHODS.forEach(m -> out.add(InvoiceView.method(ui, m)));
        for (InvoiceQuery.Filter f : InvoiceQuery.Filter.values()) {
            out.add(InvoiceView.tab(ui, f));
        }
        for (TimeSelection.Grouping g : TimeSelection.Grouping.values()) {
            out.add(InvoiceView.grouping(ui, g));
        }
        for (LineKind k : LineKind.values()) {
            out.add(InvoiceView.lineKind(ui, k));
        }
        for (String reason : List.of("noRate", "otherCurrency", "onDraft", "onThis")) {
            out.add(InvoiceView.why(ui, reason, "GBP"));
        }
        return out;
    }

    @Test
    void everyBuiltKeyHasAText() {
        assertThat(words(ui(Locale.ENGLISH))).noneMatch(w -> w.startsWith("invoices."))
                .contains("Partly paid", "Credit note", "Bank transfer", "task type", "Deposit deducted");
        assertThat(words(ui(Locale.forLanguageTag("pt-BR")))).noneMatch(w -> w.startsWith("invoices."))
                .contains("Paga em parte", "Nota de crédito", "Transferência bancária", "tipo de tarefa");
    }

    @Test
    void lateness() {
        Ui en = ui(Locale.ENGLISH);
        LocalDate today = LocalDate.parse("2026-12-10");
        assertThat(InvoiceView.late(en, LocalDate.parse("2026-12-04"), today)).isEqualTo("6 days late");
        assertThat(InvoiceView.late(en, LocalDate.parse("2026-12-09"), today)).isEqualTo("1 day late");
        assertThat(InvoiceView.late(en, today, today)).as("due today is not late").isEmpty();
        assertThat(InvoiceView.hours(-4500)).isEqualTo("-1:15");
    }
}
