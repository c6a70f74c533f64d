package app.clientdesk.billing.internal;

import app.clientdesk.billing.Expense;
import app.clientdesk.billing.ExpenseReceiptUpload;
import app.clientdesk.billing.Expenses;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.i18n.Currencies;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violation;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import app.clientdesk.work.Projects;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The new-expense and edit-expense form (with its receipt), and deleting an expense. */
@OwnerOnly
@Controller
class ExpenseFormController {

    private final Expenses expenses;
    private final Clients clients;
    private final Projects projects;
    private final MessageSource texts;
    private final Clock clock;

    ExpenseFormController(Expenses expenses, Clients clients, Projects projects, MessageSource texts, Clock clock) {
        this.expenses = expenses;
        this.clients = clients;
        this.projects = projects;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/billing/expenses/new")
    String newExpense(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(required = false) @Nullable String clientId, Model model) {
        viewer.requireOwner();
        clients.named(viewer, clientId);
        String today = LocalDate.now(clock.withZone(viewer.zone())).toString();
        return form(viewer, model, ExpenseForm.blank(today, clientId), null, FieldErrors.none());
    }

    @PostMapping("/billing/expenses")
    String create(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute("form") ExpenseForm form,
            @RequestParam(required = false) @Nullable MultipartFile receipt, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        viewer.requireOwner();
        try (InputStream in = open(receipt)) {
            Expense saved = expenses.create(viewer, form.toInput(), upload(receipt, in));
            Notices.flash(redirect, texts.getMessage("expenses.created", new Object[] {saved.description()},
                    viewer.locale()));
            return "redirect:/billing/expenses";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(viewer, model, form, null, errors(viewer, e.violations()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/billing/expenses/{expenseId}/edit")
    String edit(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID expenseId, Model model) {
        Expense expense = expenses.get(viewer, expenseId);
        return form(viewer, model, ExpenseForm.of(expense), expense, FieldErrors.none());
    }

    @PostMapping("/billing/expenses/{expenseId}")
    String update(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID expenseId,
            @ModelAttribute("form") ExpenseForm form, @RequestParam(required = false) @Nullable MultipartFile receipt,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Expense existing = expenses.get(viewer, expenseId);
        try (InputStream in = open(receipt)) {
            Expense saved = expenses.update(viewer, existing.id(), form.toInput(), upload(receipt, in),
                    form.removesReceipt());
            Notices.flash(redirect, texts.getMessage("expenses.saved", new Object[] {saved.description()},
                    viewer.locale()));
            return "redirect:/billing/expenses";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(viewer, model, existing.invoiced() ? ExpenseForm.of(existing) : form, existing,
                    errors(viewer, e.violations()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/billing/expenses/{expenseId}/delete")
    String delete(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID expenseId, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Expense existing = expenses.get(viewer, expenseId);
        try {
            expenses.delete(viewer, existing.id());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(viewer, model, ExpenseForm.of(existing), existing, errors(viewer, e.violations()));
        }
        Notices.flash(redirect, texts.getMessage("expenses.deleted", new Object[] {existing.description()},
                viewer.locale()));
        return "redirect:/billing/expenses";
    }

    private static @Nullable InputStream open(@Nullable MultipartFile receipt) throws IOException {
        return receipt == null || receipt.isEmpty() ? null : receipt.getInputStream();
    }

    private static @Nullable ExpenseReceiptUpload upload(@Nullable MultipartFile receipt, @Nullable InputStream in) {
        return receipt == null || in == null ? null : new ExpenseReceiptUpload(receipt.getOriginalFilename(), in);
    }

    private String form(CurrentUser viewer, Model model, ExpenseForm form, @Nullable Expense existing,
            FieldErrors errors) {
        FieldErrors shown = errors;
        if (existing != null && existing.invoiced() && !errors.any()) {
            shown = errors(viewer, List.of(existing.invoiceNumber() == null
                    ? Violation.of("", "expenses.onDraftInvoice")
                    : Violation.of("", "expenses.onInvoice", existing.invoiceNumber())));
        }
        model.addAttribute("form", form);
        model.addAttribute("expense", existing);
        model.addAttribute("errors", shown);
        model.addAttribute("clients", clients.choices(viewer));
        model.addAttribute("projects", projects.choices(viewer));
        model.addAttribute("currencies", Currencies.selectable());
        model.addAttribute("maxMegabytes", expenses.maxReceiptBytes() / (1024 * 1024));
        return "billing/expenses/form";
    }

    private FieldErrors errors(CurrentUser viewer, List<Violation> violations) {
        return FieldErrors.of(violations, texts, viewer.locale());
    }
}
