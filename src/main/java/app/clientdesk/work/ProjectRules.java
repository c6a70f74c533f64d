package app.clientdesk.work;

import app.clientdesk.clients.ClientId;
import app.clientdesk.shared.validation.Violations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** The rules of a project's fields, all checked at once. */
public final class ProjectRules {

    public record Valid(ClientId clientId, Currency currency, WorkflowId workflowId, String name, ProjectStatus status,
            @Nullable LocalDate startDate, @Nullable LocalDate dueDate, @Nullable Integer budgetMinutes,
            @Nullable BigDecimal budgetAmount) {
    }

    private ProjectRules() {}

    /**
     * @param clientCurrency the currency of a client the viewer may use, empty for any other id
     * @throws app.clientdesk.shared.validation.InvalidInputException listing every broken rule
     */
    public static Valid check(ProjectInput in, Function<ClientId, Optional<Currency>> clientCurrency,
            Predicate<WorkflowId> workflowExists, WorkflowId defaultWorkflow) {
        Violations v = new Violations();
        String name = TaskRules.text(in.name());
        if (name == null) {
            v.add("name", "validation.required");
        } else if (name.length() > 160) {
            v.add("name", "validation.tooLong", 160);
        }
        ClientId client = null;
        Currency currency = null;
        Optional<UUID> clientUuid = TaskRules.uuid(in.clientId());
        if (TaskRules.text(in.clientId()) == null) {
            v.add("clientId", "task.client.required");
        } else {
            currency = clientUuid.map(ClientId::new).flatMap(clientCurrency).orElse(null);
            if (currency == null) {
                v.add("clientId", "task.client.unknown");
            } else {
                client = new ClientId(clientUuid.get());
            }
        }
        ProjectStatus status = ProjectStatus.ACTIVE;
        if (TaskRules.text(in.status()) != null) {
            try {
                status = ProjectStatus.valueOf(in.status().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.add("status", "validation.choice");
            }
        }
        LocalDate start = null;
        if (TaskRules.text(in.startDate()) != null) {
            start = TaskRules.date(in.startDate());
            if (start == null) {
                v.add("startDate", "validation.date");
            }
        }
        LocalDate due = null;
        if (TaskRules.text(in.dueDate()) != null) {
            due = TaskRules.date(in.dueDate());
            if (due == null) {
                v.add("dueDate", "validation.date");
            } else if (start != null && due.isBefore(start)) {
                v.add("dueDate", "project.due.beforeStart");
            }
        }
        Integer minutes = null;
        if (TaskRules.text(in.budgetHours()) != null) {
            try {
                BigDecimal hours = new BigDecimal(in.budgetHours().strip().replace(',', '.'));
                BigDecimal exact = hours.multiply(BigDecimal.valueOf(60));
                if (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(100000)) > 0
                        || exact.stripTrailingZeros().scale() > 0) {
                    v.add("budgetHours", "project.budget.hours");
                } else {
                    minutes = exact.intValueExact();
                }
            } catch (NumberFormatException | ArithmeticException e) {
                v.add("budgetHours", "project.budget.hours");
            }
        }
        BigDecimal amount = null;
        if (TaskRules.text(in.budgetAmount()) != null) {
            try {
                BigDecimal value = new BigDecimal(in.budgetAmount().strip().replace(',', '.'));
                int digits = currency == null ? 2 : Math.max(0, currency.getDefaultFractionDigits());
                if (value.signum() <= 0 || value.compareTo(new BigDecimal("1000000000000")) >= 0) {
                    v.add("budgetAmount", "project.budget.amount");
                } else if (value.stripTrailingZeros().scale() > digits) {
                    v.add("budgetAmount", "project.budget.digits", digits);
                } else {
                    amount = value.setScale(digits, RoundingMode.UNNECESSARY);
                }
            } catch (NumberFormatException e) {
                v.add("budgetAmount", "project.budget.amount");
            }
        }
        WorkflowId workflow = defaultWorkflow;
        if (TaskRules.text(in.workflowId()) != null) {
            Optional<UUID> id = TaskRules.uuid(in.workflowId());
            if (id.isEmpty() || !workflowExists.test(new WorkflowId(id.get()))) {
                v.add("workflowId", "validation.choice");
            } else {
                workflow = new WorkflowId(id.get());
            }
        }
        v.throwIfAny();
        return new Valid(client, currency, workflow, name, status, start, due, minutes, amount);
    }
}
