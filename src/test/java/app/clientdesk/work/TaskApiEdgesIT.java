package app.clientdesk.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The edges of the task API: partial changes of a repeat, deleting with files, dates no database holds. */
class TaskApiEdgesIT extends IntegrationTest {

    @Autowired Tasks tasks;
    @Autowired Attachments attachments;
    @Value("${clientdesk.attachments.dir}") Path attachmentsRoot;

    private TaskId weekly(TestWorkspace ws, ClientId client) {
        return tasks.create(ws.owner(), new TaskInput("Weekly report", null, client.value().toString(), null, null,
                false, false, "2026-12-07", null, null, null, null, null, "WEEKLY", "1", List.of("MONDAY"), null,
                null, List.of()));
    }

    @Test
    void aPatchOfOnePartOfARepeatKeepsTheRest() throws Exception {
        TestWorkspace ws = newWorkspace();
        TaskId id = weekly(ws, createClient(ws, "Acme"));
        mvc.perform(patch("/api/v1/tasks/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(ws.owner()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"recurrence\": {\"until\": \"2027-03-01\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recurrence.frequency").value("WEEKLY"))
                .andExpect(jsonPath("$.recurrence.weekdays[0]").value("MONDAY"))
                .andExpect(jsonPath("$.recurrence.until").value("2027-03-01"));
    }

    @Test
    void deletingATaskOverTheApiRemovesItsFiles() throws Exception {
        TestWorkspace ws = newWorkspace();
        TaskId id = weekly(ws, createClient(ws, "Acme"));
        attachments.add(ws.owner(), id, "notes.txt", new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)));
        Path folder = attachmentsRoot.resolve(ws.id().toString());
        assertThat(files(folder)).hasSize(1);

        mvc.perform(delete("/api/v1/tasks/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(ws.owner())))
                .andExpect(status().isNoContent());
        assertThat(files(folder)).isEmpty();
    }

    @Test
    void aDateNoDatabaseHoldsIsA422NotAFailure() throws Exception {
        TestWorkspace ws = newWorkspace();
        mvc.perform(get("/api/v1/tasks").param("dueFrom", "+300000-01-01")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(ws.owner())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("dueFrom"));
    }

    @Test
    void invisibleCharactersLeaveFileNames() {
        assertThat(Attachments.cleanName("invoice\u202Etxt.exe")).isEqualTo("invoicetxt.exe");
    }

    private static List<Path> files(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.list(folder)) {
            return all.toList();
        }
    }
}
