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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The usual week: rows applied to a week at their wall-clock times in the person's zone, across a clock change. */
class BlockTemplatesIT extends IntegrationTest {

    @Autowired TimeBlocks blocks;
    @Autowired BlockTemplates templates;
    @Autowired PersonCalendars calendars;

    @Test
    void aMondayNineOClockRowStaysAtNineInLondonAcrossTheClockChangeAndOverlapsAreSkipped() throws Exception {
        clock.set(Instant.parse("2027-03-15T08:00:00Z"));
        TestWorkspace ws = newWorkspace();
        CurrentUser owner = ws.owner();
        CurrentUser member = addMember(ws);
        ClientId harbour = createClient(ws, "Harbour Studio", member.id());
        List<String> week = List.of("08:00-18:00", "08:00-18:00", "08:00-18:00", "08:00-18:00", "08:00-18:00", "", "");
        calendars.save(owner, owner.id(), new PersonCalendarInput("Europe/London", week, "0", "8"));
        mvc.perform(post("/plan/templates").with(user(owner)).with(csrf()).param("day", "MONDAY")
                .param("startTime", "09:00").param("endTime", "11:00").param("clientId", harbour.value().toString()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/plan/templates").with(user(owner)).with(csrf()).param("day", "TUESDAY")
                .param("startTime", "14:00").param("endTime", "13:00").param("title", "Backwards"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/plan/templates").with(user(owner)).with(csrf()).param("day", "WEDNESDAY")
                .param("startTime", "10:00").param("endTime", "12:00").param("title", "Admin"))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/plan/templates").with(user(owner))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("Harbour Studio", "Admin").doesNotContain("Backwards");

        mvc.perform(post("/plan/templates/apply").with(user(owner)).with(csrf()).param("week", "2027-03-22"))
                .andExpect(status().is3xxRedirection());
        // After the change (28 March), 09:00 London is 08:00 UTC. Wednesday 31 March already has a block at 10:00.
        blocks.create(owner, new BlockInput(null, "2027-03-31", "10:30", "11:00", null, null, "Europe/London", null,
                null, null, "Dentist", true));
        mvc.perform(post("/plan/templates/apply").with(user(owner)).with(csrf()).param("week", "2027-03-29"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute(
                        "notice", "Added 1 block from the usual week; 1 skipped (overlap, day off or outside working hours)."));

        List<TimeBlock> made = blocks.between(owner, owner.id(), Instant.parse("2027-03-22T00:00:00Z"),
                Instant.parse("2027-04-05T00:00:00Z"));
        assertThat(made).filteredOn(b -> b.source() == TimeBlock.Source.TEMPLATE).extracting(TimeBlock::start)
                .containsExactly(Instant.parse("2027-03-22T09:00:00Z"), Instant.parse("2027-03-24T10:00:00Z"),
                        Instant.parse("2027-03-29T08:00:00Z"));
        // A member cannot change the owner's usual week.
        java.util.UUID row = templates.of(owner, accounts.find(ws.created().workspaceId(), owner.id()).orElseThrow())
                .get(0).id();
        mvc.perform(post("/plan/templates/" + row + "/delete").with(user(member)).with(csrf())
                .param("person", owner.id().value().toString())).andExpect(status().isNotFound());
        mvc.perform(post("/plan/templates/" + row + "/delete").with(user(member)).with(csrf()))
                .andExpect(status().isNotFound());
    }
}
