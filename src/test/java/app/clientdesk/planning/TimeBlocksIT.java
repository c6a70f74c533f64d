package app.clientdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Time blocks through the API and the planner page: who may plan whose week, and the rules a block keeps. */
class TimeBlocksIT extends IntegrationTest {

    @Autowired TimeBlocks blocks;
    @Autowired PersonCalendars calendars;

    TestWorkspace ws;
    CurrentUser owner;
    CurrentUser member;
    String ownerToken;
    String memberToken;
    ClientId harbour;
    ClientId thames;

    @BeforeEach
    void workspace() {
        ws = newWorkspace();
        owner = ws.owner();
        member = addMember(ws);
        ownerToken = tokenFor(owner);
        memberToken = tokenFor(member);
        harbour = createClient(ws, "Harbour Studio", member.id());
        thames = createClient(ws, "Thames Partners");
        // Both work 08:00-18:00 UTC on weekdays.
        List<String> week = List.of("08:00-18:00", "08:00-18:00", "08:00-18:00", "08:00-18:00", "08:00-18:00", "", "");
        calendars.save(owner, owner.id(), new PersonCalendarInput("UTC", week, "10", "8"));
        calendars.save(owner, member.id(), new PersonCalendarInput("UTC", week, "10", "8"));
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(MediaType.APPLICATION_JSON).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(MediaType.APPLICATION_JSON));
    }

    private String block(String token, String start, String end, String zone, ClientId client) throws Exception {
        String json = send(post("/api/v1/time-blocks"), token, """
                {"start": "%s", "end": "%s", "zone": "%s", "clientId": "%s"}""".formatted(start, end, zone, client))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.id");
    }

    @Test
    void aBlockIsCreatedReadListedChangedAndDeletedInTheZoneItWasPlannedIn() throws Exception {
        String id = block(ownerToken, "2027-03-26T09:00:00Z", "2027-03-26T11:00:00Z", "Europe/London", harbour);
        call(get("/api/v1/time-blocks/" + id), ownerToken).andExpect(status().isOk())
                .andExpect(jsonPath("$.start").value("2027-03-26T09:00:00Z"))
                .andExpect(jsonPath("$.clientName").value("Harbour Studio"))
                .andExpect(jsonPath("$.label").value("Harbour Studio"))
                .andExpect(jsonPath("$.source").value("MANUAL"));
        // After London's clocks go forward, 09:00 London is 08:00 UTC: the answer is in London's offset.
        String later = block(ownerToken, "2027-03-29T09:00:00+01:00", "2027-03-29T10:00:00+01:00", "Europe/London",
                harbour);
        call(get("/api/v1/time-blocks/" + later), ownerToken)
                .andExpect(jsonPath("$.start").value("2027-03-29T09:00:00+01:00"));
        call(get("/api/v1/time-blocks?from=2027-03-22T00:00:00Z&to=2027-04-01T00:00:00Z"), ownerToken)
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].id").value(id));
        send(patch("/api/v1/time-blocks/" + id), ownerToken, """
                {"end": "2027-03-26T12:00:00Z", "title": "Launch prep"}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.end").value("2027-03-26T12:00:00Z"))
                .andExpect(jsonPath("$.label").value("Launch prep"))
                .andExpect(jsonPath("$.clientId").value(harbour.value().toString()));
        call(delete("/api/v1/time-blocks/" + id), ownerToken).andExpect(status().isNoContent());
        call(get("/api/v1/time-blocks/" + id), ownerToken).andExpect(status().isNotFound());
    }

    @Test
    void overlappingBackwardsOverlongOrEmptyBlocksAreRefusedWithTheirReasonAndNothingIsSaved() throws Exception {
        block(ownerToken, "2027-01-04T09:00:00Z", "2027-01-04T11:00:00Z", "UTC", harbour);
        send(post("/api/v1/time-blocks"), ownerToken, """
                {"start": "2027-01-04T10:30:00Z", "end": "2027-01-04T12:00:00Z", "clientId": "%s"}""".formatted(thames))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].message").value("This block overlaps another of this person's blocks."));
        send(post("/api/v1/time-blocks"), ownerToken, """
                {"start": "2027-01-04T15:00:00Z", "end": "2027-01-04T14:00:00Z", "title": "Admin"}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value("The block must end after it starts."));
        send(post("/api/v1/time-blocks"), ownerToken, """
                {"start": "2027-01-05T08:00:00Z", "end": "2027-01-06T09:00:00Z", "title": "Marathon"}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value("A block lasts at most 24 hours."));
        send(post("/api/v1/time-blocks"), ownerToken, """
                {"start": "2027-01-05T08:00:00Z", "end": "2027-01-05T09:00:00Z", "zone": "Mars/Olympus"}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(2));
        // Touching ends are not an overlap.
        block(ownerToken, "2027-01-04T11:00:00Z", "2027-01-04T12:00:00Z", "UTC", thames);
        call(get("/api/v1/time-blocks?from=2027-01-04T00:00:00Z&to=2027-01-05T00:00:00Z"), ownerToken)
                .andExpect(jsonPath("$.items.length()").value(2));
    }

    @Test
    void aBlockOutsideThePersonsWorkingHoursIsKeptOnlyWhenTheySaySo() throws Exception {
        send(post("/api/v1/time-blocks"), ownerToken, """
                {"start": "2027-01-04T17:30:00Z", "end": "2027-01-04T19:00:00Z", "title": "Late call"}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("outsideHours"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith(
                        "This block is outside the person's working hours.")));
        send(post("/api/v1/time-blocks"), ownerToken, """
                {"start": "2027-01-09T10:00:00Z", "end": "2027-01-09T11:00:00Z", "title": "Saturday"}""")
                .andExpect(status().isUnprocessableContent());
        send(post("/api/v1/time-blocks"), ownerToken, """
                {"start": "2027-01-04T17:30:00Z", "end": "2027-01-04T19:00:00Z", "title": "Late call",
                 "outsideHours": true}""").andExpect(status().isCreated())
                .andExpect(jsonPath("$.outsideHours").value(true));
        // The person's calendar decides: in São Paulo's hours, 12:00 UTC is 09:00 there.
        calendars.followWorkspace(owner, owner.id());
        send(post("/api/v1/time-blocks"), ownerToken, """
                {"start": "2027-01-05T12:00:00Z", "end": "2027-01-05T13:00:00Z", "title": "Morning in São Paulo"}""")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.zone").value("America/Sao_Paulo"))
                .andExpect(jsonPath("$.start").value("2027-01-05T09:00:00-03:00"));
    }

    @Test
    void aMemberPlansOnlyTheirOwnWeekWithTheirOwnClients() throws Exception {
        String owners = block(ownerToken, "2027-01-04T09:00:00Z", "2027-01-04T10:00:00Z", "UTC", thames);
        call(get("/api/v1/time-blocks/" + owners), memberToken).andExpect(status().isNotFound());
        call(delete("/api/v1/time-blocks/" + owners), memberToken).andExpect(status().isNotFound());
        call(get("/api/v1/time-blocks?userId=" + owner.id().value()), memberToken).andExpect(status().isNotFound());
        send(post("/api/v1/time-blocks"), memberToken, """
                {"userId": "%s", "start": "2027-01-04T11:00:00Z", "end": "2027-01-04T12:00:00Z", "title": "Sneaky"}"""
                .formatted(owner.id().value())).andExpect(status().isNotFound());
        send(post("/api/v1/time-blocks"), memberToken, """
                {"start": "2027-01-04T11:00:00Z", "end": "2027-01-04T12:00:00Z", "clientId": "%s"}""".formatted(thames))
                .andExpect(status().isUnprocessableContent());
        String own = block(memberToken, "2027-01-04T09:00:00Z", "2027-01-04T10:00:00Z", "UTC", harbour);
        // The same hour as the owner's block: each person's week is their own.
        call(get("/api/v1/time-blocks?from=2027-01-04T00:00:00Z&to=2027-01-05T00:00:00Z"), memberToken)
                .andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.items[0].id").value(own));
        // The owner plans the member's week, but only with clients the member works for.
        send(post("/api/v1/time-blocks"), ownerToken, """
                {"userId": "%s", "start": "2027-01-05T09:00:00Z", "end": "2027-01-05T10:00:00Z", "clientId": "%s"}"""
                .formatted(member.id().value(), thames)).andExpect(status().isUnprocessableContent());
        send(post("/api/v1/time-blocks"), ownerToken, """
                {"userId": "%s", "start": "2027-01-05T09:00:00Z", "end": "2027-01-05T10:00:00Z", "clientId": "%s"}"""
                .formatted(member.id().value(), harbour)).andExpect(status().isCreated());
        call(get("/api/v1/time-blocks?from=2027-01-04T00:00:00Z&to=2027-01-08T00:00:00Z&userId="
                + member.id().value()), ownerToken).andExpect(jsonPath("$.items.length()").value(2));
        // Another workspace sees none of it.
        TestWorkspace other = newWorkspace();
        call(get("/api/v1/time-blocks/" + own), tokenFor(other.owner())).andExpect(status().isNotFound());
        call(get("/api/v1/time-blocks?userId=" + member.id().value()), tokenFor(other.owner()))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePlannerShowsTheWeekAndItsFormAddsMovesAndRefusesBlocks() throws Exception {
        clock.set(java.time.Instant.parse("2027-01-06T12:00:00Z"));
        mvc.perform(post("/plan/blocks").with(user(owner)).with(csrf()).param("date", "2027-01-06")
                .param("startTime", "09:00").param("endTime", "10:30").param("zone", "UTC")
                .param("clientId", harbour.value().toString()).param("title", "Newsletter"))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/plan").with(user(owner))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Newsletter", "Harbour Studio", "row-").contains("data-block=");
        List<TimeBlock> week = blocks.between(owner, owner.id(), java.time.Instant.parse("2027-01-04T00:00:00Z"),
                java.time.Instant.parse("2027-01-11T00:00:00Z"));
        assertThat(week).singleElement().satisfies(b -> {
            assertThat(b.start()).isEqualTo("2027-01-06T09:00:00Z");
            assertThat(b.end()).isEqualTo("2027-01-06T10:30:00Z");
        });
        String id = week.get(0).id().toString();
        mvc.perform(post("/plan/blocks/" + id + "/move").with(user(owner)).with(csrf()).param("date", "2027-01-07")
                .param("startTime", "14:00").param("endTime", "15:00").param("zone", "UTC"))
                .andExpect(status().isNoContent());
        assertThat(blocks.get(owner, week.get(0).id()).start()).isEqualTo("2027-01-07T14:00:00Z");
        assertThat(blocks.get(owner, week.get(0).id()).title()).isEqualTo("Newsletter");
        // Refused in the form: the page answers 422 with the reason beside the field, and keeps what was typed.
        String refused = mvc.perform(post("/plan/blocks").with(user(owner)).with(csrf()).param("date", "2027-01-07")
                .param("startTime", "14:30").param("endTime", "14:00").param("zone", "UTC")
                .param("title", "Backwards"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("The block must end after it starts.", "value=\"Backwards\"");
        // A move onto another block says why, in plain text for the page to read out.
        mvc.perform(post("/plan/blocks").with(user(owner)).with(csrf()).param("date", "2027-01-07")
                .param("startTime", "16:00").param("endTime", "17:00").param("zone", "UTC").param("title", "Calls"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/plan/blocks/" + id + "/move").with(user(owner)).with(csrf()).param("date", "2027-01-07")
                .param("startTime", "15:30").param("endTime", "16:30").param("zone", "UTC"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string("This block overlaps another of this person's blocks."));
        assertThat(blocks.get(owner, week.get(0).id()).start()).isEqualTo("2027-01-07T14:00:00Z");
    }
}
