package app.clientdesk.shared.web;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Asks search engines to index nothing: every page of a workspace is private, and sign-in is no landing page. */
@RestController
class RobotsTxtController {

    @PublicRoute("crawlers read robots.txt before anything else, and never sign in")
    @GetMapping(value = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> robots() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .contentType(MediaType.TEXT_PLAIN)
                .body("User-agent: *\nDisallow: /\n");
    }
}
