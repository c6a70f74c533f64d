package app.clientdesk.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.reset;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.time.ImportPreview.ClientRow;
import app.clientdesk.time.ImportPreview.ProjectRow;
import app.clientdesk.time.ImportPreview.UserRow;
import app.clientdesk.time.imports.LineProblem;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.ProjectInput;
import app.clientdesk.work.Projects;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The import as a person does it, through the screens: upload, preview (problems with their lines, the
 * mapping's defaults), commit in the background, and the import key that keeps a row from coming twice.
 * Batches of two rows, so that a file of a few rows is written in several batches.
 */
@TestPropertySource(properties = "clientdesk.imports.batch-size=2")
class TimeImportIT extends IntegrationTest {

    @Autowired TimeImports imports;
    @Autowired TimeEntries entries;
    @Autowired Rates rates;
    @Autowired Projects projects;
    @Autowired Tasks tasks;
    @Autowired JdbcClient jdbc;
    @Autowired Timer timer;
    @MockitoSpyBean ImportStore store;

    TestWorkspace ws;
    CurrentUser owner;
    CurrentUser member;

    @BeforeEach
    void workspace() {
        ws = newWorkspace();
        owner = ws.owner();
        member = addMember(ws);
    }

    @AfterEach
    void realStore() {
        reset(store);
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = TimeImportIT.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        }
    }

    /** Uploads through the page; returns the new import's id, read from the redirect. */
    private UUID upload(String name, byte[] content, String zone) throws Exception {
        MockHttpServletResponse response = mvc.perform(multipart("/time/import")
                .file(new MockMultipartFile("file", name, "text/csv", content)).param("zone", zone)
                .with(user(owner)).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
        String location = response.getRedirectedUrl();
        assertThat(location).startsWith("/time/import/");
        return UUID.fromString(location.substring("/time/import/".length()));
    }

    private MockHttpServletResponse commit(UUID id, Map<String, String> params) throws Exception {
        var request = post("/time/import/" + id).param("action", "commit").with(user(owner)).with(csrf());
        params.forEach(request::param);
        return mvc.perform(request).andReturn().getResponse();
    }

    private ImportProgress finished(UUID id) throws InterruptedException {
        long until = System.nanoTime() + 30_000_000_000L;
        ImportProgress p = imports.progress(owner, id);
        while ((p.running() || p.state() == ImportProgress.State.NONE && !imports.get(owner, id).committed())
                && System.nanoTime() < until) {
            Thread.sleep(50);
            p = imports.progress(owner, id);
        }
        assertThat(p.running()).as("the commit is still running").isFalse();
        return p;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where workspace_id = :w").param("w", ws.id())
                .query(Long.class).single();
    }

    private String page(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(user(owner))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    // --- tests -------------------------------------------------------------------------------------

    @Test
    void aPreviewListsEachBadRowWithItsLineAndReasonAndNothingCanBeImported() throws Exception {
        UUID id = upload("toggl-malformed.csv", sample("toggl-malformed.csv"), "America/Sao_Paulo");

        ImportPreview preview = imports.preview(owner, id, ImportChoices.defaults());
        assertThat(preview.problems()).extracting(LineProblem::line, LineProblem::key).containsExactly(
                Tuple.tuple(3, "timeimport.row.startDate"), Tuple.tuple(3, "timeimport.row.endDate"),
                Tuple.tuple(4, "timeimport.row.endBeforeStart"), Tuple.tuple(5, "timeimport.row.tooLong"),
                Tuple.tuple(6, "timeimport.row.overlap"), Tuple.tuple(7, "timeimport.row.fields"),
                Tuple.tuple(8, "timeimport.row.billable"), Tuple.tuple(9, "timeimport.row.startTime"));
        assertThat(preview.problems().get(4).args()).containsExactly(2); // shares time with line 2
        assertThat(preview.toImport()).isEqualTo(1);
        assertThat(preview.committable()).isFalse();

        String html = page("/time/import/" + id);
        assertThat(html).contains("Problems (8)", "The start date “2026-02-30” is not a date written like 2026-12-31.",
                "The end is before the start.", "Shares time with line 2, of the same person.",
                "The row has 14 values where the header has 13.", "Billable is “Perhaps”; it must be Yes or No.");
        assertThat(html).containsPattern("<button type=\"submit\" name=\"action\" value=\"commit\" class=\"button primary\" disabled");

        MockHttpServletResponse refused = commit(id, Map.of());
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Nothing was imported");
        assertThat(count("time_entries")).isZero();
        assertThat(count("clients")).isZero();
        assertThat(imports.get(owner, id).committed()).isFalse();
    }

    @Test
    void oneBadRowAmongGoodOnesRefusesTheWholeFile() throws Exception {
        String csv = """
                User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags
                Ana,%1$s,Acme,Site,,One,Yes,2026-05-04,09:00:00,2026-05-04,10:00:00,01:00:00,
                Ana,%1$s,Acme,Site,,Two,Yes,2026-05-04,10:00:00,2026-05-04,11:00:00,01:00:00,
                Ana,%1$s,Acme,Site,,Three,Yes,2026-05-04,13:00:00,2026-05-04,12:00:00,01:00:00,
                """.formatted(owner.email());
        UUID id = upload("one-bad.csv", csv.getBytes(StandardCharsets.UTF_8), "America/Sao_Paulo");

        ImportPreview preview = imports.preview(owner, id, ImportChoices.defaults());
        assertThat(preview.toImport()).isEqualTo(2);
        assertThat(preview.problems()).extracting(LineProblem::line).containsExactly(4);
        assertThat(commit(id, Map.of()).getStatus()).isEqualTo(422);

        assertThat(count("time_entries")).isZero();
        assertThat(count("clients")).isZero();
        assertThat(count("projects")).isZero();
    }

    @Test
    void commitsWithNewAndExistingClientsProjectsTasksAndPeopleAndNotTwice() throws Exception {
        ClientId acme = createClient(ws, "ACME Corp", member.id());
        ProjectId newsletter = projects.create(owner, new ProjectInput(acme.value().toString(), "newsletter", "ACTIVE",
                null, null, null, null, null));
        TaskId march = tasks.create(owner, new TaskInput("March Issue", null, acme.value().toString(),
                newsletter.value().toString(), null, false, false, null, null, null, null, null, null, null, null,
                List.of(), null, null, List.of()));
        rates.set(owner, new RateInput("CLIENT", acme.value().toString(), "GBP", "55"));
        UUID id = upload("toggl-detailed.csv", sample("toggl-detailed.csv"), "America/Sao_Paulo");

        // The defaults: same-named client and project (ignoring case), new ones otherwise; nobody of the file
        // has an account here, so both people are to be chosen.
        ImportPreview preview = imports.preview(owner, id, ImportChoices.defaults());
        assertThat(preview.rows()).isEqualTo(4);
        assertThat(preview.toImport()).isEqualTo(3);
        assertThat(preview.zeroLength()).isEqualTo(1);
        assertThat(preview.problemCount()).isZero();
        assertThat(preview.clients()).extracting(ClientRow::name, ClientRow::choice).containsExactly(
                Tuple.tuple("Acme Corp", acme.value().toString()), Tuple.tuple("Padaria Pão Quente", "new"));
        assertThat(preview.projects()).extracting(ProjectRow::name, ProjectRow::choice).containsExactly(
                Tuple.tuple("Newsletter", newsletter.value().toString()), Tuple.tuple("Site novo", "new"));
        assertThat(preview.users()).extracting(UserRow::email, UserRow::choice, UserRow::problemKey).containsExactly(
                Tuple.tuple("ana@example.com", "", "timeimport.map.user.choose"),
                Tuple.tuple("bruno@example.com", "", "timeimport.map.user.choose"));
        assertThat(preview.committable()).isFalse();
        assertThat(preview.firstDay()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(preview.seconds()).isEqualTo((90 + 45 + 105) * 60);
        String html = page("/time/import/" + id);
        assertThat(html).contains("A new client “Padaria Pão Quente”", "Choose a person…", "Texto da página");

        MockHttpServletResponse started = commit(id, Map.of("zone", "America/Sao_Paulo",
                "user[0]", owner.id().value().toString(), "user[1]", member.id().value().toString()));
        assertThat(started.getStatus()).isEqualTo(302);
        assertThat(started.getRedirectedUrl()).isEqualTo("/time/import/" + id);
        assertThat(finished(id).state()).isEqualTo(ImportProgress.State.DONE);

        TimeImport done = imports.get(owner, id);
        assertThat(done.committed()).isTrue();
        assertThat(done.importedCount()).isEqualTo(3);
        assertThat(done.skippedCount()).isEqualTo(1);
        UUID padaria = jdbc.sql("select id from clients where workspace_id = :w and name = 'Padaria Pão Quente'")
                .param("w", ws.id()).query(UUID.class).single();
        var created = clients.get(owner, new ClientId(padaria));
        assertThat(created.currency().getCurrencyCode()).isEqualTo("BRL");
        assertThat(created.zone().getId()).isEqualTo("America/Sao_Paulo");
        assertThat(projects.list(owner, new ClientId(padaria), false)).extracting(p -> p.name()).containsExactly("Site novo");
        assertThat(projects.list(owner, acme, false)).hasSize(1);

        List<TimeEntry> imported = entries.search(owner, TimeQuery.between(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)))
                .stream().sorted(java.util.Comparator.comparing(TimeEntry::start)).toList();
        assertThat(imported).hasSize(3);
        TimeEntry design = imported.get(0);
        assertThat(design.userId()).isEqualTo(owner.id());
        assertThat(design.clientName()).isEqualTo("Padaria Pão Quente");
        assertThat(design.projectName()).isEqualTo("Site novo");
        assertThat(design.taskId()).isNull();
        assertThat(design.note()).isEqualTo("Layout — Reunião com a Ana, revisão do orçamento");
        assertThat(design.tags()).containsExactlyInAnyOrder("Reunião", "Design");
        assertThat(jdbc.sql("""
                select count(*) from time_entry_tags g join time_entries e on e.id = g.entry_id
                where g.workspace_id = :w and g.user_id = e.user_id""").param("w", ws.id()).query(Long.class).single())
                .as("each imported tag names its entry's person, for that person's tag filter")
                .isEqualTo(count("time_entry_tags")).isPositive();
        assertThat(design.billable()).isTrue();
        assertThat(design.start()).isEqualTo(Instant.parse("2026-03-02T12:00:00Z"));
        assertThat(design.zone().getId()).isEqualTo("America/Sao_Paulo");
        assertThat(design.importId()).isEqualTo(id);
        assertThat(imported.get(1).note()).isEqualTo("Texto da página \"Sobre\"\nsegunda linha do texto");
        assertThat(imported.get(1).billable()).isFalse();
        TimeEntry newsletterWork = imported.get(2);
        assertThat(newsletterWork.userId()).isEqualTo(member.id());
        assertThat(newsletterWork.taskId()).isEqualTo(march);
        assertThat(newsletterWork.projectId()).isEqualTo(newsletter);
        assertThat(newsletterWork.note()).isEqualTo("Draft, then review");
        assertThat(newsletterWork.localDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(newsletterWork.durationSeconds()).isEqualTo(105 * 60);
        assertThat(newsletterWork.rate().amount()).isEqualByComparingTo(new BigDecimal("55"));
        assertThat(newsletterWork.rateSource()).isEqualTo(RateScope.CLIENT);
        assertThat(page("/time/import/" + id)).contains("3 entries were added.",
                "/time/entries?from=2026-03-02&to=2026-03-02");

        // The same file again: every row is known, nothing can be committed, nothing is added.
        long clientsBefore = count("clients");
        UUID again = upload("toggl-detailed (1).csv", sample("toggl-detailed.csv"), "America/Sao_Paulo");
        ImportPreview second = imports.preview(owner, again, new ImportChoices(null, null, Map.of(), Map.of(),
                Map.of("0", owner.id().value().toString(), "1", member.id().value().toString())));
        assertThat(second.alreadyImported()).isEqualTo(3);
        assertThat(second.toImport()).isZero();
        assertThat(second.allAlreadyImported()).isTrue();
        ImportPreview inAnotherZone = imports.preview(owner, again, new ImportChoices("Europe/London", null, Map.of(),
                Map.of(), Map.of("0", owner.id().value().toString(), "1", member.id().value().toString())));
        assertThat(inAnotherZone.alreadyImported()).as("the same rows, read in another zone").isEqualTo(3);
        assertThat(page("/time/import/" + again)).contains("All 3 rows of this file were imported before.");
        assertThat(commit(again, Map.of("user[0]", owner.id().value().toString(),
                "user[1]", member.id().value().toString())).getStatus()).isEqualTo(422);
        assertThat(count("time_entries")).isEqualTo(3);
        assertThat(count("clients")).isEqualTo(clientsBefore);
    }

    @Test
    void aFailureWhileWritingKeepsNothingAndSaysWhy() throws Exception {
        String csv = """
                User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags
                Ana,%1$s,Brand New Client,Fresh Project,,One,Yes,2026-05-04,09:00:00,2026-05-04,10:00:00,01:00:00,x
                Ana,%1$s,Brand New Client,Fresh Project,,Two,Yes,2026-05-04,10:00:00,2026-05-04,11:00:00,01:00:00,y
                Ana,%1$s,Brand New Client,Fresh Project,,Three,Yes,2026-05-04,11:00:00,2026-05-04,12:00:00,01:00:00,z
                """.formatted(owner.email());
        UUID id = upload("fails.csv", csv.getBytes(StandardCharsets.UTF_8), "America/Sao_Paulo");
        // The first batch (two rows) goes in, the second fails: the disk filled up, say.
        doCallRealMethod().doThrow(new IllegalStateException("disk full")).when(store)
                .insertEntries(any(), anyList(), any(), any());

        assertThat(commit(id, Map.of()).getStatus()).isEqualTo(302);
        ImportProgress failed = finished(id);

        assertThat(failed.state()).isEqualTo(ImportProgress.State.FAILED);
        assertThat(failed.reasonKey()).isEqualTo("timeimport.failed.unexpected");
        assertThat(count("time_entries")).isZero();
        assertThat(count("time_entry_tags")).isZero();
        assertThat(count("clients")).isZero();
        assertThat(count("projects")).isZero();
        assertThat(imports.get(owner, id).committed()).isFalse();
        assertThat(page("/time/import/" + id)).contains("The import failed, and nothing of it was kept.",
                "Something went wrong on our side (reference " + failed.reasonArgs().get(0) + ")");

        // Once the cause is gone, the same choices commit.
        reset(store);
        assertThat(commit(id, Map.of()).getStatus()).isEqualTo(302);
        assertThat(finished(id).state()).isEqualTo(ImportProgress.State.DONE);
        assertThat(count("time_entries")).isEqualTo(3);
        assertThat(count("clients")).isEqualTo(1);
    }

    @Test
    void rowsThatShareTimeWithExistingEntriesOfTheSamePersonAreProblems() throws Exception {
        ClientId acme = createClient(ws, "Acme");
        entries.create(owner, TimeEntryInput.ofInstants(acme.value().toString(), null, null,
                "2026-05-04T09:30:00-03:00", "2026-05-04T10:15:00-03:00", true, "Already here", null));
        String csv = """
                User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags
                Olga,olga@elsewhere.example,Acme,,,Overlaps,Yes,2026-05-04,09:00:00,2026-05-04,10:00:00,01:00:00,
                Olga,olga@elsewhere.example,Acme,,,After it,Yes,2026-05-04,10:15:00,2026-05-04,11:00:00,00:45:00,
                """;
        UUID id = upload("overlap.csv", csv.getBytes(StandardCharsets.UTF_8), "America/Sao_Paulo");

        // One person in the file and no account with their email: the importer, by default.
        ImportPreview preview = imports.preview(owner, id, ImportChoices.defaults());
        assertThat(preview.users()).extracting(UserRow::choice).containsExactly(owner.id().value().toString());
        assertThat(preview.problems()).extracting(LineProblem::line, LineProblem::key)
                .containsExactly(Tuple.tuple(2, "timeimport.row.overlapExisting"));
        assertThat(preview.problems().get(0).args()).containsExactly("Owner", "2026-05-04 09:30", "10:15", "Acme");

        // Logged for the member instead, nothing overlaps.
        ImportPreview forMember = imports.preview(owner, id, new ImportChoices(null, null, Map.of(), Map.of(),
                Map.of("0", member.id().value().toString())));
        assertThat(forMember.committable()).isTrue();
    }

    @Test
    void rowsAfterTheStartOfThePersonsRunningTimerAreProblems() throws Exception {
        ClientId acme = createClient(ws, "Acme");
        clock.set(java.time.Instant.parse("2026-05-04T12:30:00Z"));
        timer.start(owner, TimerStart.onClient(acme.value().toString(), "On the phone"));
        String csv = """
                User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags
                Olga,olga@elsewhere.example,Acme,,,Before it,Yes,2026-05-04,08:00:00,2026-05-04,09:00:00,01:00:00,
                Olga,olga@elsewhere.example,Acme,,,Into it,Yes,2026-05-04,09:00:00,2026-05-04,10:00:00,01:00:00,
                """;
        UUID id = upload("timer.csv", csv.getBytes(StandardCharsets.UTF_8), "America/Sao_Paulo");

        ImportPreview preview = imports.preview(owner, id, ImportChoices.defaults());
        assertThat(preview.problems()).extracting(LineProblem::line, LineProblem::key)
                .containsExactly(Tuple.tuple(3, "timeimport.row.overlapTimer"));
        assertThat(preview.committable()).isFalse();
    }

    @Test
    void anEntryLoggedBetweenThePreviewAndTheCommitStopsTheCommit() throws Exception {
        String csv = """
                User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags
                Olga,%1$s,Late Client,,,Morning,Yes,2026-06-01,09:00:00,2026-06-01,10:00:00,01:00:00,
                """.formatted(owner.email());
        UUID id = upload("late.csv", csv.getBytes(StandardCharsets.UTF_8), "America/Sao_Paulo");
        assertThat(imports.preview(owner, id, ImportChoices.defaults()).committable()).isTrue();
        ClientId other = createClient(ws, "Other");
        entries.create(owner, TimeEntryInput.ofInstants(other.value().toString(), null, null,
                "2026-06-01T09:30:00-03:00", "2026-06-01T09:45:00-03:00", true, "Meanwhile", null));

        // The form exactly as the preview showed it: the commit starts, and its own check finds the overlap.
        assertThat(commit(id, Map.of("zone", "America/Sao_Paulo", "dates", "", "client[0]", "new",
                "user[0]", owner.id().value().toString())).getStatus()).isEqualTo(302);
        ImportProgress failed = finished(id);

        assertThat(failed.state()).isEqualTo(ImportProgress.State.FAILED);
        assertThat(failed.reasonKey()).isEqualTo("timeimport.failed.changed");
        assertThat(count("time_entries")).isEqualTo(1);
        assertThat(count("clients")).isEqualTo(1);
        assertThat(page("/time/import/" + id)).contains("The import failed, and nothing of it was kept.",
                "Shares time with an entry Owner already has");
    }

    @Test
    void theDateOrderOfAnAmbiguousFileCanBeChosenAndAPeopleAreMatchedByEmail() throws Exception {
        byte[] csv = new String(sample("clockify-ambiguous.csv"), StandardCharsets.UTF_8)
                .replace("dana@example.com", member.email()).getBytes(StandardCharsets.UTF_8);
        UUID id = upload("clockify.csv", csv, "Europe/Lisbon");

        ImportPreview monthFirst = imports.preview(owner, id, ImportChoices.defaults());
        assertThat(monthFirst.dates().ambiguous()).isTrue();
        assertThat(monthFirst.users()).extracting(UserRow::choice).containsExactly(member.id().value().toString());
        assertThat(monthFirst.firstDay()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(page("/time/import/" + id)).contains("such as 03/04/2026, can be read with the day or the month first");

        ImportPreview dayFirst = imports.preview(owner, id, new ImportChoices("Europe/Lisbon", "DMY", Map.of(), Map.of(),
                Map.of()));
        assertThat(dayFirst.firstDay()).isEqualTo(LocalDate.of(2026, 4, 3));
        assertThat(dayFirst.lastDay()).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(commit(id, Map.of("dates", "DMY", "zone", "Europe/Lisbon")).getStatus()).isEqualTo(302);
        assertThat(finished(id).state()).isEqualTo(ImportProgress.State.DONE);
        OffsetDateTime start = jdbc.sql("select min(started_at) from time_entries where workspace_id = :w")
                .param("w", ws.id()).query(OffsetDateTime.class).single();
        assertThat(start.toInstant()).isEqualTo(Instant.parse("2026-04-03T09:00:00Z")); // 10:00 in Lisbon, summer time
    }

    @Test
    void timeWithoutAClientGoesToANewClientInAFreshWorkspace() throws Exception {
        // A fresh workspace has no client to choose: the row without one offers a new client and takes it.
        UUID id = upload("toggl-no-client.csv", sample("toggl-no-client.csv"), "America/Sao_Paulo");
        ImportPreview preview = imports.preview(owner, id, new ImportChoices(null, null, Map.of(), Map.of(),
                Map.of("0", owner.id().value().toString())));
        assertThat(preview.clients()).extracting(ClientRow::name, ClientRow::choice, ClientRow::problemKey)
                .containsExactlyInAnyOrder(Tuple.tuple("Padaria Pão Quente", "new", null), Tuple.tuple(null, "new", null));
        assertThat(preview.committable()).isTrue();
        assertThat(page("/time/import/" + id)).contains("A new client “Time without a client”");

        MockHttpServletResponse started = commit(id, Map.of("zone", "America/Sao_Paulo",
                "user[0]", owner.id().value().toString()));
        assertThat(started.getStatus()).isEqualTo(302);
        assertThat(finished(id).state()).isEqualTo(ImportProgress.State.DONE);
        List<TimeEntry> imported = entries.search(owner, TimeQuery.between(LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31)));
        assertThat(imported).extracting(TimeEntry::clientName, TimeEntry::note).containsExactlyInAnyOrder(
                Tuple.tuple("Padaria Pão Quente", "Cardápio"),
                Tuple.tuple("Time without a client", "Organizar a caixa de entrada"));

        // The next file's time without a client goes to the same client, not to a second one.
        UUID again = upload("toggl-no-client (1).csv", sample("toggl-no-client.csv"), "Europe/London");
        ImportPreview second = imports.preview(owner, again, ImportChoices.defaults());
        String made = jdbc.sql("select id from clients where workspace_id = :w and name = 'Time without a client'")
                .param("w", ws.id()).query(UUID.class).single().toString();
        assertThat(second.clients()).extracting(ClientRow::name, ClientRow::choice)
                .contains(Tuple.tuple(null, made));
    }

    @Test
    void withClientsTheRowWithoutOneAsksButOffersANewClient() throws Exception {
        createClient(ws, "ACME Corp");
        UUID id = upload("toggl-no-client.csv", sample("toggl-no-client.csv"), "America/Sao_Paulo");
        ImportPreview preview = imports.preview(owner, id, new ImportChoices(null, null, Map.of(), Map.of(),
                Map.of("0", owner.id().value().toString())));
        assertThat(preview.clients()).extracting(ClientRow::name, ClientRow::problemKey)
                .contains(Tuple.tuple(null, "timeimport.map.client.choose"));
        int none = preview.clients().stream().filter(c -> c.name() == null).findFirst().orElseThrow().index();
        ImportPreview chosen = imports.preview(owner, id, new ImportChoices(null, null,
                Map.of(String.valueOf(none), "new"), Map.of(), Map.of("0", owner.id().value().toString())));
        assertThat(chosen.committable()).isTrue();
    }

    @Test
    void aRefreshShowsThePreviewWithTheNewChoicesAndAnHtmxRefreshOnlyItsBody() throws Exception {
        UUID id = upload("toggl-detailed.csv", sample("toggl-detailed.csv"), "America/Sao_Paulo");

        MockHttpServletResponse full = mvc.perform(post("/time/import/" + id).param("action", "refresh")
                .param("user[0]", owner.id().value().toString()).param("user[1]", owner.id().value().toString())
                .with(user(owner)).with(csrf())).andReturn().getResponse();
        assertThat(full.getStatus()).isEqualTo(200);
        assertThat(full.getContentAsString(StandardCharsets.UTF_8)).contains("<html", "Ready: 3 entries will be added.");

        MockHttpServletResponse fragment = mvc.perform(post("/time/import/" + id).param("action", "refresh")
                .param("user[0]", owner.id().value().toString()).header("HX-Request", "true")
                .with(user(owner)).with(csrf())).andReturn().getResponse();
        assertThat(fragment.getStatus()).isEqualTo(200);
        assertThat(fragment.getContentAsString(StandardCharsets.UTF_8)).startsWith("<div id=\"import-preview\"")
                .doesNotContain("<html").contains("1 choice is still needed below before importing.");
        assertThat(count("time_entries")).isZero();
    }

    @Test
    void aFileThatIsNotAnExportIsRefusedOnTheUploadPage() throws Exception {
        MockHttpServletResponse response = mvc.perform(multipart("/time/import")
                .file(new MockMultipartFile("file", "hours.csv", "text/csv", "Date,Hours\n2026-03-02,1.5\n".getBytes()))
                .param("zone", "Europe/London").with(user(owner)).with(csrf())).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .contains("This is not a detailed report of Toggl Track or Clockify");
        assertThat(imports.recent(owner)).isEmpty();
    }
}
