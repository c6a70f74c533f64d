package app.clientdesk.work.internal;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;

import app.clientdesk.work.Project;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A project as every route answers it. {@code budgetHours} is a number of hours; {@code budgetAmount} a decimal string, exact to the currency's minor units, in {@code budgetCurrency} (the client's); both are left out when there is none, and for a caller who sees no money (a member). The API's other shapes of a project are nested here.
 */
record ProjectJson(UUID id, UUID clientId, String clientName, String name,
            @Schema(allowableValues = {"PLANNED", "ACTIVE", "ON_HOLD", "DONE", "CANCELLED"}) String status, @Nullable LocalDate startDate,
            @Nullable LocalDate dueDate, @Nullable BigDecimal budgetHours,
            @JsonInclude(NON_NULL) @Nullable String budgetAmount,
            @JsonInclude(NON_NULL) @Nullable String budgetCurrency, UUID workflowId, String workflowName, int openTasks, int doneTasks,
            Instant createdAt, Instant updatedAt) {

    static ProjectJson of(Project p) {
        return new ProjectJson(p.id().value(), p.clientId().value(), p.clientName(), p.name(), p.status().name(),
                p.startDate(), p.dueDate(), hours(p.budgetMinutes()),
                p.budgetAmount() == null ? null : p.budgetAmount().toPlainString(),
                p.budgetAmount() == null || p.budgetCurrency() == null ? null
                        : p.budgetCurrency().getCurrencyCode(),
                p.workflowId().value(), p.workflowName(), p.openTasks(), p.doneTasks(), p.createdAt(),
                p.updatedAt());
    }

    /**
     * What {@code POST} and {@code PATCH} accept. In a PATCH an absent (null) field stays as it is and an
     * empty string clears it. Numbers may come as JSON numbers or as decimal strings.
     */
    /** A page of projects, as every list of the API: the items, all matches counted, and whether more follow. */
    record ProjectPageJson(List<ProjectJson> items, long total, int limit, int offset, boolean hasMore) {
    }

    record ProjectRequest(@Nullable String clientId, @Nullable String name, @Nullable String status,
            @Nullable String startDate, @Nullable String dueDate, @Nullable String budgetHours,
            @Nullable String budgetAmount, @Nullable String workflowId) {
    }

    static @Nullable BigDecimal hours(@Nullable Integer minutes) {
        if (minutes == null) {
            return null;
        }
        BigDecimal exact = BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return exact.scale() < 0 ? exact.setScale(0) : exact;
    }
}
