package app.clientdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.PublicUrls;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Calendar feeds as a calendar app reads them: each feed is fetched without a session and read back with ical4j
 * (a different library from the one that writes it), field by field; a new address stops the old one, a revoked
 * one is gone, and nobody's feed shows what their own screens would not.
 */
class CalendarFeedsIT extends IntegrationTest {

    private static final Instant NOW = Instant.parse("2027-03-10T12:00:00Z");

    @Autowired TimeBlocks blocks;
    @Autowired PersonCalendars calendars;
    @Autowired Tasks tasks;
    @Autowired PublicUrls urls;

    TestWorkspace ws;
    CurrentUser owner;
    CurrentUser member;
    ClientId harbour;
    ClientId thames;

    @BeforeEach
    void workspace() {
        clock.set(NOW);
        ws = newWorkspace();
        owner = ws.owner();
        member = addMember(ws);
        harbour = createClient(ws, "Harbour Studio", member.id());
        thames = createClient(ws, "Thames Partners");
        List<String> week = List.of("08:00-18:00", "08:00-18:00", "08:00-18:00", "08:00-18:00", "08:00-18:00", "", "");
        calendars.save(owner, owner.id(), new PersonCalendarInput("UTC", week, "0", "8"));
        calendars.save(owner, member.id(), new PersonCalendarInput("UTC", week, "0", "8"));
    }

    private UUID block(CurrentUser who, String date, String start, String end, ClientId client, String title) {
        return blocks.create(who, new BlockInput(null, date, start, end, null, null, "UTC", client.value().toString(),
                null, null, title, false)).id();
    }

    private TaskId task(String title, ClientId client, String due, CurrentUser assignee) {
        return tasks.create(owner, new TaskInput(title, null, client.value().toString(), null, null, false, false, due,
                null, null, null, assignee == null ? null : assignee.id().value().toString(), null, null, null,
                List.of(), null, null, List.of()));
    }

    private String issue(CurrentUser who, String path) throws Exception {
        MvcResult result = mvc.perform(post(path).with(user(who)).with(csrf())).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/plan/feeds");
        String url = (String) result.getFlashMap().get("newFeedUrl");
        assertThat(url).as("the address, shown once").isNotNull();
        return url;
    }

    /** Fetched as a calendar app does: no session, no cookie. */
    private MockHttpServletResponse fetch(String url) throws Exception {
        return mvc.perform(get(URI.create(url).getPath())).andReturn().getResponse();
    }

    private Map<String, VEvent> events(String url) throws Exception {
        MockHttpServletResponse response = fetch(url);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualToIgnoringCase("text/calendar;charset=UTF-8");
        Calendar calendar = new CalendarBuilder().build(new StringReader(response.getContentAsString()));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        return events.stream().collect(Collectors.toMap(e -> e.getProperty("UID").orElseThrow().getValue(), e -> e));
    }

    private static String summary(VEvent event) {
        return event.getProperty("SUMMARY").orElseThrow().getValue();
    }

    private static Instant instant(VEvent event, String property) {
        Temporal temporal = property.equals("DTSTART") ? event.<Temporal>getStartDate().orElseThrow().getDate()
                : event.<Temporal>getEndDate().orElseThrow().getDate();
        return Instant.from(temporal);
    }

    @Test
    void aMembersFeedCarriesTheirBlocksAndTheDueDatesOfTheirOwnTasksOnly() throws Exception {
        UUID mine = block(member, "2027-03-11", "09:00", "10:30", harbour, null);
        block(owner, "2027-03-11", "09:00", "10:00", thames, "Owner's planning");
        TaskId report = task("Harbour report", harbour, "2027-03-12", member);
        task("Harbour owner's task", harbour, "2027-03-12", owner);
        task("Thames nobody's task", thames, "2027-03-13", null);

        String url = issue(member, "/plan/feeds/mine");
        assertThat(url).startsWith(urls.base() + "/feeds/cdf_").endsWith(".ics");
        Map<String, VEvent> events = events(url);

        assertThat(events).containsOnlyKeys("block-" + mine + "@clientdesk", "due-" + report.value() + "@clientdesk");
        VEvent block = events.get("block-" + mine + "@clientdesk");
        assertThat(summary(block)).isEqualTo("Harbour Studio");
        assertThat(instant(block, "DTSTART")).isEqualTo(Instant.parse("2027-03-11T09:00:00Z"));
        assertThat(instant(block, "DTEND")).isEqualTo(Instant.parse("2027-03-11T10:30:00Z"));
        VEvent due = events.get("due-" + report.value() + "@clientdesk");
        assertThat(summary(due)).isEqualTo("Due: Harbour report (Harbour Studio)");
        assertThat(due.<Temporal>getStartDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2027, 3, 12));
        assertThat(due.<Temporal>getEndDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2027, 3, 13));
    }

    @Test
    void theOwnersFeedHasTheirOwnTasksAndNobodysButNeverAMembersBlocks() throws Exception {
        block(member, "2027-03-11", "09:00", "10:30", harbour, "Member's block");
        UUID ownBlock = block(owner, "2027-03-11", "09:00", "10:00", thames, "Owner's planning");
        task("Harbour report", harbour, "2027-03-12", member);
        TaskId nobodys = task("Thames nobody's task", thames, "2027-03-13", null);
        TaskId own = task("Thames owner's task", thames, "2027-03-14", owner);

        Map<String, VEvent> events = events(issue(owner, "/plan/feeds/mine"));

        assertThat(events).containsOnlyKeys("block-" + ownBlock + "@clientdesk",
                "due-" + nobodys.value() + "@clientdesk", "due-" + own.value() + "@clientdesk");
        assertThat(summary(events.get("block-" + ownBlock + "@clientdesk")))
                .isEqualTo("Owner's planning · Thames Partners");
    }

    @Test
    void aNewAddressStopsTheOldOneAtOnceAndARevokedOneAnswersAsAnUnknownOne() throws Exception {
        block(member, "2027-03-11", "09:00", "10:30", harbour, null);
        String first = issue(member, "/plan/feeds/mine");
        MockHttpServletResponse fetched = fetch(first);
        assertThat(fetched.getStatus()).isEqualTo(200);
        assertThat(fetched.getHeaders("Set-Cookie")).as("a feed makes no session").isEmpty();

        String second = issue(member, "/plan/feeds/mine");
        assertThat(second).isNotEqualTo(first);
        assertThat(fetch(first).getStatus()).as("the replaced address").isEqualTo(404);
        assertThat(events(second)).hasSize(1);

        mvc.perform(post("/plan/feeds/mine/revoke").with(user(member)).with(csrf())).andReturn();
        MockHttpServletResponse revoked = fetch(second);
        MockHttpServletResponse unknown = fetch(urls.base() + "/feeds/cdf_" + "A".repeat(43) + ".ics");
        assertThat(revoked.getStatus()).isEqualTo(404);
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(revoked.getContentAsString()).isEqualTo(unknown.getContentAsString()).isEmpty();
        assertThat(revoked.getHeaders("Set-Cookie")).isEmpty();
        String page = mvc.perform(get("/plan/feeds").with(user(member))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("data-feed-state=\"none\"").doesNotContain(second);
    }

    @Test
    void oneFeedNeverShowsAnotherPersonsBlocks() throws Exception {
        UUID membersBlock = block(member, "2027-03-11", "09:00", "10:30", harbour, "Member's block");
        UUID ownersBlock = block(owner, "2027-03-11", "11:00", "12:00", thames, "Owner's block");
        String memberUrl = issue(member, "/plan/feeds/mine");
        String ownerUrl = issue(owner, "/plan/feeds/mine");
        assertThat(events(memberUrl)).containsKey("block-" + membersBlock + "@clientdesk")
                .doesNotContainKey("block-" + ownersBlock + "@clientdesk");
        assertThat(events(ownerUrl)).containsKey("block-" + ownersBlock + "@clientdesk")
                .doesNotContainKey("block-" + membersBlock + "@clientdesk");
        // Another workspace's person with a feed of their own sees none of it either.
        TestWorkspace other = newWorkspace();
        assertThat(events(issue(other.owner(), "/plan/feeds/mine"))).isEmpty();
    }

    @Test
    void aClientsFeedHasItsOpenDeadlinesAndOnlyTheOwnerMakesIt() throws Exception {
        block(owner, "2027-03-11", "09:00", "10:00", thames, "Owner's planning");
        TaskId thamesTask = task("Thames filing", thames, "2027-03-15", member);
        task("Harbour report", harbour, "2027-03-12", member);
        String path = "/plan/feeds/clients/" + thames.value();

        assertThat(mvc.perform(post(path).with(user(member)).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        Map<String, VEvent> events = events(issue(owner, path));
        assertThat(events).containsOnlyKeys("due-" + thamesTask.value() + "@clientdesk");
        assertThat(summary(events.get("due-" + thamesTask.value() + "@clientdesk"))).isEqualTo("Due: Thames filing");
        String page = mvc.perform(get("/plan/feeds").with(user(owner))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-client-feed=\"" + thames.value() + "\"");
    }

    @Test
    void anUnchangedFeedAnswersNotModifiedToItsEntityTag() throws Exception {
        block(member, "2027-03-11", "09:00", "10:30", harbour, null);
        String url = issue(member, "/plan/feeds/mine");
        MockHttpServletResponse first = fetch(url);
        String etag = first.getHeader("ETag");
        assertThat(etag).isNotBlank();
        MockHttpServletResponse again = mvc.perform(get(URI.create(url).getPath()).header("If-None-Match", etag))
                .andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(304);
        block(member, "2027-03-12", "09:00", "10:30", harbour, null);
        MockHttpServletResponse changed = mvc.perform(get(URI.create(url).getPath()).header("If-None-Match", etag))
                .andReturn().getResponse();
        assertThat(changed.getStatus()).isEqualTo(200);
    }
}
