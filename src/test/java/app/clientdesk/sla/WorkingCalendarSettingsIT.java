package app.clientdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.BusinessHours;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class WorkingCalendarSettingsIT extends IntegrationTest {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    @Autowired WorkingCalendars calendars;

    @Test
    void aNewWorkspaceWorksMondayToFridayNineToSixAndThePreviewSaysWhenAFourHourAnswerIsDue() throws Exception {
        TestWorkspace ws = newWorkspace();
        clock.set(LocalDateTime.parse("2026-12-04T17:00").atZone(SAO_PAULO).toInstant()); // a Friday

        mvc.perform(get("/settings/calendar").with(user(ws.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("name=\"days[0].working\" value=\"true\" checked"),
                        containsString("value=\"18:00\""), containsString("America/Sao Paulo"),
                        // Friday 17:00-18:00, then Monday 09:00-12:00.
                        containsString("datetime=\"2026-12-07T12:00-03:00\""), containsString("Mon, "))))
                .andExpect(content().string(not(containsString("name=\"days[5].working\" value=\"true\" checked"))));

        SlaPolicy policy = calendars.policy(ws.created().workspaceId());
        assertThat(policy.calendar()).isEqualTo(WorkingCalendar.standard(SAO_PAULO));
        assertThat(policy.atRiskPercent()).isEqualTo(75);
    }

    @Test
    void theOwnerSetsDaysHoursHolidaysAndTheAtRiskShare() throws Exception {
        TestWorkspace ws = newWorkspace();

        mvc.perform(week(post("/settings/calendar").with(user(ws.owner())).with(csrf()), "08:00", "16:30", 4)
                        .param("holidays", "2026-12-25 Christmas\n\n2027-01-01 — New Year")
                        .param("atRiskPercent", "80"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/settings/calendar"));

        CalendarSettings saved = calendars.settings(ws.created().workspaceId());
        assertThat(saved.hours().days()).containsOnlyKeys(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY);
        assertThat(saved.hours().on(DayOfWeek.MONDAY)).contains(
                new BusinessHours.Span(LocalTime.of(8, 0), LocalTime.of(16, 30)));
        assertThat(saved.holidays()).containsExactly(new Holiday(LocalDate.of(2026, 12, 25), "Christmas"),
                new Holiday(LocalDate.of(2027, 1, 1), "New Year"));
        assertThat(saved.atRiskPercent()).isEqualTo(80);
        // Thursday 24 December 16:00 + 2h: 30 minutes that day, Friday off and Christmas, Monday 08:00-09:30.
        WorkingCalendar calendar = calendars.policy(ws.created().workspaceId()).calendar();
        assertThat(calendar.dueAt(LocalDateTime.parse("2026-12-24T16:00").atZone(SAO_PAULO).toInstant(),
                Duration.ofHours(2))).isEqualTo(LocalDateTime.parse("2026-12-28T09:30").atZone(SAO_PAULO).toInstant());

        mvc.perform(get("/settings/calendar").with(user(ws.owner())))
                .andExpect(content().string(allOf(containsString("2026-12-25 Christmas"),
                        containsString("value=\"16:30\""), containsString("value=\"80\""))));
    }

    @Test
    void badValuesAreShownBesideTheirFieldsInEnglishAndNothingIsSaved() throws Exception {
        TestWorkspace ws = newWorkspace();
        calendars.save(ws.owner(), new CalendarInput(List.of(new CalendarInput.Day(true, "10:00", "14:00")),
                "2026-12-25 Christmas", "60"));
        CalendarSettings before = calendars.settings(ws.created().workspaceId());

        mvc.perform(post("/settings/calendar").with(user(ws.owner())).with(csrf())
                        .param("days[0].working", "true").param("days[0].start", "17:00").param("days[0].end", "09:00")
                        .param("days[1].working", "true").param("days[1].start", "9h").param("days[1].end", "18:00")
                        .param("holidays", "25/12 Natal\n2026-11-02\n2026-11-15 Republic\n2026-11-15 Again")
                        .param("atRiskPercent", "150"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("The day must end after it starts."),
                        containsString("Write the time as HH:MM"),
                        containsString("Line 1: start with a date written as 2026-12-25"),
                        containsString("Line 2: give the holiday a name of at most 80 characters."),
                        containsString("Line 4: 2026-11-15 is already listed."),
                        containsString("Use a whole percentage from 1 to 99."),
                        containsString("25/12 Natal"))));

        assertThat(calendars.settings(ws.created().workspaceId())).isEqualTo(before);
    }

    @Test
    void aCalendarWithoutAWorkingDayIsRefusedInPortuguese() throws Exception {
        TestWorkspace ws = newWorkspace("Ana VA " + java.util.UUID.randomUUID().toString().substring(0, 6), "pt-BR");

        mvc.perform(post("/settings/calendar").with(user(ws.owner())).with(csrf())
                        .param("_days[0].working", "on").param("days[0].start", "09:00").param("days[0].end", "18:00")
                        .param("holidays", "").param("atRiskPercent", "x"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("Marque pelo menos um dia de trabalho."),
                        containsString("Use uma porcentagem inteira de 1 a 99."))));

        assertThat(calendars.settings(ws.created().workspaceId())).isEqualTo(CalendarSettings.defaults());
    }

    @Test
    void membersCannotSeeOrChangeTheWorkingCalendar() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);

        mvc.perform(get("/settings/calendar").with(user(member))).andExpect(status().isForbidden());
        mvc.perform(week(post("/settings/calendar").with(user(member)).with(csrf()), "00:00", "23:59", 7)
                        .param("holidays", "").param("atRiskPercent", "10"))
                .andExpect(status().isForbidden());

        assertThat(calendars.settings(ws.created().workspaceId())).isEqualTo(CalendarSettings.defaults());
    }

    @Test
    void eachWorkspaceHasItsOwnCalendar() throws Exception {
        TestWorkspace mine = newWorkspace();
        TestWorkspace other = newWorkspace();

        mvc.perform(week(post("/settings/calendar").with(user(mine.owner())).with(csrf()), "07:00", "11:00", 6)
                        .param("holidays", "2026-12-31 Eve").param("atRiskPercent", "90"))
                .andExpect(status().is3xxRedirection());

        assertThat(calendars.settings(other.created().workspaceId())).isEqualTo(CalendarSettings.defaults());
        assertThat(calendars.settings(mine.created().workspaceId()).atRiskPercent()).isEqualTo(90);
    }

    /** The first {@code workingDays} weekdays worked from {@code start} to {@code end}, the rest off. */
    private static MockHttpServletRequestBuilder week(MockHttpServletRequestBuilder request, String start, String end,
            int workingDays) {
        for (int i = 0; i < 7; i++) {
            request.param("_days[" + i + "].working", "on").param("days[" + i + "].start", start)
                    .param("days[" + i + "].end", end);
            if (i < workingDays) {
                request.param("days[" + i + "].working", "true");
            }
        }
        return request;
    }
}
