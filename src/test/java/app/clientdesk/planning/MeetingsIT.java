package app.clientdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.mail.MailAttachment;
import app.clientdesk.mail.Outbox;
import app.clientdesk.mail.OutboxMessage;
import app.clientdesk.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Meetings through the API and the pages: who may see and change what, the rules of a meeting, and the invitations
 * each attendee gets in their own language with an iCalendar file that ical4j (not the library that wrote it) reads.
 */
class MeetingsIT extends IntegrationTest {

    @Autowired Meetings meetings;
    @Autowired PersonCalendars calendars;
    @Autowired Outbox outbox;
    @Autowired JdbcClient jdbc;

    TestWorkspace ws;
    CurrentUser owner;
    CurrentUser member;
    CurrentUser paula;
    String ownerToken;
    String memberToken;
    ClientId harbour;
    ClientId thames;
    UUID harbourContact;

    @BeforeEach
    void workspace() {
        clock.set(Instant.parse("2027-03-01T12:00:00Z"));
        ws = newWorkspace();
        owner = ws.owner();
        member = addMember(ws);
        String paulaEmail = uniqueEmail("paula");
        accounts.add(ws.created().workspaceId(), Role.MEMBER, "Paula", paulaEmail, PASSWORD, "pt-BR",
                "America/Sao_Paulo", null);
        paula = principal(paulaEmail);
        ownerToken = tokenFor(owner);
        memberToken = tokenFor(member);
        List<ClientInput.Day> weekdays = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").stream()
                .map(d -> new ClientInput.Day(d, "09:00", "17:00")).toList();
        harbour = clients.create(owner, new ClientInput("Harbour Studio", "ACTIVE", "Australia/Sydney", "AUD", "pt-BR",
                "AU", null, null, null, weekdays, "8", "EMAIL", "CHAT", "VIDEO", "EMAIL", null, null,
                List.of(new ClientInput.ContactInput(null, "Tom Reid", "tom@harbour.example", null, "CEO", true)),
                List.of(member.id().value(), paula.id().value())));
        harbourContact = clients.get(owner, harbour).contacts().get(0).id();
        thames = createClient(ws, "Thames Partners");
        List<String> week = List.of("08:00-18:00", "08:00-18:00", "08:00-18:00", "08:00-18:00", "08:00-18:00", "", "");
        calendars.save(owner, owner.id(), new PersonCalendarInput("Europe/London", week, "10", "8"));
        // The member starts early, so London and Sydney share an hour in the southern winter.
        List<String> early = List.of("07:00-18:00", "07:00-18:00", "07:00-18:00", "07:00-18:00", "07:00-18:00", "",
                "");
        calendars.save(owner, member.id(), new PersonCalendarInput("Europe/London", early, "10", "8"));
        calendars.save(owner, paula.id(), new PersonCalendarInput("America/Sao_Paulo", week, "10", "8"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(MediaType.APPLICATION_JSON).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(MediaType.APPLICATION_JSON));
    }

    /** A weekly call over London's clock change (28 March 2027): 09:00 London, three Mondays from 22 March. */
    private String weeklyCall(String token, String attendees) throws Exception {
        String json = send(post("/api/v1/meetings"), token, """
                {"title": "Harbour weekly", "agenda": "Newsletter and ads", "videoUrl": "https://meet.example/harbour",
                 "clientId": "%s", "start": "2027-03-22T09:00:00Z", "end": "2027-03-22T09:30:00Z",
                 "zone": "Europe/London", "weeks": 3, %s}""".formatted(harbour, attendees))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.id");
    }

    private List<OutboxMessage> mails(String meetingId) {
        return outbox.forReference(ws.created().workspaceId(), "meeting:" + meetingId);
    }

    private OutboxMessage mailTo(List<OutboxMessage> mails, String address, String subjectStart) {
        return mails.stream().filter(m -> m.recipients().contains(address) && m.subject().startsWith(subjectStart))
                .findFirst().orElseThrow(() -> new AssertionError("no \"" + subjectStart + "\" to " + address
                        + " in " + mails.stream().map(m -> m.recipients() + " " + m.subject()).toList()));
    }

    private String body(OutboxMessage mail) {
        return jdbc.sql("select body_text from mail_outbox where id = :id").param("id", mail.id()).query(String.class)
                .single();
    }

    private MailAttachment file(OutboxMessage mail) {
        assertThat(mail.attachments()).hasSize(1);
        return outbox.attachment(owner, mail.id(), mail.attachments().get(0).id());
    }

    private static Calendar ics(MailAttachment file) throws Exception {
        return new CalendarBuilder().build(new StringReader(new String(file.content(), StandardCharsets.UTF_8)));
    }

    private static String value(Component component, String name) {
        return component.getProperty(name).orElseThrow(() -> new AssertionError("no " + name)).getValue();
    }

    private static VEvent event(Calendar calendar) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    @Test
    void eachAttendeeIsInvitedInTheirLanguageWithACalendarFileTheirAppReads() throws Exception {
        String id = weeklyCall(ownerToken, """
                "userIds": ["%s", "%s"], "contactIds": ["%s"]""".formatted(member.id(), paula.id(), harbourContact));
        call(get("/api/v1/meetings/" + id), ownerToken).andExpect(status().isOk())
                .andExpect(jsonPath("$.sequence").value(0))
                .andExpect(jsonPath("$.start").value("2027-03-22T09:00:00Z"))
                .andExpect(jsonPath("$.clientName").value("Harbour Studio"))
                .andExpect(jsonPath("$.attendees.length()").value(3));

        List<OutboxMessage> mails = mails(id);
        assertThat(mails).hasSize(3);
        OutboxMessage toMember = mailTo(mails, member.email(), "Invitation: Harbour weekly");
        OutboxMessage toPaula = mailTo(mails, paula.email(), "Convite: Harbour weekly");
        OutboxMessage toTom = mailTo(mails, "tom@harbour.example", "Convite: Harbour weekly");
        assertThat(toTom.replyTo()).isEqualTo(owner.email());
        // Each on their own clock: 09:00 London is 20:00 in Sydney, 06:00 in São Paulo.
        assertThat(body(toMember)).contains("9:00 AM to 9:30 AM").contains("Europe/London").contains("Newsletter and ads")
                .contains("https://meet.example/harbour").contains("/plan/meetings");
        assertThat(body(toTom)).contains("20:00").contains("Australia/Sydney").contains("Pauta:")
                .doesNotContain("/plan/meetings");
        assertThat(body(toPaula)).contains("06:00").contains("America/Sao Paulo");

        MailAttachment file = file(toTom);
        assertThat(file.contentType()).startsWith("text/calendar").contains("method=REQUEST");
        Calendar calendar = ics(file);
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        VEvent event = event(calendar);
        assertThat(value(event, "UID")).isEqualTo(id + "@clientdesk");
        assertThat(value(event, "SEQUENCE")).isEqualTo("0");
        assertThat(value(event, "SUMMARY")).isEqualTo("Harbour weekly");
        assertThat(value(event, "DESCRIPTION")).isEqualTo("Newsletter and ads");
        assertThat(value(event, "LOCATION")).isEqualTo("https://meet.example/harbour");
        assertThat(value(event, "RRULE")).contains("FREQ=WEEKLY").contains("COUNT=3");
        Property start = event.getProperty("DTSTART").orElseThrow();
        assertThat(start.<Parameter>getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/London");
        assertThat(Instant.from(event.<Temporal>getStartDate().orElseThrow().getDate()))
                .isEqualTo(Instant.parse("2027-03-22T09:00:00Z"));
        assertThat(value(event, "ORGANIZER")).isEqualToIgnoringCase("mailto:" + owner.email());
        assertThat(event.getProperties("ATTENDEE").stream().map(Property::getValue).map(v -> v.toLowerCase()))
                .containsExactlyInAnyOrder("mailto:" + member.email().toLowerCase(),
                        "mailto:" + paula.email().toLowerCase(), "mailto:tom@harbour.example");
        assertThat(calendar.getComponents(Component.VTIMEZONE)).hasSize(1);
    }

    @Test
    void aChangeRaisesTheSequenceAndTheCancellationTellsEveryone() throws Exception {
        String id = weeklyCall(ownerToken, """
                "userIds": ["%s", "%s"], "contactIds": ["%s"]""".formatted(member.id(), paula.id(), harbourContact));
        send(put("/api/v1/meetings/" + id), ownerToken, """
                {"title": "Harbour weekly call", "clientId": "%s", "start": "2027-03-22T10:00:00Z",
                 "end": "2027-03-22T10:45:00Z", "zone": "Europe/London", "weeks": 3,
                 "userIds": ["%s"], "contactIds": ["%s"]}""".formatted(harbour, member.id(), harbourContact))
                .andExpect(status().isOk()).andExpect(jsonPath("$.sequence").value(1))
                .andExpect(jsonPath("$.title").value("Harbour weekly call"));

        List<OutboxMessage> mails = mails(id);
        Calendar update = ics(file(mailTo(mails, "tom@harbour.example", "Convite atualizado: Harbour weekly call")));
        assertThat(update.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(value(event(update), "SEQUENCE")).isEqualTo("1");
        assertThat(Instant.from(event(update).<Temporal>getStartDate().orElseThrow().getDate()))
                .isEqualTo(Instant.parse("2027-03-22T10:00:00Z"));
        mailTo(mails, member.email(), "Updated invitation: Harbour weekly call");
        // Paula was taken off: she is told the meeting is off for her.
        OutboxMessage off = mailTo(mails, paula.email(), "Cancelada: Harbour weekly call");
        assertThat(file(off).contentType()).contains("method=CANCEL");
        assertThat(value(event(ics(file(off))), "SEQUENCE")).isEqualTo("1");

        call(post("/api/v1/meetings/" + id + "/cancel"), ownerToken).andExpect(status().isOk())
                .andExpect(jsonPath("$.cancelled").value(true)).andExpect(jsonPath("$.sequence").value(2));
        Calendar cancel = ics(file(mailTo(mails(id), "tom@harbour.example", "Cancelada: Harbour weekly call")));
        assertThat(cancel.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        assertThat(value(event(cancel), "SEQUENCE")).isEqualTo("2");
        assertThat(value(event(cancel), "STATUS")).isEqualTo("CANCELLED");
        int sent = mails(id).size();
        call(post("/api/v1/meetings/" + id + "/cancel"), ownerToken).andExpect(status().isOk())
                .andExpect(jsonPath("$.sequence").value(2));
        assertThat(mails(id)).hasSize(sent);
        send(put("/api/v1/meetings/" + id), ownerToken, """
                {"title": "Again", "start": "2027-03-22T10:00:00Z", "end": "2027-03-22T10:45:00Z",
                 "userIds": ["%s"]}""".formatted(member.id())).andExpect(status().isUnprocessableContent());
        call(get("/api/v1/meetings"), ownerToken).andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void aMemberSeesOnlyMeetingsTheyAreInWithTheirClientsAndChangesOnlyTheirOwn() throws Exception {
        String withMember = weeklyCall(ownerToken, """
                "userIds": ["%s"]""".formatted(member.id()));
        String withoutMember = weeklyCall(ownerToken, """
                "userIds": ["%s"]""".formatted(paula.id()));
        call(get("/api/v1/meetings/" + withMember), memberToken).andExpect(status().isOk());
        call(get("/api/v1/meetings/" + withoutMember), memberToken).andExpect(status().isNotFound());
        call(get("/api/v1/meetings"), memberToken).andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(withMember));
        // An attendee may read it, not change or cancel it.
        send(put("/api/v1/meetings/" + withMember), memberToken, """
                {"title": "Mine now", "start": "2027-03-22T10:00:00Z", "end": "2027-03-22T10:45:00Z",
                 "userIds": ["%s"]}""".formatted(owner.id())).andExpect(status().isForbidden());
        call(post("/api/v1/meetings/" + withMember + "/cancel"), memberToken).andExpect(status().isForbidden());
        call(get("/api/v1/meetings/" + withMember), ownerToken).andExpect(jsonPath("$.cancelled").value(false));
        // A meeting with a client not assigned to them is refused, and one the owner holds with it is hidden.
        send(post("/api/v1/meetings"), memberToken, """
                {"title": "Thames", "clientId": "%s", "start": "2027-03-22T10:00:00Z", "end": "2027-03-22T10:45:00Z",
                 "userIds": ["%s"]}""".formatted(thames, owner.id()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("clientId"));
        String thamesMeeting = JsonPath.read(send(post("/api/v1/meetings"), ownerToken, """
                {"title": "Thames", "clientId": "%s", "start": "2027-03-22T10:00:00Z", "end": "2027-03-22T10:45:00Z",
                 "contactIds": ["%s"]}""".formatted(thames, clients.get(owner, thames).contacts().get(0).id()))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
        call(get("/api/v1/meetings/" + thamesMeeting), memberToken).andExpect(status().isNotFound());
        // A member invited with a client not theirs is refused by name.
        send(post("/api/v1/meetings"), ownerToken, """
                {"title": "Thames", "clientId": "%s", "start": "2027-03-22T10:00:00Z", "end": "2027-03-22T10:45:00Z",
                 "userIds": ["%s"]}""".formatted(thames, member.id()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("userIds"));
        // A member organizes their own and changes it.
        String own = JsonPath.read(send(post("/api/v1/meetings"), memberToken, """
                {"title": "Sync", "start": "2027-03-23T10:00:00Z", "end": "2027-03-23T10:30:00Z",
                 "userIds": ["%s"]}""".formatted(paula.id())).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
        send(put("/api/v1/meetings/" + own), memberToken, """
                {"title": "Sync moved", "start": "2027-03-23T11:00:00Z", "end": "2027-03-23T11:30:00Z",
                 "userIds": ["%s"]}""".formatted(paula.id())).andExpect(status().isOk())
                .andExpect(jsonPath("$.sequence").value(1));
        // A client contact sees none.
        CurrentUser contact = addClientContact(ws, harbour);
        assertThat(meetings.find(contact, UUID.fromString(withMember))).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> meetings.upcoming(contact))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void aPersonsOccurrencesKeepTheWallClockTimeAcrossTheClockChange() throws Exception {
        String id = weeklyCall(ownerToken, """
                "userIds": ["%s"]""".formatted(member.id()));
        List<MeetingOccurrence> occurrences = meetings.between(member, member.id(),
                Instant.parse("2027-03-20T00:00:00Z"), Instant.parse("2027-04-10T00:00:00Z"));
        assertThat(occurrences).extracting(MeetingOccurrence::start).containsExactly(
                Instant.parse("2027-03-22T09:00:00Z"), Instant.parse("2027-03-29T08:00:00Z"),
                Instant.parse("2027-04-05T08:00:00Z"));
        assertThat(occurrences).allSatisfy(o -> {
            assertThat(o.meetingId()).hasToString(id);
            assertThat(ZonedDateTime.ofInstant(o.start(), ZoneId.of("Europe/London")).getHour()).isEqualTo(9);
            assertThat(java.time.Duration.between(o.start(), o.end())).hasMinutes(30);
        });
        // Only the range asked for; the owner asks for anyone, a member only for themself.
        assertThat(meetings.between(owner, member.id(), Instant.parse("2027-03-28T00:00:00Z"),
                Instant.parse("2027-04-01T00:00:00Z"))).extracting(MeetingOccurrence::number).containsExactly(2);
        assertThat(meetings.between(paula, paula.id(), Instant.parse("2027-03-20T00:00:00Z"),
                Instant.parse("2027-04-10T00:00:00Z"))).isEmpty();
        call(get("/api/v1/meetings/occurrences?userId=" + owner.id() + "&from=2027-03-20T00:00:00Z"
                + "&to=2027-04-10T00:00:00Z"), memberToken).andExpect(status().isNotFound());
        call(get("/api/v1/meetings/occurrences?from=2027-03-20T00:00:00Z&to=2027-04-10T00:00:00Z"), memberToken)
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.items[1].start").value("2027-03-29T09:00:00+01:00"));
    }

    @Test
    void badInputGivesTranslatedFieldErrorsAndSavesNothing() throws Exception {
        send(post("/api/v1/meetings"), ownerToken, """
                {"title": " ", "videoUrl": "ftp://files.example/x", "clientId": "%s", "start": "2027-03-22T10:00:00Z",
                 "end": "2027-03-22T09:00:00Z", "zone": "Mars/Base", "weeks": 0,
                 "userIds": ["%s"], "contactIds": ["%s"]}""".formatted(UUID.randomUUID(), UUID.randomUUID(),
                        UUID.randomUUID()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'title')].message").value("Give the meeting a title."))
                .andExpect(jsonPath("$.errors[?(@.field == 'videoUrl')].message")
                        .value("Enter a web address starting with http:// or https://."))
                .andExpect(jsonPath("$.errors[?(@.field == 'zone')]").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'weeks')]").isNotEmpty());
        send(post("/api/v1/meetings"), ownerToken, """
                {"title": "Call", "start": "2027-03-22T10:00:00Z", "end": "2027-03-22T09:00:00Z",
                 "userIds": ["%s"]}""".formatted(member.id()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("end"))
                .andExpect(jsonPath("$.errors[0].message").value("The meeting must end after it starts."));
        // An unknown attendee among good ones: nothing saved, nobody mailed.
        send(post("/api/v1/meetings"), ownerToken, """
                {"title": "Call", "clientId": "%s", "start": "2027-03-22T10:00:00Z", "end": "2027-03-22T11:00:00Z",
                 "userIds": ["%s", "%s"], "contactIds": ["%s"]}""".formatted(harbour, member.id(), UUID.randomUUID(),
                        harbourContact))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("userIds"));
        // In Portuguese for a Portuguese speaker.
        mvc.perform(post("/api/v1/meetings").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(paula))
                        .accept(MediaType.APPLICATION_JSON).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"\", \"start\": \"2027-03-22T10:00:00Z\", \"end\": \"2027-03-22T11:00:00Z\","
                                + " \"userIds\": [\"" + member.id() + "\"]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value("Dê um título à reunião."));
        assertThat(jdbc.sql("select count(*) from meetings where workspace_id = :w").param("w", ws.id())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from mail_outbox where workspace_id = :w and reference like 'meeting:%'")
                .param("w", ws.id()).query(Long.class).single()).isZero();
    }

    @Test
    void thePlannerFindsSlotsForSydneyAndLondonAndWarnsOfTheClockChanges() throws Exception {
        call(get("/api/v1/meeting-planner?clientIds=" + harbour + "&userIds=" + member.id()
                + "&weeks=52&durationMinutes=30&zone=Europe/London"), ownerToken)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organizerZone").value("Europe/London"))
                .andExpect(jsonPath("$.parties.length()").value(2))
                .andExpect(jsonPath("$.slots[0].starts.length()").value(2))
                .andExpect(jsonPath("$.slots[0].starts[0].zone").value("Australia/Sydney"))
                .andExpect(jsonPath("$.slots[0].starts[1].zone").value("Europe/London"))
                // London 07:00 is Sydney 16:00 in the southern winter and 18:00 in its summer: a compromise.
                .andExpect(jsonPath("$.outcome").value("COMPROMISE"))
                .andExpect(jsonPath("$.noSlotInsideAllWeeks").value(true))
                .andExpect(jsonPath("$.impossible").value(false))
                .andExpect(jsonPath("$.slots[0].dstWarnings").isNotEmpty())
                .andExpect(jsonPath("$.dstWarnings[0].party").isNotEmpty())
                .andExpect(jsonPath("$.dstWarnings[0].newLocalTime").isNotEmpty());
        call(get("/api/v1/meeting-planner?clientIds=not-an-id&userIds=" + UUID.randomUUID()
                + "&weeks=53&durationMinutes=5&zone=Mars/Base"), ownerToken)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'weeks')].message")
                        .value("Enter a number of weeks from 1 to 52."))
                .andExpect(jsonPath("$.errors[?(@.field == 'durationMinutes')].message")
                        .value("Enter a length from 15 to 480 minutes."))
                .andExpect(jsonPath("$.errors[?(@.field == 'zone')]").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'clientIds')]").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'userIds')]").isNotEmpty());
        // A member may not plan with a client not assigned to them.
        call(get("/api/v1/meeting-planner?clientIds=" + thames), memberToken)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("clientIds"));
    }

    @Test
    void thePagesPlanChooseSaveListAndCancel() throws Exception {
        String planner = mvc.perform(get("/plan/meetings/new").with(user(owner)).param("find", "1")
                        .param("clientIds", harbour.toString()).param("userIds", member.id().toString())
                        .param("weeks", "52").param("durationMinutes", "30"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(planner).contains("Choose this slot").contains("Harbour Studio (Sydney)")
                .contains("No time stays inside everyone’s hours every week.").containsPattern("From \\d+ \\w+ 2027 this is [^<]+ for Harbour Studio \\(Sydney\\)");
        mvc.perform(get("/plan/meetings/new").with(user(owner)).param("find", "1").param("weeks", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Enter a number of weeks from 1 to 52.")));
        String form = mvc.perform(get("/plan/meetings/create").with(user(owner))
                        .param("start", "2027-03-22T09:00").param("end", "2027-03-22T09:30")
                        .param("zone", "Europe/London").param("weeks", "3").param("clientId", harbour.toString())
                        .param("userIds", member.id().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("value=\"2027-03-22T09:00\"").contains("Tom Reid");
        mvc.perform(post("/plan/meetings").with(user(owner)).with(csrf()).param("title", "")
                        .param("start", "2027-03-22T09:00").param("end", "2027-03-22T09:30")
                        .param("zone", "Europe/London").param("userIds", member.id().toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Give the meeting a title.")));
        mvc.perform(post("/plan/meetings").with(user(owner)).with(csrf()).param("title", "Harbour weekly")
                        .param("start", "2027-03-22T09:00").param("end", "2027-03-22T09:30")
                        .param("zone", "Europe/London").param("weeks", "3").param("clientId", harbour.toString())
                        .param("userIds", member.id().toString()).param("contactIds", harbourContact.toString()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/plan/meetings"));
        Meeting saved = meetings.upcoming(owner).get(0);
        assertThat(saved.start()).isEqualTo(Instant.parse("2027-03-22T09:00:00Z"));
        assertThat(saved.weeks()).isEqualTo(3);
        assertThat(mails(saved.id().toString())).hasSize(2);
        String list = mvc.perform(get("/plan/meetings").with(user(member))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Harbour weekly").doesNotContain("/cancel");
        assertThat(mvc.perform(get("/plan/meetings").with(user(owner))).andReturn().getResponse()
                .getContentAsString()).contains("/plan/meetings/" + saved.id() + "/cancel");
        mvc.perform(post("/plan/meetings/" + saved.id() + "/cancel").with(user(owner)).with(csrf()))
                .andExpect(redirectedUrl("/plan/meetings"));
        assertThat(meetings.get(owner, saved.id()).cancelled()).isTrue();
    }
}
