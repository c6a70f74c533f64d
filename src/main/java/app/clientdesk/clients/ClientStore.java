package app.clientdesk.clients;

import app.clientdesk.identity.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for clients. Every statement names the workspace; {@code visibleTo} narrows reads to the clients
 * a member is assigned to. No query runs per row: a page of clients takes a fixed number of queries.
 */
@Repository
class ClientStore {

    private final JdbcClient jdbc;

    ClientStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Restricts to a member's clients when {@code memberId} is set. */
    private static String visible(@Nullable UUID memberId) {
        return memberId == null ? ""
                : " and exists (select 1 from client_members m where m.client_id = c.id and m.user_id = :member)";
    }

    ClientPage search(WorkspaceId workspace, @Nullable UUID memberId, ClientQuery query) {
        StringBuilder where = new StringBuilder(" where c.workspace_id = :workspace");
        where.append(query.archived() ? " and c.archived_at is not null" : " and c.archived_at is null");
        Map<String, Object> params = new HashMap<>();
        params.put("workspace", workspace.value());
        if (memberId != null) {
            params.put("member", memberId);
            where.append(visible(memberId));
        }
        if (query.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", query.status().name());
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.append("""
                     and (lower(c.name) like :text escape '\\' or exists (select 1 from client_contacts k
                          where k.client_id = c.id and (lower(k.name) like :text escape '\\'
                                or lower(k.email) like :text escape '\\')))
                    """);
            params.put("text", "%" + likeEscape(query.text().trim().toLowerCase(Locale.ROOT)) + "%");
        }
        params.put("limit", query.pageSize());
        params.put("offset", query.offset());
        // The total rides along with the page (one round trip); only a page past the end needs a count.
        List<SummaryRow> rows = jdbc.sql("""
                select c.id, c.name, c.status, c.time_zone, c.currency, c.country, c.response_time_hours,
                       c.archived_at, p.name as contact_name, p.email as contact_email, count(*) over () as total
                from clients c
                left join client_contacts p on p.client_id = c.id and p.is_primary = true
                """ + where + " order by lower(c.name), c.id limit :limit offset :offset")
                .params(params).query(ClientStore::summaryRow).list();
        long total = !rows.isEmpty() ? rows.get(0).total()
                : query.offset() == 0 ? 0
                : jdbc.sql("select count(*) from clients c" + where).params(params).query(Long.class).single();
        Map<UUID, BusinessHours> hours = hours(rows.stream().map(SummaryRow::id).toList());
        List<ClientSummary> clients = rows.stream().map(r -> r.toSummary(
                hours.getOrDefault(r.id(), new BusinessHours(Map.of())))).toList();
        return new ClientPage(clients, total, query.page(), query.pageSize());
    }

    Optional<Client> find(WorkspaceId workspace, @Nullable UUID memberId, ClientId id) {
        var statement = jdbc.sql("select c.* from clients c where c.workspace_id = :workspace and c.id = :id"
                        + visible(memberId))
                .param("workspace", workspace.value()).param("id", id.value());
        if (memberId != null) {
            statement = statement.param("member", memberId);
        }
        return statement.query((rs, n) -> rs2client(rs)).optional().map(this::complete);
    }

    /** Ids and names of the workspace's current clients (a member's own), in name order: for pickers. */
    List<ClientChoice> choices(WorkspaceId workspace, @Nullable UUID memberId) {
        var statement = jdbc.sql("select c.id, c.name from clients c where c.workspace_id = :workspace"
                        + " and c.archived_at is null" + visible(memberId) + " order by lower(c.name), c.id")
                .param("workspace", workspace.value());
        if (memberId != null) {
            statement = statement.param("member", memberId);
        }
        return statement.query((rs, n) -> new ClientChoice(new ClientId(rs.getObject("id", UUID.class)),
                rs.getString("name"))).list();
    }

    /** Business hours of those of {@code ids} that belong to the workspace. */
    Map<ClientId, BusinessHours> hoursOf(WorkspaceId workspace, Collection<ClientId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<UUID> own = jdbc.sql("select id from clients where workspace_id = :workspace and id in (:ids)")
                .param("workspace", workspace.value()).param("ids", ids.stream().map(ClientId::value).toList())
                .query((rs, n) -> rs.getObject(1, UUID.class)).list();
        Map<UUID, BusinessHours> hours = hours(own);
        Map<ClientId, BusinessHours> result = new HashMap<>();
        own.forEach(id -> result.put(new ClientId(id), hours.getOrDefault(id, new BusinessHours(Map.of()))));
        return result;
    }

    boolean exists(WorkspaceId workspace, ClientId id) {
        return jdbc.sql("select count(*) from clients where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value()).param("id", id.value()).query(Long.class).single() > 0;
    }

    long count(WorkspaceId workspace) {
        return jdbc.sql("select count(*) from clients where workspace_id = :workspace")
                .param("workspace", workspace.value()).query(Long.class).single();
    }

    void insert(WorkspaceId workspace, ClientId id, ClientRules.Valid c, Instant now) {
        jdbc.sql("""
                insert into clients (id, workspace_id, name, status, time_zone, currency, locale, country, website,
                    billing_address, tax_id, response_time_hours, channel_formal, channel_quick, channel_meeting,
                    channel_report, cultural_notes, notes, created_at, updated_at)
                values (:id, :workspace, :name, :status, :zone, :currency, :locale, :country, :website,
                    :billingAddress, :taxId, :responseHours, :formal, :quick, :meeting, :report, :culturalNotes,
                    :notes, :now, :now)
                """).params(columns(workspace, id, c)).param("now", utc(now)).update();
        replaceChildren(workspace, id, c);
    }

    boolean update(WorkspaceId workspace, ClientId id, ClientRules.Valid c, Instant now) {
        int updated = jdbc.sql("""
                update clients set name = :name, status = :status, time_zone = :zone, currency = :currency,
                    locale = :locale, country = :country, website = :website, billing_address = :billingAddress,
                    tax_id = :taxId, response_time_hours = :responseHours, channel_formal = :formal,
                    channel_quick = :quick, channel_meeting = :meeting, channel_report = :report,
                    cultural_notes = :culturalNotes, notes = :notes, updated_at = :now
                where id = :id and workspace_id = :workspace
                """).params(columns(workspace, id, c)).param("now", utc(now)).update();
        if (updated == 1) {
            replaceChildren(workspace, id, c);
        }
        return updated == 1;
    }

    boolean setArchived(WorkspaceId workspace, ClientId id, @Nullable Instant at, Instant now) {
        return jdbc.sql("update clients set archived_at = :at, updated_at = :now where id = :id and workspace_id = :workspace")
                .param("at", at == null ? null : utc(at)).param("now", utc(now)).param("id", id.value())
                .param("workspace", workspace.value()).update() == 1;
    }

    /** Ids of the workspace's contacts among {@code ids}, so an update keeps only its own contact ids. */
    Set<UUID> contactIdsOf(WorkspaceId workspace, ClientId client) {
        return new LinkedHashSet<>(jdbc.sql("select id from client_contacts where workspace_id = :workspace and client_id = :client")
                .param("workspace", workspace.value()).param("client", client.value()).query(UUID.class).list());
    }

    private Map<String, Object> columns(WorkspaceId workspace, ClientId id, ClientRules.Valid c) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id.value());
        p.put("workspace", workspace.value());
        p.put("name", c.name());
        p.put("status", c.status().name());
        p.put("zone", c.zone().getId());
        p.put("currency", c.currency().getCurrencyCode());
        p.put("locale", c.locale());
        p.put("country", c.country());
        p.put("website", c.website());
        p.put("billingAddress", c.billingAddress());
        p.put("taxId", c.taxId());
        p.put("responseHours", c.responseTimeHours());
        p.put("formal", c.channels().formalRequest().name());
        p.put("quick", c.channels().quickQuestion().name());
        p.put("meeting", c.channels().meeting().name());
        p.put("report", c.channels().report().name());
        p.put("culturalNotes", c.culturalNotes());
        p.put("notes", c.notes());
        return p;
    }

    private void replaceChildren(WorkspaceId workspace, ClientId id, ClientRules.Valid c) {
        jdbc.sql("delete from client_business_hours where client_id = :id").param("id", id.value()).update();
        for (var day : c.businessHours().days().entrySet()) {
            jdbc.sql("""
                    insert into client_business_hours (client_id, day_of_week, opens_at, closes_at)
                    values (:id, :day, :opens, :closes)
                    """).param("id", id.value()).param("day", day.getKey().getValue())
                    .param("opens", day.getValue().opens()).param("closes", day.getValue().closes()).update();
        }
        jdbc.sql("delete from client_contacts where client_id = :id and workspace_id = :workspace")
                .param("id", id.value()).param("workspace", workspace.value()).update();
        int position = 0;
        for (Contact contact : c.contacts()) {
            jdbc.sql("""
                    insert into client_contacts (id, client_id, workspace_id, name, email, phone, role, is_primary, position)
                    values (:id, :client, :workspace, :name, :email, :phone, :role, :primary, :position)
                    """).param("id", contact.id()).param("client", id.value()).param("workspace", workspace.value())
                    .param("name", contact.name()).param("email", contact.email()).param("phone", contact.phone())
                    .param("role", contact.role()).param("primary", contact.primary()).param("position", position++)
                    .update();
        }
        if (c.memberIds() != null) {
            jdbc.sql("delete from client_members where client_id = :id and workspace_id = :workspace")
                    .param("id", id.value()).param("workspace", workspace.value()).update();
            for (UUID member : c.memberIds()) {
                jdbc.sql("insert into client_members (client_id, user_id, workspace_id) values (:client, :user, :workspace)")
                        .param("client", id.value()).param("user", member).param("workspace", workspace.value())
                        .update();
            }
        }
    }

    private Client complete(Client bare) {
        UUID id = bare.id().value();
        BusinessHours hours = hours(List.of(id)).getOrDefault(id, new BusinessHours(Map.of()));
        List<Contact> contacts = jdbc.sql("""
                select id, name, email, phone, role, is_primary from client_contacts
                where client_id = :id order by position
                """).param("id", id).query((rs, n) -> new Contact(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("email"), rs.getString("phone"), rs.getString("role"),
                        rs.getBoolean("is_primary"))).list();
        Set<UUID> members = new LinkedHashSet<>(jdbc.sql("select user_id from client_members where client_id = :id")
                .param("id", id).query(UUID.class).list());
        return new Client(bare.id(), bare.name(), bare.status(), bare.zone(), bare.currency(), bare.locale(),
                bare.country(), bare.website(), bare.billingAddress(), bare.taxId(), hours, bare.responseTimeHours(),
                bare.channels(), bare.culturalNotes(), bare.notes(), contacts, members, bare.archivedAt(),
                bare.createdAt(), bare.updatedAt());
    }

    private Map<UUID, BusinessHours> hours(Collection<UUID> clientIds) {
        if (clientIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Map<DayOfWeek, BusinessHours.Span>> spans = new HashMap<>();
        jdbc.sql("select client_id, day_of_week, opens_at, closes_at from client_business_hours where client_id in (:ids)")
                .param("ids", new ArrayList<>(clientIds))
                .query(rs -> {
                    // By position: a list page reads a few hundred of these rows.
                    spans.computeIfAbsent(rs.getObject(1, UUID.class), k -> new EnumMap<>(DayOfWeek.class))
                            .put(DayOfWeek.of(rs.getInt(2)), new BusinessHours.Span(
                                    rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class)));
                });
        Map<UUID, BusinessHours> result = new HashMap<>();
        spans.forEach((id, days) -> result.put(id, new BusinessHours(days)));
        return result;
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private record SummaryRow(UUID id, String name, ClientStatus status, ZoneId zone, Currency currency,
            @Nullable String country, @Nullable Integer responseHours, boolean archived, @Nullable String contactName,
            @Nullable String contactEmail, long total) {
        ClientSummary toSummary(BusinessHours hours) {
            return new ClientSummary(new ClientId(id), name, status, zone, currency, country, contactName, contactEmail,
                    hours, responseHours, archived);
        }
    }

    private static SummaryRow summaryRow(ResultSet rs, int n) throws SQLException {
        return new SummaryRow(rs.getObject("id", UUID.class), rs.getString("name"),
                ClientStatus.valueOf(rs.getString("status")), ZoneId.of(rs.getString("time_zone")),
                Currency.getInstance(rs.getString("currency")), rs.getString("country"),
                rs.getObject("response_time_hours", Integer.class), rs.getObject("archived_at", OffsetDateTime.class) != null,
                rs.getString("contact_name"), rs.getString("contact_email"), rs.getLong("total"));
    }

    private static Client rs2client(ResultSet rs) throws SQLException {
        OffsetDateTime archived = rs.getObject("archived_at", OffsetDateTime.class);
        return new Client(new ClientId(rs.getObject("id", UUID.class)), rs.getString("name"),
                ClientStatus.valueOf(rs.getString("status")), ZoneId.of(rs.getString("time_zone")),
                Currency.getInstance(rs.getString("currency")), rs.getString("locale"), rs.getString("country"),
                rs.getString("website"), rs.getString("billing_address"), rs.getString("tax_id"),
                new BusinessHours(Map.of()), rs.getObject("response_time_hours", Integer.class),
                new Channels(Channel.valueOf(rs.getString("channel_formal")), Channel.valueOf(rs.getString("channel_quick")),
                        Channel.valueOf(rs.getString("channel_meeting")), Channel.valueOf(rs.getString("channel_report"))),
                rs.getString("cultural_notes"), rs.getString("notes"), List.of(), Set.of(),
                archived == null ? null : archived.toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    /** {@link #contactsByEmail(WorkspaceId, String)} for many addresses (lower-cased) at once: one statement. */
    Map<String, List<ContactMatch>> contactsByEmails(WorkspaceId workspace, Collection<String> emails) {
        Map<String, List<ContactMatch>> found = new HashMap<>();
        List<String> wanted = emails.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        if (wanted.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                select lower(k.email), k.client_id, k.id, k.name from client_contacts k
                join clients c on c.id = k.client_id and c.workspace_id = k.workspace_id
                where k.workspace_id = :workspace and lower(k.email) in (:emails) and c.archived_at is null
                order by k.is_primary desc, c.name, k.id
                """).param("workspace", workspace.value()).param("emails", wanted)
                .query((rs, n) -> {
                    found.computeIfAbsent(rs.getString(1), e -> new ArrayList<>()).add(new ContactMatch(
                            new ClientId(rs.getObject(2, UUID.class)), rs.getObject(3, UUID.class), rs.getString(4)));
                    return null;
                }).list();
        return found;
    }

    List<ContactMatch> contactsByEmail(WorkspaceId workspace, String email) {
        return jdbc.sql("""
                select k.client_id, k.id, k.name from client_contacts k
                join clients c on c.id = k.client_id and c.workspace_id = k.workspace_id
                where k.workspace_id = :workspace and lower(k.email) = :email and c.archived_at is null
                order by k.is_primary desc, c.name, k.id
                """).param("workspace", workspace.value()).param("email", email.strip().toLowerCase(Locale.ROOT))
                .query((rs, n) -> new ContactMatch(new ClientId(rs.getObject(1, UUID.class)),
                        rs.getObject(2, UUID.class), rs.getString(3)))
                .list();
    }
}
