package app.clientdesk.work;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.NotFoundException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workflows of a workspace. Two ship with every workspace (see {@link WorkSeed}): the default one
 * and the social-media pipeline. Only the owner creates or changes workflows; everyone on the team sees them.
 */
@Service
public class Workflows {

    /** A stage as typed: {@code id} blank for a new stage. */
    public record StageInput(@Nullable String id, @Nullable String name, @Nullable String kind) {
    }

    private final WorkflowStore store;
    private final WorkSeed seed;
    private final Clock clock;

    Workflows(WorkflowStore store, WorkSeed seed, Clock clock) {
        this.store = store;
        this.seed = seed;
        this.clock = clock;
    }

    public List<Workflow> all(WorkspaceId workspace) {
        seed.ensure(workspace);
        return store.all(workspace);
    }

    public Workflow get(WorkspaceId workspace, WorkflowId id) {
        seed.ensure(workspace);
        return store.find(workspace, id).orElseThrow(() -> new NotFoundException("workflow"));
    }

    /** The workflow new work follows unless told otherwise. */
    public Workflow standard(WorkspaceId workspace) {
        return standardOf(all(workspace));
    }

    /** The standard workflow among a workspace's {@code all}, for a caller that has them already. */
    public static Workflow standardOf(List<Workflow> all) {
        return all.stream().filter(w -> Workflow.DEFAULT.equals(w.templateKey())).findFirst().orElse(all.get(0));
    }

    /**
     * Creates a workflow ({@code id} null) or changes one: its name and its ordered stages. A stage that
     * still holds tasks cannot be removed. Needs a DONE stage, and stage names unique within it.
     *
     * @throws app.clientdesk.shared.validation.InvalidInputException listing every broken rule; nothing is saved
     */
    @Transactional
    public WorkflowId save(CurrentUser viewer, @Nullable WorkflowId id, @Nullable String name, List<StageInput> stages) {
        viewer.requireOwner();
        WorkspaceId workspace = viewer.workspaceId();
        seed.ensure(workspace); // the shipped workflows come first, even if the owner's first act is to make one
        Workflow existing = id == null ? null : get(workspace, id);
        Violations v = new Violations();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            v.add("name", "validation.required");
        } else if (cleanName.length() > 120) {
            v.add("name", "validation.tooLong", 120);
        }
        List<StageInput> given = stages.stream()
                .filter(s -> !(blank(s.id()) && blank(s.name()))).toList();
        if (given.isEmpty()) {
            v.add("stages", "workflow.stages.required");
        }
        Set<String> names = new HashSet<>();
        boolean hasDone = false;
        for (int i = 0; i < given.size(); i++) {
            StageInput s = given.get(i);
            String field = "stages[" + i + "]";
            String stageName = s.name() == null ? "" : s.name().strip();
            if (stageName.isEmpty()) {
                v.add(field + ".name", "validation.required");
            } else if (stageName.length() > 80) {
                v.add(field + ".name", "validation.tooLong", 80);
            } else if (!names.add(stageName.toLowerCase(Locale.ROOT))) {
                v.add(field + ".name", "workflow.stage.duplicate");
            }
            StageKind kind = kind(s.kind());
            if (kind == null) {
                v.add(field + ".kind", "validation.invalid");
            } else if (kind == StageKind.DONE) {
                hasDone = true;
            }
            if (!blank(s.id()) && (existing == null || existing.stages().stream()
                    .noneMatch(e -> e.id().value().toString().equals(s.id())))) {
                v.add(field + ".id", "validation.invalid");
            }
        }
        if (!given.isEmpty() && !hasDone) {
            v.add("stages", "workflow.stages.needsDone");
        }
        if (existing != null) {
            for (Stage old : existing.stages()) {
                StageInput kept = given.stream().filter(s -> old.id().value().toString().equals(s.id())).findFirst()
                        .orElse(null);
                // Done-ness is what completes a task: a stage holding tasks keeps it, or they would be
                // counted done (or open) wrongly and a repeat would never come.
                boolean doneChanges = kept != null && kind(kept.kind()) != null
                        && (kind(kept.kind()) == StageKind.DONE) != (old.kind() == StageKind.DONE);
                if ((kept == null || doneChanges) && store.tasksIn(workspace, old.id()) > 0) {
                    v.add("stages", "workflow.stage.hasTasks", old.name());
                }
            }
        }
        v.throwIfAny();

        WorkflowId workflowId = existing == null ? WorkflowId.random() : existing.id();
        if (existing == null) {
            store.insert(workspace, workflowId, cleanName, null, clock.instant());
        } else {
            store.rename(workspace, workflowId, cleanName);
            for (Stage old : existing.stages()) {
                if (given.stream().noneMatch(s -> old.id().value().toString().equals(s.id()))) {
                    store.deleteStage(workspace, old.id());
                }
            }
        }
        for (int i = 0; i < given.size(); i++) {
            StageInput s = given.get(i);
            StageKind kind = kind(s.kind());
            if (blank(s.id())) {
                store.insertStage(workspace, workflowId, StageId.random(), i, s.name().strip(), kind);
            } else {
                store.updateStage(workspace, new StageId(java.util.UUID.fromString(s.id())), i, s.name().strip(), kind);
            }
        }
        return workflowId;
    }

    private static @Nullable StageKind kind(@Nullable String value) {
        if (value == null) {
            return null;
        }
        for (StageKind k : StageKind.values()) {
            if (k.name().equalsIgnoreCase(value.strip())) {
                return k;
            }
        }
        return null;
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
