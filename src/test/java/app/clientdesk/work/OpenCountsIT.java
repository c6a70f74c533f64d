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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The matrix's quadrant counts and the batches' per-type totals are kept (task_open_counts), not counted: after any
 * series of creates, edits (client, type, estimate, flags), quadrant changes, moves, completions, reopenings,
 * deletes, generated batches and client archives they equal a count of the open tasks themselves, for the owner and
 * a member, over all clients and each one; and /matrix and /batches read them without counting tasks.
 * (A seeded random series in JUnit rather than a jqwik property: jqwik does not run Spring's test context.)
 */
class OpenCountsIT extends IntegrationTest {

    /** Types as typed: none (blank), and two the rules keep as they are and one they lower-case. */
    private static final List<String> TYPES = List.of("", "email", "Travel", "research");

    @Autowired Tasks tasks;
    @Autowired TaskStore store;
    @Autowired Attachments attachments;
    @Autowired Workflows workflows;
    @Autowired WorkGenerator generator;
    @Autowired JdbcTemplate jdbc;

    @Test
    void keptCountsEqualRealCountsAfterARandomSeriesOfOperations() {
        for (long seed = 1; seed <= 3; seed++) {
            randomSeries(seed, 150);
        }
    }

    private void randomSeries(long seed, int operations) {
        Random random = new Random(seed);
        TestWorkspace ws = newWorkspace();
        CurrentUser owner = ws.owner();
        CurrentUser member = addMember(ws);
        List<ClientId> clientIds = List.of(createClient(ws, "Open A", member.id()), createClient(ws, "Open B"),
                createClient(ws, "Open C", member.id()));
        Workflow workflow = workflows.standard(owner.workspaceId());
        Stage done = workflow.done().orElseThrow();
        List<TaskId> made = new ArrayList<>();
        Map<ClientId, Boolean> archived = new HashMap<>();
        int[] did = new int[12];
        for (int op = 0; op < operations; op++) {
            String what = "seed " + seed + ", operation " + op;
            int kind = made.isEmpty() ? 0 : random.nextInt(12);
            ClientId client = clientIds.get(random.nextInt(clientIds.size()));
            Stage stage = workflow.stages().get(random.nextInt(workflow.stages().size()));
            try {
                switch (kind) {
                    case 0, 1 -> made.add(tasks.create(random.nextBoolean() ? owner : member,
                            input(random, "Task " + op, client, stage)));
                    case 2 -> {
                        TaskId id = made.get(random.nextInt(made.size()));
                        tasks.move(owner, id, stage.id(), random.nextBoolean() ? null : random.nextInt(3));
                    }
                    case 3 -> tasks.complete(owner, made.get(random.nextInt(made.size())));
                    case 4 -> {
                        TaskId id = made.get(random.nextInt(made.size()));
                        if (tasks.get(owner, id).completedAt() == null) {
                            tasks.complete(owner, id);
                        }
                        tasks.move(owner, id, workflow.first().id(), null);
                    }
                    case 5, 6 -> tasks.update(owner, made.get(random.nextInt(made.size())),
                            input(random, "Edited " + op, client, null));
                    case 7 -> tasks.setQuadrant(owner, made.get(random.nextInt(made.size())),
                            Quadrant.values()[random.nextInt(Quadrant.values().length)]);
                    case 8, 9 -> attachments.deleteTask(owner, made.remove(random.nextInt(made.size())));
                    case 10 -> {
                        List<WorkGenerator.NewTask> batch = new ArrayList<>();
                        for (int i = 0; i < 4; i++) {
                            boolean completed = random.nextInt(3) == 0;
                            TaskRules.Valid valid = TaskRules.check(input(random, "Generated " + op + "." + i,
                                    clientIds.get(random.nextInt(clientIds.size())), null), tasks.lookups(owner));
                            TaskId id = TaskId.random();
                            batch.add(new WorkGenerator.NewTask(id, valid, completed ? done : stage, 1000 + i,
                                    completed ? clock.instant() : null));
                            made.add(id);
                        }
                        generator.insertTasks(owner.workspaceId(), owner.id(), batch, clock.instant());
                    }
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
                did[kind]++;
            } catch (InvalidInputException | app.clientdesk.shared.web.NotFoundException e) {
                // refused (a task of an archived client, a move the workflow forbids): nothing changed
            }
            if (op % 10 == 9 || op == operations - 1) {
                sameAsCounted(what, owner, member, clientIds);
            }
        }
        // the series did every kind of write
        assertThat(did[0] + did[1]).as("seed " + seed + " creates").isPositive();
        assertThat(did[2]).as("seed " + seed + " moves").isPositive();
        assertThat(did[3]).as("seed " + seed + " completions").isPositive();
        assertThat(did[4]).as("seed " + seed + " reopenings").isPositive();
        assertThat(did[5] + did[6]).as("seed " + seed + " edits").isPositive();
        assertThat(did[7]).as("seed " + seed + " quadrant changes").isPositive();
        assertThat(did[8] + did[9]).as("seed " + seed + " deletes").isPositive();
        assertThat(did[10]).as("seed " + seed + " generated batches").isPositive();
        assertThat(did[11]).as("seed " + seed + " archives").isPositive();
    }

    /** A task with a random type (or none), estimate (or none) and quadrant. */
    private static TaskInput input(Random random, String title, ClientId client, @Nullable Stage stage) {
        String type = TYPES.get(random.nextInt(TYPES.size()));
        String estimate = random.nextInt(4) == 0 ? null : String.valueOf(5 + random.nextInt(240));
        return new TaskInput(title, null, client.value().toString(), null,
                stage == null ? null : stage.id().value().toString(), random.nextBoolean(), random.nextBoolean(), null,
                null, null, estimate, null, type, null, null, List.of(), null, null, List.of());
    }

    private void sameAsCounted(String what, CurrentUser owner, CurrentUser member, List<ClientId> clientIds) {
        List<Map<String, Object>> kept = jdbc.queryForList("""
                select client_id, urgent, important, task_type, tasks, minutes from task_open_counts
                where workspace_id = ? and tasks > 0 order by client_id, urgent, important, task_type""",
                owner.workspaceId().value());
        List<Map<String, Object>> counted = jdbc.queryForList("""
                select client_id, urgent, important, coalesce(task_type, '') as task_type, count(*) as tasks,
                       coalesce(sum(estimate_minutes), 0) as minutes
                from tasks where workspace_id = ? and completed_at is null
                group by client_id, urgent, important, coalesce(task_type, '')
                order by client_id, urgent, important, coalesce(task_type, '')""", owner.workspaceId().value());
        assertThat(kept.toString()).as(what + ": kept rows").isEqualTo(counted.toString());
        for (CurrentUser viewer : List.of(owner, member)) {
            UUID memberId = viewer == owner ? null : viewer.id().value();
            assertThat(tasks.openByQuadrant(viewer, null)).as(what + ", quadrants, all clients, " + viewer.role())
                    .isEqualTo(store.openByQuadrantFromTasks(owner.workspaceId(), memberId, null));
            assertThat(tasks.openByType(viewer, null)).as(what + ", types, all clients, " + viewer.role())
                    .isEqualTo(store.openByTypeFromTasks(owner.workspaceId(), memberId, null));
            for (ClientId client : clientIds) {
                assertThat(store.openByQuadrant(owner.workspaceId(), memberId, client))
                        .as(what + ", quadrants, client " + client + ", " + viewer.role())
                        .isEqualTo(store.openByQuadrantFromTasks(owner.workspaceId(), memberId, client));
                assertThat(store.openByType(owner.workspaceId(), memberId, client))
                        .as(what + ", types, client " + client + ", " + viewer.role())
                        .isEqualTo(store.openByTypeFromTasks(owner.workspaceId(), memberId, client));
            }
        }
    }

    @Test
    void theMatrixAndTheBatchesShowTheKeptCountsWithoutCountingTasks() throws Exception {
        TestWorkspace ws = newWorkspace();
        ClientId client = createClient(ws, "Counted Client");
        for (int i = 0; i < 3; i++) {
            tasks.create(ws.owner(), new TaskInput("Counted " + i, null, client.value().toString(), null, null, true,
                    true, null, null, null, "30", null, "email", null, null, List.of(), null, null, List.of()));
        }
        for (String page : List.of("/matrix", "/batches")) {
            QueryCounts.Counts counts = QueryCounts.during(() -> mvc.perform(get(page).with(user(ws.owner())))
                    .andExpect(status().isOk()));
            assertThat(counts.sql()).as(page + ": " + counts).anyMatch(sql -> sql.contains("task_open_counts"))
                    .noneMatch(sql -> sql.contains("group by t.urgent")).noneMatch(sql -> sql.contains("group by t.task_type"));
        }
        assertThat(tasks.openByQuadrant(ws.owner(), null)).containsEntry(Quadrant.DO, 3L);
        assertThat(tasks.openByType(ws.owner(), null)).containsExactly(new Tasks.TypeTotal("email", 3, 90));
    }
}
