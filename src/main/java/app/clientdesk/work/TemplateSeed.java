package app.clientdesk.work;

import app.clientdesk.identity.WorkspaceId;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The templates every workspace starts with, in its language: the monthly social-media project and client
 * onboarding, and three everyday task templates (inbox triage, a social media post, monthly bookkeeping).
 */
@Component
class TemplateSeed implements WorkSeedStep {

    record ItemSeed(String key, @Nullable String type, int offsetDays) {}

    static final String SOCIAL_MEDIA_MONTHLY = "social-media-monthly";
    static final String CLIENT_ONBOARDING = "client-onboarding";

    static final List<ItemSeed> SOCIAL_ITEMS = List.of(
            new ItemSeed("monthlyBrief", "meeting", 0), new ItemSeed("contentIdeas", "socialPost", 2),
            new ItemSeed("createPosts", "socialPost", 5), new ItemSeed("sendForApproval", "socialPost", 9),
            new ItemSeed("schedulePosts", "socialPost", 12), new ItemSeed("trackPerformance", "report", 20),
            new ItemSeed("monthlyReport", "report", 28));
    static final List<ItemSeed> ONBOARDING_ITEMS = List.of(
            new ItemSeed("welcomeCall", "meeting", 0), new ItemSeed("collectAccess", null, 1),
            new ItemSeed("setUpChannels", null, 2), new ItemSeed("firstWeekCheckIn", "meeting", 7));

    private final TemplateStore store;
    private final MessageSource texts;
    private final Clock clock;

    TemplateSeed(TemplateStore store, MessageSource texts, Clock clock) {
        this.store = store;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public void seed(WorkspaceId workspace, Locale language, WorkflowId standard, WorkflowId socialMedia) {
        project(workspace, language, SOCIAL_MEDIA_MONTHLY, "socialMonthly", socialMedia, SOCIAL_ITEMS);
        project(workspace, language, CLIENT_ONBOARDING, "onboarding", standard, ONBOARDING_ITEMS);
        task(workspace, language, "inboxTriage", "email", 15, true, false);
        task(workspace, language, "socialPost", "socialPost", 45, true, true);
        task(workspace, language, "bookkeeping", "bookkeeping", 120, false, true);
    }

    private void project(WorkspaceId workspace, Locale language, String templateKey, String key, WorkflowId workflow,
            List<ItemSeed> items) {
        String prefix = "templates.seed." + key + ".";
        List<ProjectTemplate.Item> made = items.stream()
                .map(i -> new ProjectTemplate.Item(text(prefix + i.key(), language),
                        i.type() == null ? null : type(i.type(), language), i.offsetDays(), null, List.of()))
                .toList();
        store.insertProjectTemplate(workspace, ProjectTemplateId.random(), new TemplateStore.ProjectTemplateRow(
                text(prefix + "name", language), text(prefix + "description", language), workflow, made),
                templateKey, clock.instant());
    }

    private void task(WorkspaceId workspace, Locale language, String key, String type, int estimate,
            boolean withChecklist, boolean withSop) {
        String prefix = "templates.seed." + key + ".";
        store.insertTaskTemplate(workspace, TaskTemplateId.random(), new TemplateStore.TaskTemplateRow(
                text(prefix + "name", language), text(prefix + "title", language),
                text(prefix + "description", language), type(type, language), estimate, false, false,
                withChecklist ? TemplateStore.split(text(prefix + "checklist", language)) : List.of(),
                withSop ? text(prefix + "sop", language) : null), clock.instant());
    }

    private String type(String key, Locale language) {
        return text("templates.seed.type." + key, language).toLowerCase(language);
    }

    private String text(String key, Locale language) {
        return texts.getMessage(key, null, language);
    }
}
