package app.clientdesk.clients.internal;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.ClientPage;
import app.clientdesk.clients.ClientQuery;
import app.clientdesk.clients.ClientStatus;
import app.clientdesk.clients.Clients;
import app.clientdesk.clients.Contact;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.ApiPaging;
import app.clientdesk.shared.web.OwnerOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import app.clientdesk.shared.validation.Violations;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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

/** {@code /api/v1/clients}: the same rules as the screens, answered in JSON. */
@RestController
@RequestMapping("/api/v1/clients")
@Tag(name = "Clients", description = "The clients of the workspace, with contacts and business hours")
class ClientsApiController {

    private final Clients clients;
    private final Clock clock;

    ClientsApiController(Clients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    @Operation(summary = "List clients", description = "Search by name or contact, filter by status; archived "
            + "clients only with archived=true. A member sees only the clients assigned to them. Paged as every "
            + "list: limit (1 to 200, default 50) from offset; total counts all matches, hasMore says whether more follow.")
    @GetMapping
    ClientJson.ClientPageJson list(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(defaultValue = "") String q,
            @Parameter(description = "LEAD, ONBOARDING, ACTIVE, PAUSED or ENDED") @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "false") boolean archived,
            @Parameter(description = "1 to 200, default 50") @RequestParam(required = false) @Nullable String limit,
            @Parameter(description = "0 or more, default 0") @RequestParam(required = false) @Nullable String offset) {
        Violations v = new Violations();
        ClientStatus filter = null;
        if (status != null && !status.isBlank()) {
            filter = Arrays.stream(ClientStatus.values()).filter(s -> s.name().equalsIgnoreCase(status.trim()))
                    .findFirst().orElse(null);
            if (filter == null) {
                v.add("status", "validation.choice");
            }
        }
        ApiPaging paging = ApiPaging.read(limit, offset, v);
        v.throwIfAny();
        ClientPage result = clients.search(viewer,
                ClientQuery.slice(q, filter, archived, paging.offset(), paging.limit()));
        return new ClientJson.ClientPageJson(
                result.clients().stream().map(c -> ClientJson.ClientSummaryJson.of(c, clock)).toList(),
                result.total(), paging.limit(), paging.offset(), paging.hasMore(result.total(), result.clients().size()));
    }

    @Operation(summary = "Read a client", description = "404 for an unknown id or one the caller may not see.")
    @GetMapping("/{clientId}")
    ClientJson read(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID clientId) {
        return ClientJson.of(clients.get(viewer, new ClientId(clientId)), clock);
    }

    @Operation(summary = "Create a client", description = "Owner only. name, timeZone and currency are required.")
    @OwnerOnly
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<ClientJson> create(@AuthenticationPrincipal CurrentUser viewer,
            @RequestBody ClientJson.ClientRequest body) {
        ClientId id = clients.create(viewer, input(body, null));
        Client client = clients.get(viewer, id);
        return ResponseEntity.created(URI.create("/api/v1/clients/" + id)).body(ClientJson.of(client, clock));
    }

    @Operation(summary = "Change a client", description = "Owner only. Fields left out stay as they are; "
            + "contacts, businessHours and memberIds, when given, replace the whole list.")
    @OwnerOnly
    @PatchMapping("/{clientId}")
    ClientJson update(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID clientId,
            @RequestBody ClientJson.ClientRequest body) {
        Client existing = clients.get(viewer, new ClientId(clientId));
        return ClientJson.of(clients.update(viewer, existing.id(), input(body, existing)), clock);
    }

    @Operation(summary = "Archive a client", description = "Owner only. The client stays, hidden from the list; "
            + "restore it from the screens.")
    @OwnerOnly
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    @DeleteMapping("/{clientId}")
    ResponseEntity<Void> archive(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID clientId) {
        clients.archive(viewer, new ClientId(clientId));
        return ResponseEntity.noContent().build();
    }

    private static ClientInput input(ClientJson.ClientRequest b, @Nullable Client old) {
        List<ClientInput.Day> days = b.businessHours() != null
                ? b.businessHours().stream().map(d -> d == null ? new ClientInput.Day(null, null, null)
                        : new ClientInput.Day(d.day(), d.start(), d.end())).toList()
                : old != null ? ClientJson.days(old.businessHours()).stream()
                        .map(d -> new ClientInput.Day(d.day(), d.start(), d.end())).toList()
                : app.clientdesk.clients.BusinessHours.weekdays9to5().days().entrySet().stream()
                        .map(e -> new ClientInput.Day(e.getKey().name(), e.getValue().opens().toString(),
                                e.getValue().closes().toString())).toList();
        List<ClientInput.ContactInput> contacts = new ArrayList<>();
        if (b.contacts() != null) {
            for (ClientJson.ContactRequest c : b.contacts()) {
                if (c != null) {
                    contacts.add(new ClientInput.ContactInput(c.id(), c.name(), c.email(), c.phone(), c.role(),
                            Boolean.TRUE.equals(c.primary())));
                }
            }
        } else if (old != null) {
            for (Contact c : old.contacts()) {
                contacts.add(new ClientInput.ContactInput(c.id(), c.name(), c.email(), c.phone(), c.role(), c.primary()));
            }
        }
        ClientJson.ChannelsJson ch = b.channels() == null ? new ClientJson.ChannelsJson(null, null, null, null) : b.channels();
        return new ClientInput(
                pick(b.name(), old == null ? null : old.name()),
                pick(b.status(), old == null ? null : old.status().name()),
                pick(b.timeZone(), old == null ? null : old.zone().getId()),
                pick(b.currency(), old == null ? null : old.currency().getCurrencyCode()),
                pick(b.locale(), old == null ? null : old.locale()),
                pick(b.country(), old == null ? null : old.country()),
                pick(b.website(), old == null ? null : old.website()),
                pick(b.billingAddress(), old == null ? null : old.billingAddress()),
                pick(b.taxId(), old == null ? null : old.taxId()),
                days,
                responseHours(b.responseTimeHours(), old),
                pick(ch.formalRequest(), old == null ? null : old.channels().formalRequest().name()),
                pick(ch.quickQuestion(), old == null ? null : old.channels().quickQuestion().name()),
                pick(ch.meeting(), old == null ? null : old.channels().meeting().name()),
                pick(ch.report(), old == null ? null : old.channels().report().name()),
                pick(b.culturalNotes(), old == null ? null : old.culturalNotes()),
                pick(b.notes(), old == null ? null : old.notes()),
                contacts,
                b.memberIds() == null ? null : b.memberIds().stream().filter(Objects::nonNull).toList());
    }

    /**
     * Sent hours as text; sent null as empty (no commitment); left out: in a PATCH the client's own (empty if none),
     * in a POST null (the usual 24).
     */
    private static @Nullable String responseHours(ClientJson.@Nullable Commitment given, @Nullable Client old) {
        if (given != null) {
            return given.hours() == null ? "" : given.hours().toString();
        }
        if (old == null) {
            return null;
        }
        return old.responseTimeHours() == null ? "" : old.responseTimeHours().toString();
    }

    private static @Nullable String pick(@Nullable String given, @Nullable String old) {
        return given != null ? given : old;
    }
}
