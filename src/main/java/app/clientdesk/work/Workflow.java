package app.clientdesk.work;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Ordered stages that a kind of work goes through. {@code templateKey} names a workflow that ships with Clientdesk. */
public record Workflow(WorkflowId id, String name, @Nullable String templateKey, List<Stage> stages) {

    public static final String DEFAULT = "default";
    public static final String SOCIAL_MEDIA = "social-media";

    public Workflow {
        stages = List.copyOf(stages);
    }

    public Stage first() {
        return stages.get(0);
    }

    public Optional<Stage> stage(StageId id) {
        return stages.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Stage> stageNamed(String name) {
        return stages.stream().filter(s -> s.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** The first stage of kind DONE, where "complete" sends a task. */
    public Optional<Stage> done() {
        return stages.stream().filter(s -> s.kind() == StageKind.DONE).findFirst();
    }

    /** The stage after {@code stage}, if any. */
    public Optional<Stage> after(Stage stage) {
        return stages.stream().filter(s -> s.position() > stage.position()).findFirst();
    }

    /** The nearest ordinary (OPEN) stage before {@code stage}: where work asked to change goes back to. */
    public Optional<Stage> openBefore(Stage stage) {
        Stage found = null;
        for (Stage s : stages) {
            if (s.position() < stage.position() && s.kind() == StageKind.OPEN) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }
}
