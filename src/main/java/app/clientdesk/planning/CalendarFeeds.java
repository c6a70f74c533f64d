package app.clientdesk.planning;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Account;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.planning.IcsCalendars.FeedEvent;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.shared.web.PublicUrls;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secret calendar addresses a calendar app subscribes to: one per person (their blocks and due dates) and one per
 * client (its deadlines), made by the person, or by the owner for a client. The address holds a random token of
 * 256 bits; only its SHA-256 is stored (as API tokens are), so the address is shown once, when made. Making it
 * again replaces it and revoking deletes it: the old address answers "not found" from that moment, exactly as an
 * address that never existed does (the token is found by its hash alone, on a unique index).
 *
 * <p>What a feed carries is whatever every {@link FeedSource} bean contributes; this class only resolves the
 * token to its {@link FeedSubject} and writes the calendar. A feed of a disabled person, or of a workspace whose
 * owner is gone, is not found.
 */
@Service
public class CalendarFeeds {

    static final String PREFIX = "cdf_";
    /** A token is PREFIX + 43 characters; anything much longer is not one, and is not hashed. */
    private static final int LONGEST_TOKEN = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Feeds whose last written calendar is kept; past it the memory starts over. */
    private static final int MOST_WRITTEN_KEPT = 500;

    private final CalendarFeedStore store;
    private final List<FeedSource> sources;
    private final Accounts accounts;
    private final Clients clients;
    private final PersonCalendars calendars;
    private final PublicUrls urls;
    private final MessageSource texts;
    private final Clock clock;
    /**
     * Each feed's last written calendar, by feed: calendar apps fetch the same feed again and again, and writing a
     * year of blocks costs more than reading them. Used only when the events read now are equal to those it was
     * written from, so it is never stale; a replaced or revoked feed is not found before it is looked at.
     */
    private final Map<UUID, Written> written = new ConcurrentHashMap<>();

    private record Written(String name, List<FeedEvent> events, Instant stamp, Feed feed) {
    }

    CalendarFeeds(CalendarFeedStore store, List<FeedSource> sources, Accounts accounts, Clients clients,
            PersonCalendars calendars, PublicUrls urls, MessageSource texts, Clock clock) {
        this.store = store;
        this.sources = List.copyOf(sources);
        this.accounts = accounts;
        this.clients = clients;
        this.calendars = calendars;
        this.urls = urls;
        this.texts = texts;
        this.clock = clock;
    }

    /** A feed as its page lists it: the first characters of its token, to tell addresses apart, and its age. */
    public record FeedInfo(String hint, Instant createdAt) {
    }

    /** The calendar a token opens, and its entity tag (the same bytes give the same tag). */
    public record Feed(String body, String etag) {
    }

    /** The viewer's own feed, if they made one. */
    @Transactional(readOnly = true)
    public Optional<FeedInfo> mine(CurrentUser viewer) {
        viewer.requireStaff();
        return store.ofPerson(viewer.workspaceId(), viewer.id()).map(CalendarFeeds::info);
    }

    /** The feeds of the workspace's clients, by client; for the owner only. */
    @Transactional(readOnly = true)
    public Map<ClientId, FeedInfo> ofClients(CurrentUser viewer) {
        viewer.requireOwner();
        Map<ClientId, FeedInfo> feeds = new LinkedHashMap<>();
        store.ofClients(viewer.workspaceId()).forEach(r -> feeds.put(r.client(), info(r)));
        return feeds;
    }

    /** Makes the viewer's feed, or a new address for it; answers the subscription URL, shown this once. */
    @Transactional
    public String issueMine(CurrentUser viewer) {
        viewer.requireStaff();
        String token = newToken();
        store.replace(viewer.workspaceId(), viewer.id(), null, hash(token), hint(token), viewer.id(),
                clock.instant());
        return url(token);
    }

    /** Makes a client's feed, or a new address for it; for the owner only. */
    @Transactional
    public String issueForClient(CurrentUser viewer, ClientId client) {
        viewer.requireOwner();
        clients.find(viewer, client).orElseThrow(() -> new NotFoundException("client"));
        String token = newToken();
        store.replace(viewer.workspaceId(), null, client, hash(token), hint(token), viewer.id(), clock.instant());
        return url(token);
    }

    /** Ends the viewer's feed; false when there was none. */
    @Transactional
    public boolean revokeMine(CurrentUser viewer) {
        viewer.requireStaff();
        return store.delete(viewer.workspaceId(), viewer.id(), null);
    }

    /** Ends a client's feed; false when there was none. For the owner only. */
    @Transactional
    public boolean revokeForClient(CurrentUser viewer, ClientId client) {
        viewer.requireOwner();
        clients.find(viewer, client).orElseThrow(() -> new NotFoundException("client"));
        return store.delete(viewer.workspaceId(), null, client);
    }

    /** The calendar behind a token, or empty for a token that is unknown, replaced or revoked. */
    @Transactional(readOnly = true)
    public Optional<Feed> open(String token) {
        if (token.length() > LONGEST_TOKEN) {
            return Optional.empty();
        }
        Optional<CalendarFeedStore.Row> row = store.byHash(hash(token));
        Optional<FeedSubject> subject = row.flatMap(this::subject);
        if (subject.isEmpty()) {
            return Optional.empty();
        }
        FeedSubject of = subject.get();
        FeedWindow window = FeedWindow.around(LocalDate.now(clock.withZone(of.zone())), of.zone());
        List<FeedEvent> events = new ArrayList<>();
        for (FeedSource source : sources) {
            events.addAll(source.events(of, window));
        }
        // DTSTAMP changes once an hour, not on every fetch, so an unchanged feed keeps its bytes and entity tag.
        Instant stamp = clock.instant().truncatedTo(ChronoUnit.HOURS);
        String name = name(of);
        UUID id = row.get().id();
        Written last = written.get(id);
        if (last != null && last.stamp().equals(stamp) && last.name().equals(name) && last.events().equals(events)) {
            return Optional.of(last.feed());
        }
        String body = IcsCalendars.feed(name, events, stamp);
        Feed feed = new Feed(body, "\"" + hash(body).substring(0, 32) + "\"");
        if (written.size() >= MOST_WRITTEN_KEPT) {
            written.clear();
        }
        written.put(id, new Written(name, List.copyOf(events), stamp, feed));
        return Optional.of(feed);
    }

    private Optional<FeedSubject> subject(CalendarFeedStore.Row row) {
        if (row.user() != null) {
            return accounts.find(row.workspace(), row.user())
                    .filter(a -> !a.disabled() && a.role() != Role.CLIENT)
                    .map(a -> new FeedSubject.Person(a, calendars.of(row.workspace(), a.id()).zone()));
        }
        if (row.client() == null) {
            return Optional.empty();
        }
        Optional<Client> client = clients.find(row.workspace(), row.client());
        Optional<Account> owner = accounts.inWorkspace(row.workspace()).stream()
                .filter(a -> a.role() == Role.OWNER && !a.disabled()).findFirst();
        if (client.isEmpty() || owner.isEmpty()) {
            return Optional.empty();
        }
        Client c = client.get();
        return Optional.of(new FeedSubject.Client(row.workspace(), c.id(), c.name(), owner.get(), c.zone()));
    }

    private String name(FeedSubject subject) {
        if (subject instanceof FeedSubject.Person p) {
            return texts.getMessage("feeds.calendarName", new Object[] {p.person().displayName()},
                    p.person().locale());
        }
        FeedSubject.Client c = (FeedSubject.Client) subject;
        return texts.getMessage("feeds.calendarName", new Object[] {c.name()}, c.owner().locale());
    }

    private String url(String token) {
        return urls.to("/feeds/{token}.ics", token);
    }

    private static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static String hint(String token) {
        return token.substring(0, PREFIX.length() + 4);
    }

    private static FeedInfo info(CalendarFeedStore.Row row) {
        return new FeedInfo(row.hint(), row.createdAt());
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
