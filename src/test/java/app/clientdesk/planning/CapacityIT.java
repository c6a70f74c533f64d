package app.clientdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Capacity per week: available, planned and promised hours, and the weeks over capacity. */
class CapacityIT extends IntegrationTest {

    @Autowired Capacity capacity;
    @Autowired Tasks tasks;
    @Autowired TimeBlocks blocks;
    @Autowired PersonCalendars calendars;

    @Test
    void aWeekWithMorePromisedThanItsWorkingTimeIsOverCapacityAndEachPersonSeesTheirOwn() throws Exception {
        clock.set(Instant.parse("2027-01-04T08:00:00Z"));
        TestWorkspace ws = newWorkspace();
        CurrentUser owner = ws.owner();
        CurrentUser member = addMember(ws);
        ClientId harbour = createClient(ws, "Harbour Studio", member.id());
        List<String> week = List.of("09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00", "", "");
        calendars.save(owner, owner.id(), new PersonCalendarInput("UTC", week, "0", "8"));
        calendars.save(owner, member.id(), new PersonCalendarInput("UTC", week, "0", "8"));
        // The member: 45 hours due in the first week (one of them overdue), 2 hours due in the second.
        for (String[] t : List.of(new String[] {"Launch", "2027-01-07", "2400"}, new String[] {"Late", "2026-12-30",
                "300"}, new String[] {"Next", "2027-01-13", "120"})) {
            tasks.create(owner, new TaskInput(t[0], null, harbour.value().toString(), null, null, false, false, t[1],
                    null, null, t[2], member.id().value().toString(), null, null, null, List.of(), null, null,
                    List.of()));
        }
        blocks.create(member, new BlockInput(null, "2027-01-05", "09:00", "12:00", null, null, "UTC",
                harbour.value().toString(), null, null, null, false));

        Capacity.Table table = capacity.weeks(owner, LocalDate.parse("2027-01-04"), 2);

        Capacity.PersonRow theirs = table.people().stream().filter(r -> r.person().id().equals(member.id()))
                .findFirst().orElseThrow();
        assertThat(theirs.weeks().get(0)).isEqualTo(new Capacity.Week(40 * 60, 180, 2700));
        assertThat(theirs.weeks().get(0).over()).isTrue();
        assertThat(theirs.weeks().get(0).overBy()).isEqualTo(300);
        assertThat(theirs.weeks().get(1)).isEqualTo(new Capacity.Week(40 * 60, 0, 120));
        assertThat(theirs.weeks().get(1).over()).isFalse();
        assertThat(table.clients()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("Harbour Studio");
            assertThat(c.weeks().get(0).promised()).isEqualTo(2700);
            assertThat(c.weeks().get(0).planned()).isEqualTo(180);
        });
        // A member sees only their own row.
        assertThat(capacity.weeks(member, LocalDate.parse("2027-01-04"), 2).people())
                .extracting(r -> r.person().id()).containsExactly(member.id());
        String page = mvc.perform(get("/plan/capacity").param("week", "2027-01-04").with(user(owner)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Over by 5 h", "Promised 45 h", "Harbour Studio");
    }
}
