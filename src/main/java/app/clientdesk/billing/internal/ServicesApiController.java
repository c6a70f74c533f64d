package app.clientdesk.billing.internal;

import app.clientdesk.billing.Service;
import app.clientdesk.billing.ServiceInput;
import app.clientdesk.billing.ServiceModel;
import app.clientdesk.billing.Services;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.ApiPaging;
import app.clientdesk.shared.web.JsonFields;
import app.clientdesk.shared.web.OwnerOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import app.clientdesk.shared.web.OpenApiPatterns;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/services}: the catalogue, owner only, with the same rules as the screens. The body is read
 * field by field, so that a PATCH keeps what it leaves out and a value of the wrong type names its field.
 */
@OwnerOnly
@RestController
@RequestMapping("/api/v1/services")
@Tag(name = "Services", description = "The service catalogue: packages billed hourly, at a fixed price or as a "
        + "monthly retainer, priced per currency")
class ServicesApiController {

    private final Services services;

    ServicesApiController(Services services) {
        this.services = services;
    }

    /** What POST and PATCH accept (for the description; the body is read field by field, see {@link #input}). */
    record ServiceRequest(@Schema(example = "Inbox care") String name, @Nullable String description, @Nullable List<String> deliverables,
            @Schema(allowableValues = {"HOURLY", "FIXED", "RETAINER"}) String model,
            @Schema(example = "12:30") @Nullable String includedHours, @Nullable String taxName,
            @Schema(example = "7.5") @Nullable String taxPercent,
            @Schema(description = "At least one; on PATCH they replace all the prices") List<PriceRequest> prices) {
    }

    /** A price of a service in one currency; amounts are exact decimal strings (numbers are taken). */
    record PriceRequest(@Schema(example = "GBP") String currency,
            @Schema(pattern = OpenApiPatterns.MONEY, example = "750.00") String amount,
            @Schema(pattern = OpenApiPatterns.MONEY, example = "60") @Nullable String overageRate) {
    }

    @Operation(summary = "List services", description = "By name; archived ones too with archived=true. Like every "
            + "list: limit (1 to 200, default 50) from offset; total counts all matches, hasMore says whether more follow.")
    @GetMapping
    ServiceJson.ServicePageJson list(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(defaultValue = "false") boolean archived,
            @Parameter(description = "1 to 200, default 50") @RequestParam(required = false) @Nullable String limit,
            @Parameter(description = "0 or more, default 0") @RequestParam(required = false) @Nullable String offset) {
        Violations v = new Violations();
        ApiPaging paging = ApiPaging.read(limit, offset, v);
        v.throwIfAny();
        Services.Page page = services.page(viewer, archived, paging.limit(), paging.offset());
        return new ServiceJson.ServicePageJson(page.services().stream().map(ServiceJson::of).toList(), page.total(),
                paging.limit(), paging.offset(), page.more());
    }

    @Operation(summary = "Read a service", description = "404 for an id of no service of the caller's workspace.")
    @GetMapping("/{serviceId}")
    ServiceJson read(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID serviceId) {
        return ServiceJson.of(services.get(viewer, serviceId));
    }

    @Operation(summary = "Create a service", description = "name, model (HOURLY, FIXED, RETAINER) and at least one "
            + "price {currency, amount, overageRate?} are required; a retainer needs includedHours (\"20\", \"12.5\" "
            + "or \"12:30\"). Amounts are strings (numbers are taken) with no more decimals than the currency has.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = ServiceRequest.class))))
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<ServiceJson> create(@AuthenticationPrincipal CurrentUser viewer, @RequestBody JsonNode body) {
        Service created = services.create(viewer, input(body, null));
        return ResponseEntity.created(URI.create("/api/v1/services/" + created.id())).body(ServiceJson.of(created));
    }

    @Operation(summary = "Change a service", description = "Fields left out stay as they are; prices, when sent, "
            + "replace all the prices. A field sent as null is cleared.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = ServiceRequest.class))))
    @PatchMapping("/{serviceId}")
    ServiceJson update(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID serviceId,
            @RequestBody JsonNode body) {
        Service existing = services.get(viewer, serviceId);
        return ServiceJson.of(services.update(viewer, serviceId, input(body, existing)));
    }

    @Operation(summary = "Archive a service", description = "The service and its prices stay (what uses it goes on); "
            + "it leaves the catalogue. Restore it from the screens.")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    @DeleteMapping("/{serviceId}")
    ResponseEntity<Void> archive(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID serviceId) {
        services.archive(viewer, serviceId);
        return ResponseEntity.noContent().build();
    }

    static ServiceInput input(@Nullable JsonNode body, @Nullable Service old) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("", "services.api.object");
        }
        Violations v = new Violations();
        String name = pick(JsonFields.text(body, "name", v), old == null ? null : old.name());
        String description = pick(JsonFields.text(body, "description", v), old == null ? null : old.description());
        String deliverables = pick(lines(body, v), old == null ? null : String.join("\n", old.deliverables()));
        String model = pick(JsonFields.text(body, "model", v), old == null ? null : old.model().name());
        boolean retainer = ServiceModel.RETAINER.name().equals(model == null ? "" : model.strip().toUpperCase(Locale.ROOT));
        // A service that stops being a retainer loses what only a retainer has, unless the caller sends it anew.
        String included = pick(JsonFields.number(body, "includedHours", v),
                old == null || !retainer || old.includedMinutes() == null ? null : ServiceInput.hours(old.includedMinutes()));
        String taxName = pick(JsonFields.text(body, "taxName", v), old == null || old.tax() == null ? null : old.tax().name());
        String taxPercent = pick(JsonFields.number(body, "taxPercent", v),
                old == null || old.tax() == null ? null : old.tax().percent().toPlainString());
        List<ServiceInput.Price> prices = prices(body, v);
        if (prices == null) {
            prices = old == null ? List.of() : old.prices().stream()
                    .map(p -> new ServiceInput.Price(p.currency().getCurrencyCode(), p.amount().plain(),
                            retainer && p.overageRate() != null ? p.overageRate().plain() : null))
                    .toList();
        }
        v.throwIfAny();
        return new ServiceInput(name, description, deliverables, model, included, taxName, taxPercent, prices);
    }

    private static @Nullable List<ServiceInput.Price> prices(JsonNode body, Violations v) {
        JsonNode node = body.get("prices");
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            v.add("prices", "services.api.prices");
            return List.of();
        }
        List<ServiceInput.Price> prices = new ArrayList<>();
        int i = 0;
        for (JsonNode p : node.values()) {
            if (!p.isObject()) {
                v.add("prices[" + i + "]", "services.api.prices");
                prices.add(new ServiceInput.Price(null, null, null));
            } else {
                prices.add(new ServiceInput.Price(JsonFields.text(p, "currency", "prices[" + i + "].currency", v),
                        JsonFields.number(p, "amount", "prices[" + i + "].amount", v),
                        JsonFields.number(p, "overageRate", "prices[" + i + "].overageRate", v)));
            }
            i++;
        }
        return prices;
    }

    /** Deliverables as a list of strings (or one string, a deliverable a line). */
    private static @Nullable String lines(JsonNode body, Violations v) {
        JsonNode node = body.get("deliverables");
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return "";
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isArray()) {
            List<String> lines = new ArrayList<>();
            for (JsonNode line : node.values()) {
                if (!line.isString()) {
                    v.add("deliverables", "services.api.deliverables");
                    return null;
                }
                lines.add(line.stringValue().replace('\n', ' '));
            }
            return String.join("\n", lines);
        }
        v.add("deliverables", "services.api.deliverables");
        return null;
    }

    private static @Nullable String pick(@Nullable String given, @Nullable String old) {
        return given != null ? given : old;
    }
}
