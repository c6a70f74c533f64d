package app.clientdesk.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.support.QueryCounts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The board's column counts are kept (task_stage_counts), not counted: after any series of creates, moves,
 * completions, client changes, deletes and client archives they equal a count of the tasks themselves, for
 * the owner and a member, over all clients and each one; and the board reads them without counting tasks.
 * (A seeded random series in JUnit rather than a jqwik property: jqwik does not run Spring's test context.)
 */
class StageCountsIT extends IntegrationTest {

    @Autowired Tasks tasks;
    @Autowired TaskStore store;
    @Autowired Attachments attachments;
    @Autowired Workflows workflows;
    @Autowired JdbcTemplate jdbc;

    @Test
    void keptCountsEqualRealCountsAfterARandomSeriesOfOperations() {
        for (long seed = 1; seed <= 3; seed++) {
            randomSeries(seed, 120);
        }
    }

    private void randomSeries(long seed, int operations) {
        Random random = new Random(seed);
        TestWorkspace ws = newWorkspace();
        CurrentUser owner = ws.owner();
        CurrentUser member = addMember(ws);
        List<ClientId> clientIds = List.of(createClient(ws, "Kept A", member.id()), createClient(ws, "Kept B"),
                createClient(ws, "Kept C", member.id()));
        Workflow workflow = workflows.standard(owner.workspaceId());
        List<TaskId> made = new ArrayList<>();
        Map<ClientId, Boolean> archived = new HashMap<>();
        int[] done = new int[10];
        for (int op = 0; op < operations; op++) {
            String what = "seed " + seed + ", operation " + op;
            int kind = made.isEmpty() ? 0 : random.nextInt(10);
            ClientId client = clientIds.get(random.nextInt(clientIds.size()));
            Stage stage = workflow.stages().get(random.nextInt(workflow.stages().size()));
            try {
                switch (kind) {
                    case 0, 1, 2 -> made.add(tasks.create(random.nextBoolean() ? owner : member, new TaskInput(
                            "Task " + op, null, client.value().toString(), null, stage.id().value().toString(), false,
                            false, null, null, null, null, null, null, null, null, List.of(), null, null, List.of())));
                    case 3, 4 -> {
                        TaskId id = made.get(random.nextInt(made.size()));
                        tasks.move(owner, id, stage.id(), random.nextBoolean() ? null : random.nextInt(3));
                    }
                    case 5 -> tasks.complete(owner, made.get(random.nextInt(made.size())));
                    case 6 -> {
                        TaskId id = made.get(random.nextInt(made.size()));
                        tasks.update(owner, id, TaskInput.quick("Moved to another client " + op,
                                client.value().toString(), null));
                    }
                    case 7, 8 -> attachments.deleteTask(owner, made.remove(random.nextInt(made.size())));
                    default -> {
                        if (archived.getOrDefault(client, false)) {
                            clients.restore(owner, client);
                            archived.put(client, false);
                        } else {
                            clients.archive(owner, client);
                            archived.put(client, true);
                        }
                    }
                }
                done[kind]++;
            } catch (InvalidInputException | app.clientdesk.shared.web.NotFoundException e) {
                // refused (a task of an archived client, a move the workflow forbids): nothing changed
            }
            if (op % 10 == 9 || op == operations - 1) {
                sameAsCounted(what, owner, member, workflow, clientIds);
            }
        }
        // the series did create, move, complete, change clients, delete and archive
        assertThat(done[0] + done[1] + done[2]).as("seed " + seed + " creates").isPositive();
        assertThat(done[3] + done[4]).as("seed " + seed + " moves").isPositive();
        assertThat(done[5]).as("seed " + seed + " completions").isPositive();
        assertThat(done[6]).as("seed " + seed + " client changes").isPositive();
        assertThat(done[7] + done[8]).as("seed " + seed + " deletes").isPositive();
        assertThat(done[9]).as("seed " + seed + " archives").isPositive();
    }

    private void sameAsCounted(String what, CurrentUser owner, CurrentUser member, Workflow workflow,
            List<ClientId> clientIds) {
        List<Map<String, Object>> kept = jdbc.queryForList("""
                select client_id, stage_id, tasks from task_stage_counts where workspace_id = ? and tasks > 0
                order by client_id, stage_id""", owner.workspaceId().value());
        List<Map<String, Object>> counted = jdbc.queryForList("""
                select client_id, stage_id, count(*) as tasks from tasks where workspace_id = ?
                group by client_id, stage_id order by client_id, stage_id""", owner.workspaceId().value());
        assertThat(kept.toString()).as(what + ": kept rows").isEqualTo(counted.toString());
        for (CurrentUser viewer : List.of(owner, member)) {
            UUID memberId = viewer == owner ? null : viewer.id().value();
            assertThat(tasks.countByStage(viewer, workflow.id(), null)).as(what + ", all clients, " + viewer.role())
                    .isEqualTo(store.countByStageFromTasks(owner.workspaceId(), memberId, workflow.id(), null));
            for (ClientId client : clientIds) {
                assertThat(store.countByStage(owner.workspaceId(), memberId, workflow.id(), client))
                        .as(what + ", client " + client + ", " + viewer.role())
                        .isEqualTo(store.countByStageFromTasks(owner.workspaceId(), memberId, workflow.id(), client));
            }
        }
    }

    @Test
    void theBoardShowsTheKeptCountsWithoutCountingTasks() throws Exception {
        TestWorkspace ws = newWorkspace();
        ClientId client = createClient(ws, "Counted Client");
        Workflow workflow = workflows.standard(ws.owner().workspaceId());
        Stage first = workflow.stages().get(0);
        for (int i = 0; i < 27; i++) {
            tasks.create(ws.owner(), TaskInput.quick("Counted " + i, client.value().toString(), null));
        }
        QueryCounts.Counts counts = QueryCounts.during(() -> mvc.perform(get("/board").with(user(ws.owner())))
                .andExpect(status().isOk()));
        assertThat(counts.sql()).as(counts.toString()).anyMatch(sql -> sql.contains("task_stage_counts"))
                .noneMatch(sql -> sql.contains("group by t.stage_id"));
        String html = mvc.perform(get("/board").with(user(ws.owner()))).andReturn().getResponse().getContentAsString();
        // 25 cards shown of the column's 27: the column says 27 and offers the rest
        assertThat(tasks.countByStage(ws.owner(), workflow.id(), null)).containsEntry(first.id(), 27L);
        assertThat(html).contains(">27<");
    }
}
