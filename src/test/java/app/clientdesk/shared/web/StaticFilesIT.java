package app.clientdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import app.clientdesk.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Static files are fetched once and kept: pages link them by URLs that carry a hash of their content,
 * and those answer with a year-long public cache and without touching the session store. Pages stay
 * private and uncached; robots.txt keeps crawlers out.
 */
class StaticFilesIT extends IntegrationTest {

    private static final Pattern LINKED = Pattern.compile("(?:href|src)=\"(/(?:css|js|img|webjars)/[^\"]+)\"");

    @Test
    void everyStaticFileAPageLinksHasAHashedUrlAndIsCachedForAYearWithoutASession() throws Exception {
        TestWorkspace ws = newWorkspace();
        MockHttpServletResponse page = mvc.perform(get("/clients").with(user(ws.owner()))).andReturn().getResponse();
        assertThat(page.getHeader(HttpHeaders.CACHE_CONTROL)).as("the page itself").contains("no-store");

        List<String> links = new ArrayList<>();
        Matcher m = LINKED.matcher(page.getContentAsString());
        while (m.find()) {
            links.add(m.group(1));
        }
        assertThat(links).as("one stylesheet, one script of our own, htmx and the logo: few requests on a phone")
                .hasSizeLessThanOrEqualTo(6)
                .anySatisfy(url -> assertThat(url).startsWith("/css/all-"))
                .anySatisfy(url -> assertThat(url).startsWith("/js/all-"))
                .allSatisfy(url -> assertThat(url).as("a URL with a content hash").matches(".*-[0-9a-f]{32}\\.[a-z]+$"));

        for (String url : links) {
            MvcResult file = mvc.perform(get(url)).andReturn();
            assertThat(file.getResponse().getStatus()).as(url).isEqualTo(200);
            assertThat(file.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).as(url)
                    .isEqualTo("max-age=31536000, public");
            assertThat(file.getResponse().getHeader(HttpHeaders.SET_COOKIE)).as(url).isNull();
            assertThat(file.getRequest().getSession(false)).as("no session for " + url).isNull();
        }
    }

    @Test
    void aChangedFileGetsANewUrlSoACachedCopyIsNeverServedStale() throws Exception {
        TestWorkspace ws = newWorkspace();
        String html = mvc.perform(get("/clients").with(user(ws.owner()))).andReturn().getResponse().getContentAsString();
        Matcher stylesheet = Pattern.compile("href=\"(/css/all-[0-9a-f]{32}\\.css)\"").matcher(html);
        assertThat(stylesheet.find()).as("the page links its stylesheet by a hashed URL").isTrue();
        String current = stylesheet.group(1);
        assertThat(mvc.perform(get(current)).andReturn().getResponse().getStatus()).isEqualTo(200);
        String otherHash = current.replaceAll("-[0-9a-f]{32}\\.", "-" + "0".repeat(32) + ".");
        assertThat(mvc.perform(get(otherHash)).andReturn().getResponse().getStatus())
                .as("an old version's URL is not answered with today's file").isEqualTo(404);
    }

    @Test
    void robotsTxtTellsCrawlersToStayOutInsteadOfRedirectingToSignIn() throws Exception {
        MvcResult robots = mvc.perform(get("/robots.txt")).andReturn();
        assertThat(robots.getResponse().getStatus()).isEqualTo(200);
        assertThat(robots.getResponse().getContentType()).startsWith("text/plain");
        assertThat(robots.getResponse().getContentAsString()).isEqualTo("User-agent: *\nDisallow: /\n");
        assertThat(robots.getRequest().getSession(false)).isNull();
    }
}
