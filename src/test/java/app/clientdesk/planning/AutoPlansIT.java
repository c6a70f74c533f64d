package app.clientdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import com.jayway.jsonpath.JsonPath;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The auto-planner over the workspace's data: what it proposes, and accepting it. */
class AutoPlansIT extends IntegrationTest {

    @Autowired Tasks tasks;
    @Autowired TaskPlans taskPlans;
    @Autowired TimeBlocks blocks;
    @Autowired PersonCalendars calendars;
    @Autowired Meetings meetings;

    TestWorkspace ws;
    CurrentUser owner;
    CurrentUser member;
    ClientId harbour;

    @BeforeEach
    void workspace() {
        clock.set(Instant.parse("2027-01-04T08:00:00Z")); // a Monday
        ws = newWorkspace();
        owner = ws.owner();
        member = addMember(ws);
        harbour = createClient(ws, "Harbour Studio", member.id());
        List<String> week = List.of("09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00", "", "");
        calendars.save(owner, owner.id(), new PersonCalendarInput("UTC", week, "0", "8"));
        calendars.save(owner, member.id(), new PersonCalendarInput("UTC", week, "0", "8"));
    }

    private TaskId task(String title, String due, int minutes, CurrentUser assignee, boolean urgentImportant) {
        return tasks.create(owner, new TaskInput(title, null, harbour.value().toString(), null, null,
                urgentImportant, urgentImportant, due, null, null, String.valueOf(minutes),
                assignee == null ? null : assignee.id().value().toString(), null, null, null, List.of(), null, null,
                List.of()));
    }

    private String plan(CurrentUser who, String body) throws Exception {
        return mvc.perform(post("/api/v1/planner/auto").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(who))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void aProposalKeepsToWorkingHoursStartDatesAndExistingBlocksAndSaysWhatWillBeLate() throws Exception {
        TaskId report = task("Quarterly report", "2027-01-05", 180, owner, true);
        TaskId later = task("Newsletter", "2027-01-08", 120, owner, false);
        TaskId huge = task("Website rewrite", "2027-01-05", 1200, owner, false);
        taskPlans.save(owner, later, "2027-01-07", false);
        blocks.create(owner, new BlockInput(null, "2027-01-04", "09:00", "12:00", null, null, "UTC", null, null,
                null, "Calls", false));

        String json = plan(owner, "{\"from\": \"2027-01-04\", \"to\": \"2027-01-09\", \"userId\": \""
                + owner.id().value() + "\"}");

        List<Map<String, Object>> proposed = JsonPath.read(json, "$.blocks");
        assertThat(proposed).isNotEmpty();
        for (Map<String, Object> b : proposed) {
            OffsetDateTime start = OffsetDateTime.parse((String) b.get("start"));
            OffsetDateTime end = OffsetDateTime.parse((String) b.get("end"));
            assertThat(start.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(start.toLocalTime()).isAfterOrEqualTo(LocalTime.of(9, 0));
            assertThat(end.toLocalTime()).isBeforeOrEqualTo(LocalTime.of(17, 0));
            // Nothing over Monday morning's calls.
            assertThat(end.isAfter(OffsetDateTime.parse("2027-01-04T09:00Z"))
                    && start.isBefore(OffsetDateTime.parse("2027-01-04T12:00Z"))).isFalse();
            if (b.get("taskId").equals(later.value().toString())) {
                assertThat(start.toLocalDate()).isAfterOrEqualTo(java.time.LocalDate.parse("2027-01-07"));
            }
        }
        // Urgent and important first: the report is the first thing after the calls.
        assertThat(proposed.get(0).get("taskId")).isEqualTo(report.value().toString());
        assertThat(proposed.get(0).get("start")).isEqualTo("2027-01-04T12:00:00Z");
        // 20 hours due on Tuesday cannot be done by then: late, and Tuesday is over capacity.
        List<String> late = JsonPath.read(json, "$.atRisk[*].taskId");
        assertThat(late).contains(huge.value().toString()).doesNotContain(report.value().toString());
        List<String> overDays = JsonPath.read(json, "$.overCapacity[*].date");
        assertThat(overDays).contains("2027-01-05");
    }

    @Test
    void acceptingTheTickedBlocksMakesOrdinaryBlocksAndPlanningAgainDoesNotPlanThemTwice() throws Exception {
        TaskId report = task("Quarterly report", "2027-01-06", 90, owner, true);
        task("Invoices", "2027-01-07", 60, owner, false);
        String page = mvc.perform(get("/plan/auto").param("week", "2027-01-04").with(user(owner)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Quarterly report", "Invoices", "Accept the ticked blocks");
        Matcher picks = Pattern.compile("name=\"pick\" checked value=\"([^\"]+)\"").matcher(page);
        List<String> values = new java.util.ArrayList<>();
        while (picks.find()) {
            values.add(picks.group(1).replace("&#43;", "+"));
        }
        assertThat(values).hasSize(2);
        // Accept only the report's.
        String reportPick = values.stream().filter(v -> v.contains(report.value().toString())).findFirst().orElseThrow();
        mvc.perform(post("/plan/auto/accept").with(user(owner)).with(csrf()).param("week", "2027-01-04")
                .param("pick", reportPick)).andExpect(status().is3xxRedirection());
        List<TimeBlock> made = blocks.between(owner, owner.id(), Instant.parse("2027-01-04T00:00:00Z"),
                Instant.parse("2027-01-11T00:00:00Z"));
        assertThat(made).singleElement().satisfies(b -> {
            assertThat(b.source()).isEqualTo(TimeBlock.Source.AUTO);
            assertThat(b.taskId()).isEqualTo(report);
            assertThat(b.label()).isEqualTo("Quarterly report");
            assertThat(b.start()).isEqualTo("2027-01-04T09:00:00Z");
        });
        // Planned work is not planned again; the invoices now come after the report's block.
        String json = plan(owner, "{\"from\": \"2027-01-04\", \"to\": \"2027-01-09\", \"userId\": \""
                + owner.id().value() + "\"}");
        List<String> planned = JsonPath.read(json, "$.blocks[*].taskId");
        assertThat(planned).doesNotContain(report.value().toString()).hasSize(1);
        assertThat((String) JsonPath.read(json, "$.blocks[0].start")).isEqualTo("2027-01-04T10:30:00Z");
    }

    @Test
    void noWorkIsPlacedOverAMeetingAndTheWeekShowsTheMeeting() throws Exception {
        TaskId report = task("Quarterly report", "2027-01-06", 60, owner, true);
        meetings.create(owner, new MeetingInput("Harbour weekly", null, "https://meet.example/h",
                harbour.value().toString(), "2027-01-04T09:00:00Z", "2027-01-04T10:00:00Z", "UTC", "1",
                List.of(member.id().value().toString()), List.of()));
        String json = plan(owner, "{\"from\": \"2027-01-04\", \"to\": \"2027-01-09\", \"userId\": \""
                + owner.id().value() + "\"}");
        assertThat((String) JsonPath.read(json, "$.blocks[0].taskId")).isEqualTo(report.value().toString());
        assertThat((String) JsonPath.read(json, "$.blocks[0].start")).isEqualTo("2027-01-04T10:00:00Z");
        String week = mvc.perform(get("/plan").param("week", "2027-01-04").with(user(owner)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(week).contains("Harbour weekly", "plan-meeting", "https://meet.example/h");
    }

    @Test
    void theOwnerPlansTheTeamEachTaskToItsAssigneeAndAMemberOnlyThemself() throws Exception {
        TaskId mine = task("Owner's task", "2027-01-06", 60, owner, false);
        TaskId theirs = task("Member's task", "2027-01-06", 60, member, false);
        TaskId nobodys = task("Nobody's task", "2027-01-06", 60, null, false);
        String json = plan(owner, "{\"from\": \"2027-01-04\", \"to\": \"2027-01-09\"}");
        assertThat((List<String>) JsonPath.read(json, "$.blocks[?(@.taskId == '" + mine.value() + "')].userId"))
                .containsOnly(owner.id().value().toString());
        assertThat((List<String>) JsonPath.read(json, "$.blocks[?(@.taskId == '" + theirs.value() + "')].userId"))
                .containsOnly(member.id().value().toString());
        assertThat((List<String>) JsonPath.read(json, "$.unassigned[*].taskId")).containsExactly(nobodys.value().toString());
        String own = plan(member, "{\"from\": \"2027-01-04\", \"to\": \"2027-01-09\"}");
        assertThat((List<String>) JsonPath.read(own, "$.blocks[*].taskId")).containsOnly(theirs.value().toString());
        mvc.perform(post("/api/v1/planner/auto").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(member))
                .contentType(MediaType.APPLICATION_JSON).content("{\"userId\": \"" + owner.id().value() + "\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/planner/auto").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(owner))
                .contentType(MediaType.APPLICATION_JSON).content("{\"from\": \"2027-01-04\", \"to\": \"2027-06-01\"}"))
                .andExpect(status().isUnprocessableContent());
    }
}
