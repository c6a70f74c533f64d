package app.clientdesk.work;

import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.identity.Workspaces;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every workspace starts with: the default workflow (To do → Doing → Review → Waiting on client →
 * Done) and the guide's social-media pipeline, named in the workspace's language. Made the first time a
 * workspace's work is looked at, in a transaction of its own: if two requests race, the unique template
 * key lets one win and the other simply reads what it made.
 */
@Component
class WorkSeed {

    record StageSeed(String key, StageKind kind) {}

    static final List<StageSeed> DEFAULT_STAGES = List.of(
            new StageSeed("todo", StageKind.OPEN), new StageSeed("doing", StageKind.OPEN),
            new StageSeed("review", StageKind.REVIEW), new StageSeed("waitingOnClient", StageKind.CLIENT_APPROVAL),
            new StageSeed("done", StageKind.DONE));
    static final List<StageSeed> SOCIAL_STAGES = List.of(
            new StageSeed("brief", StageKind.OPEN), new StageSeed("ideas", StageKind.OPEN),
            new StageSeed("creation", StageKind.OPEN), new StageSeed("clientApproval", StageKind.CLIENT_APPROVAL),
            new StageSeed("scheduling", StageKind.OPEN), new StageSeed("tracking", StageKind.OPEN),
            new StageSeed("monthlyReport", StageKind.OPEN), new StageSeed("done", StageKind.DONE));

    private final WorkflowStore workflows;
    private final Workspaces workspaces;
    private final MessageSource texts;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final List<WorkSeedStep> moreSteps;
    private final Set<WorkspaceId> seeded = ConcurrentHashMap.newKeySet();

    WorkSeed(WorkflowStore workflows, Workspaces workspaces, MessageSource texts, Clock clock,
            PlatformTransactionManager transactions, List<WorkSeedStep> moreSteps) {
        this.workflows = workflows;
        this.workspaces = workspaces;
        this.texts = texts;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.moreSteps = moreSteps;
    }

    void ensure(WorkspaceId workspace) {
        if (seeded.contains(workspace)) {
            return;
        }
        try {
            ownTransaction.executeWithoutResult(status -> {
                if (!workflows.hasAny(workspace)) {
                    Locale language = Locale.forLanguageTag(workspaces.settings(workspace).locale());
                    WorkflowId standard = create(workspace, Workflow.DEFAULT, DEFAULT_STAGES, language);
                    WorkflowId social = create(workspace, Workflow.SOCIAL_MEDIA, SOCIAL_STAGES, language);
                    moreSteps.forEach(step -> step.seed(workspace, language, standard, social));
                }
            });
        } catch (DataIntegrityViolationException raced) {
            // Another request seeded this workspace at the same moment; its work is there to read.
        }
        seeded.add(workspace);
    }

    private WorkflowId create(WorkspaceId workspace, String key, List<StageSeed> stages, Locale language) {
        WorkflowId id = WorkflowId.random();
        workflows.insert(workspace, id, texts.getMessage("seed.workflow." + key, null, language), key,
                clock.instant());
        for (int i = 0; i < stages.size(); i++) {
            StageSeed s = stages.get(i);
            workflows.insertStage(workspace, id, StageId.random(), i,
                    texts.getMessage("seed.stage." + s.key(), null, language), s.kind());
        }
        return id;
    }
}
