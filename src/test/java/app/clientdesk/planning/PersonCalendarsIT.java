package app.clientdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.sla.CalendarInput;
import app.clientdesk.sla.Holiday;
import app.clientdesk.sla.WorkingCalendars;
import app.clientdesk.support.IntegrationTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class PersonCalendarsIT extends IntegrationTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired PersonCalendars calendars;
    @Autowired WorkingCalendars workspaceCalendars;

    @Test
    void untilTheySaveTheirOwnAPersonWorksOnTheWorkspaceCalendar() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        workspaceCalendars.save(ws.owner(), new CalendarInput(List.of(new CalendarInput.Day(true, "08:00", "16:30"),
                new CalendarInput.Day(true, "08:00", "16:30")), "2026-12-25 Christmas", "75"));

        mvc.perform(get("/plan/calendar").with(user(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Follows the workspace calendar"),
                        containsString("time zone (America/Sao Paulo)"),
                        containsString("value=\"08:00-16:30\""), containsString("Christmas"),
                        containsString("<option value=\"America/Sao_Paulo\" selected>"),
                        not(containsString("Back to the workspace calendar")))));

        PersonCalendar calendar = calendars.of(workspace(ws), member.id());
        assertThat(calendar.own()).isFalse();
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("America/Sao_Paulo"));
        assertThat(calendar.hours().days()).containsOnlyKeys(DayOfWeek.MONDAY, DayOfWeek.TUESDAY);
        assertThat(calendar.holidays()).containsExactly(new Holiday(LocalDate.of(2026, 12, 25), "Christmas"));
        assertThat(calendar.buffer()).isEqualTo(Duration.ofMinutes(10));
        assertThat(calendar.focusLimit()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aPersonSavesSeveralSpansADayAndReadsThemBack() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);

        mvc.perform(week(post("/plan/calendar").with(user(member)).with(csrf()), "Europe/London",
                        "09:00-12:00, 14:00-18:00", "8:30 – 12:30").param("bufferMinutes", "15")
                        .param("focusHours", "5,5"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/plan/calendar"))
                .andExpect(flash().attribute("notice", "Working calendar saved."));

        PersonCalendar saved = calendars.of(workspace(ws), member.id());
        assertThat(saved.own()).isTrue();
        assertThat(saved.zone()).isEqualTo(LONDON);
        assertThat(saved.hours().on(DayOfWeek.MONDAY)).containsExactly(span("09:00", "12:00"), span("14:00", "18:00"));
        assertThat(saved.hours().on(DayOfWeek.TUESDAY)).containsExactly(span("08:30", "12:30"));
        assertThat(saved.hours().on(DayOfWeek.WEDNESDAY)).isEmpty();
        assertThat(saved.buffer()).isEqualTo(Duration.ofMinutes(15));
        assertThat(saved.focusLimit()).isEqualTo(Duration.ofMinutes(330));

        mvc.perform(get("/plan/calendar").with(user(member)))
                .andExpect(content().string(allOf(containsString("value=\"09:00-12:00, 14:00-18:00\""),
                        containsString("value=\"08:30-12:30\""), containsString("value=\"5.5\""),
                        containsString("<option value=\"Europe/London\" selected>"),
                        containsString("Back to the workspace calendar"))));

        // The planner's batch read: the member's own, the owner's still the workspace's.
        Map<UserId, PersonCalendar> both = calendars.of(workspace(ws), List.of(member.id(), ws.owner().id()));
        assertThat(both.get(member.id())).isEqualTo(saved);
        assertThat(both.get(ws.owner().id()).own()).isFalse();
        assertThat(both.get(ws.owner().id()).zone()).isEqualTo(ZoneId.of("America/Sao_Paulo"));
    }

    @Test
    void windowsSkipAHolidayAndKeepLondonHoursAcrossTheClockChange() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        String weekday = "09:00-17:00";
        mvc.perform(week(post("/plan/calendar").with(user(member)).with(csrf()), "Europe/London", weekday, weekday,
                        weekday, weekday, weekday).param("bufferMinutes", "10").param("focusHours", "6"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/plan/calendar/holidays").with(user(member)).with(csrf())
                        .param("date", "2026-03-30").param("name", "Long weekend"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/plan/calendar"));

        List<Interval> windows = calendars.of(workspace(ws), member.id())
                .windows(LocalDate.of(2026, 3, 27), LocalDate.of(2026, 4, 1));

        // Friday on GMT, the weekend off, Monday a holiday, Tuesday on BST: 09:00 London is 08:00 UTC.
        assertThat(windows).containsExactly(
                new Interval(Instant.parse("2026-03-27T09:00:00Z"), Instant.parse("2026-03-27T17:00:00Z")),
                new Interval(Instant.parse("2026-03-31T08:00:00Z"), Instant.parse("2026-03-31T16:00:00Z")));
    }

    @Test
    void theOwnerEditsAMembersCalendarFromTheMembersPage() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        String path = "/plan/calendar/" + member.id().value();

        mvc.perform(get("/members").with(user(ws.owner())))
                .andExpect(content().string(containsString("href=\"" + path + "\"")));
        mvc.perform(get(path).with(user(ws.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Working calendar of Member"),
                        containsString("action=\"" + path + "\""))));
        mvc.perform(week(post(path).with(user(ws.owner())).with(csrf()), "Europe/Lisbon", "07:00-11:00")
                        .param("bufferMinutes", "0").param("focusHours", "4"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(path));
        mvc.perform(post(path + "/holidays").with(user(ws.owner())).with(csrf())
                        .param("date", "2026-06-13").param("name", "Santo António"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(path));

        PersonCalendar memberCalendar = calendars.of(workspace(ws), member.id());
        assertThat(memberCalendar.zone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
        assertThat(memberCalendar.hours().days()).containsOnlyKeys(DayOfWeek.MONDAY);
        assertThat(memberCalendar.holidays()).containsExactly(new Holiday(LocalDate.of(2026, 6, 13), "Santo António"));
        assertThat(calendars.of(workspace(ws), ws.owner().id()).own()).as("the owner's own calendar").isFalse();

        mvc.perform(post(path + "/follow-workspace").with(user(ws.owner())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(path));
        assertThat(calendars.of(workspace(ws), member.id())).isEqualTo(calendars.workspaceDefault(workspace(ws)));
    }

    @Test
    void nobodyButTheOwnerReachesSomeoneElsesCalendar() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        CurrentUser colleague = addMember(ws);
        String path = "/plan/calendar/" + member.id().value();

        mvc.perform(get(path).with(user(colleague))).andExpect(status().isForbidden());
        mvc.perform(week(post(path).with(user(colleague)).with(csrf()), "UTC", "00:00-23:00")
                        .param("bufferMinutes", "0").param("focusHours", "20"))
                .andExpect(status().isForbidden());
        mvc.perform(post(path + "/holidays").with(user(colleague)).with(csrf())
                        .param("date", "2026-06-13").param("name", "Mine now"))
                .andExpect(status().isForbidden());
        // Another workspace's owner does not learn that the person exists.
        TestWorkspace other = newWorkspace();
        mvc.perform(get(path).with(user(other.owner()))).andExpect(status().isNotFound());
        mvc.perform(multipart(path + "/import").file(ics("uk-holidays.ics")).with(user(other.owner())).with(csrf()))
                .andExpect(status().isNotFound());
        // Nor is anyone's id a way into a client contact's or an unknown person's calendar.
        mvc.perform(get("/plan/calendar/" + UUID.randomUUID()).with(user(ws.owner())))
                .andExpect(status().isNotFound());

        assertThat(calendars.of(workspace(ws), member.id()).own()).isFalse();
        assertThat(calendars.of(workspace(other), member.id()).own()).isFalse();
    }

    @Test
    void badValuesAreShownBesideTheirFieldsAndNothingIsSaved() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);

        mvc.perform(week(post("/plan/calendar").with(user(member)).with(csrf()), "Mars/Olympus", "9-12",
                        "14:00-12:00", "09:00-12:00, 11:00-13:00", "09:00-17:00")
                        .param("bufferMinutes", "-5").param("focusHours", "30"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("Some fields need your attention. Nothing was saved."),
                        containsString("Choose a time zone by its IANA name"),
                        containsString("id=\"err-days-0-\">\"9-12\" is not a span of time"),
                        containsString("id=\"err-days-1-\">14:00-12:00 ends before it starts."),
                        containsString("id=\"err-days-2-\">09:00-12:00 and 11:00-13:00 overlap."),
                        containsString("id=\"err-bufferMinutes\">Use whole minutes from 0 to 240."),
                        containsString("id=\"err-focusHours\">Use hours from 0.5 to 24"),
                        // What was typed stays in the form to be corrected.
                        containsString("value=\"09:00-12:00, 11:00-13:00\""))));
        mvc.perform(post("/plan/calendar/holidays").with(user(member)).with(csrf())
                        .param("date", "25/12/2026").param("name", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("id=\"err-date\">Choose a date."),
                        containsString("id=\"err-name\">Give the holiday a name of at most 80 characters."))));

        assertThat(calendars.of(workspace(ws), member.id()).own()).isFalse();
    }

    @Test
    void aSpanEndingBeforeItStartsIsRefusedInPortuguese() throws Exception {
        TestWorkspace ws = newWorkspace("Ana VA " + UUID.randomUUID().toString().substring(0, 6), "pt-BR");

        mvc.perform(week(post("/plan/calendar").with(user(ws.owner())).with(csrf()), "America/Sao_Paulo",
                        "18:00-09:00").param("bufferMinutes", "10").param("focusHours", "6"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("18:00-09:00 termina antes de começar."),
                        containsString("Meu calendário de trabalho"))));

        assertThat(calendars.of(workspace(ws), ws.owner().id()).own()).isFalse();
    }

    @Test
    void anIcsFileImportsItsAllDayEventsAsHolidays() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        mvc.perform(post("/plan/calendar/holidays").with(user(member)).with(csrf())
                        .param("date", "2026-12-25").param("name", "Natal"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(multipart("/plan/calendar/import").file(ics("uk-holidays.ics")).with(user(member)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/plan/calendar"))
                .andExpect(flash().attribute("notice", "Imported 3 new holidays. 1 date was already listed. "
                        + "1 event at a time of day was left out."));

        assertThat(calendars.of(workspace(ws), member.id()).holidays()).containsExactly(
                new Holiday(LocalDate.of(2026, 4, 3), "Good Friday"),
                new Holiday(LocalDate.of(2026, 4, 6), "Easter Monday"),
                new Holiday(LocalDate.of(2026, 12, 25), "Natal"),
                new Holiday(LocalDate.of(2026, 12, 26), "Christmas and Boxing Day"));
        mvc.perform(get("/plan/calendar").with(user(member)))
                .andExpect(content().string(allOf(containsString("Easter Monday"),
                        containsString("<input type=\"hidden\" name=\"date\" value=\"2026-04-06\">"))));

        mvc.perform(post("/plan/calendar/holidays/remove").with(user(member)).with(csrf()).param("date", "2026-04-06"))
                .andExpect(status().is3xxRedirection());
        assertThat(calendars.of(workspace(ws), member.id()).holiday(LocalDate.of(2026, 4, 6))).isEmpty();
    }

    @Test
    void aBrokenIcsFileImportsNothing() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        mvc.perform(post("/plan/calendar/holidays").with(user(member)).with(csrf())
                        .param("date", "2026-12-25").param("name", "Natal"))
                .andExpect(status().is3xxRedirection());
        PersonCalendar before = calendars.of(workspace(ws), member.id());

        // Its first event is fine; the second's date does not parse, so not even the first is imported.
        mvc.perform(multipart("/plan/calendar/import").file(ics("broken-date.ics")).with(user(member)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString(
                        "Event 2 of the file has no date that can be read. Nothing was imported.")));
        mvc.perform(multipart("/plan/calendar/import").file(new MockMultipartFile("file", "holidays.ics",
                        "text/calendar", "%PDF-1.4 not a calendar".getBytes(StandardCharsets.US_ASCII)))
                        .with(user(member)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("This file is not an ICS calendar that can be read.")));
        mvc.perform(multipart("/plan/calendar/import").with(user(member)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Choose an ICS file.")));

        assertThat(calendars.of(workspace(ws), member.id())).isEqualTo(before);
    }

    private static MockMultipartFile ics(String name) throws Exception {
        try (InputStream in = PersonCalendarsIT.class.getResourceAsStream("/planning/" + name)) {
            return new MockMultipartFile("file", name, "text/calendar", in.readAllBytes());
        }
    }

    /** The zone and the spans of the first weekdays, Monday first; the rest of the week off. */
    private static MockHttpServletRequestBuilder week(MockHttpServletRequestBuilder request, String zone,
            String... days) {
        request.param("timeZone", zone);
        for (int i = 0; i < 7; i++) {
            request.param("days[" + i + "]", i < days.length ? days[i] : "");
        }
        return request;
    }

    private static WorkspaceId workspace(TestWorkspace ws) {
        return ws.created().workspaceId();
    }

    private static WeekHours.Span span(String start, String end) {
        return new WeekHours.Span(LocalTime.parse(start), LocalTime.parse(end));
    }
}
