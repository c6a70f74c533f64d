package app.clientdesk.planning.internal;

import app.clientdesk.planning.CalendarFeeds;
import app.clientdesk.shared.web.PublicRoute;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The calendar a subscription address opens. Calendar apps fetch it without a session, so the secret token in
 * the address is the only key; an unknown, replaced or revoked token is 404 with no body, the same for all three.
 * Revalidated on every fetch ({@code no-cache}), so a revoked address stops at once, with an entity tag to spare
 * the bytes when nothing changed.
 */
@Controller
class FeedController {

    static final MediaType CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final CalendarFeeds feeds;

    FeedController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/feeds/{token}.ics")
    @PublicRoute("calendar apps fetch a subscribed feed without signing in; the secret token in the address is the key")
    ResponseEntity<String> feed(@PathVariable("token") String token,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
        Optional<CalendarFeeds.Feed> feed = feeds.open(token);
        if (feed.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).cacheControl(CacheControl.noStore()).build();
        }
        String etag = feed.get().etag();
        CacheControl revalidate = CacheControl.noCache().cachePrivate();
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(revalidate).build();
        }
        return ResponseEntity.ok().contentType(CALENDAR).eTag(etag).cacheControl(revalidate)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"clientdesk.ics\"")
                .body(feed.get().body());
    }
}
