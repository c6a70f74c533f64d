package app.clientdesk.demo;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.ProjectInput;
import app.clientdesk.work.Projects;
import app.clientdesk.work.Stage;
import app.clientdesk.work.StageKind;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import app.clientdesk.work.Workflow;
import app.clientdesk.work.Workflows;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The demo's work, made through the same services a person uses, so every task has its history: a
 * social-media project with a post waiting for the client, and tasks across the clients that fill the
 * board, my work and the matrix (overdue, today, this week, later; every quadrant; a weekly repeat; work
 * a member finished waiting in review; checklists and a comment).
 */
@Component
class DemoWork {

    private final Projects projects;
    private final Tasks tasks;
    private final Workflows workflows;
    private final Clock clock;

    DemoWork(Projects projects, Tasks tasks, Workflows workflows, Clock clock) {
        this.projects = projects;
        this.tasks = tasks;
        this.workflows = workflows;
        this.clock = clock;
    }

    /**
     * @param clients Harbour Wellness (Sydney), Thames Legal (London), Hudson Street Bakery (New York) and
     *     Café Paulista (São Paulo), in that order
     * @param member the member assigned to Harbour Wellness, if there is one
     * @param say the demo's language
     */
    void load(CurrentUser owner, List<ClientId> clients, @Nullable CurrentUser member, DemoText say) {
        LocalDate today = clock.instant().atZone(owner.zone()).toLocalDate();
        Workflow standard = workflows.standard(owner.workspaceId());
        Workflow social = workflows.all(owner.workspaceId()).stream()
                .filter(w -> Workflow.SOCIAL_MEDIA.equals(w.templateKey())).findFirst().orElse(standard);
        String harbour = clients.get(0).value().toString();
        String thames = clients.get(1).value().toString();
        String hudson = clients.get(2).value().toString();
        String cafe = clients.get(3).value().toString();
        CurrentUser worker = member != null ? member : owner;
        String ana = owner.id().value().toString();
        String rafael = worker.id().value().toString();
        String socialPost = say.t("social post", "post para redes sociais");
        String email = say.t("email", "e-mail");

        // Hudson Street Bakery's social media, in the guide's pipeline.
        ProjectId project = projects.create(owner, new ProjectInput(hudson, say.t("Social media — monthly posts", "Redes sociais — posts do mês"), "ACTIVE",
                today.minusDays(10).toString(), today.plusDays(50).toString(), "20", "1200", social.id().value().toString()));
        String p = project.value().toString();
        create(owner, task(say.t("Collect photos of the holiday menu", "Reunir fotos do cardápio de fim de ano"), hudson, p, open(social, 0), today.plusDays(2))
                .type(socialPost).build());
        create(owner, task(say.t("Post ideas for next month", "Ideias de posts para o próximo mês"), hudson, p, open(social, 1), today.plusDays(6))
                .flags(false, true).type(socialPost).build());
        TaskId carousel = create(owner, task(say.t("Design 4 carousel posts", "Criar 4 posts em carrossel"), hudson, p, open(social, 2), today.plusDays(1))
                .flags(true, true).assignee(ana).estimate("120").type(socialPost)
                .checklist(say.t("Pick the photos", "Escolher as fotos"), say.t("Write the copy", "Escrever o texto"),
                        say.t("Export for Instagram", "Exportar para o Instagram")).build());
        tasks.checkItem(owner, carousel, tasks.checklist(owner, carousel).get(0).id(), true);
        Stage approval = kind(social, StageKind.CLIENT_APPROVAL);
        create(owner, task(say.t("Caption: holiday opening hours", "Legenda: horário de funcionamento nas festas"), hudson, p, approval, today).flags(true, false)
                .assignee(ana).type(socialPost).build());
        TaskId scheduled = create(owner, task(say.t("Schedule this week's posts", "Agendar os posts da semana"), hudson, p, approval, today.plusDays(3))
                .type(socialPost).build());
        tasks.approve(owner, scheduled, say.t("Marcus approved on the phone.", "Marcus aprovou por telefone."));

        // The standard workflow, across the clients.
        create(owner, task(say.t("Weekly inbox triage", "Triagem semanal da caixa de entrada"), harbour, null, open(standard, 0),
                today.with(TemporalAdjusters.next(DayOfWeek.MONDAY))).flags(false, true).assignee(rafael)
                .time("09:00", "Australia/Sydney").estimate("45").type(email).weekly("MONDAY").build());
        TaskId timetable = create(worker, task(say.t("Update the class timetable on the website", "Atualizar a grade de aulas no site"), harbour, null,
                open(standard, 1), today.minusDays(1)).flags(false, true).assignee(rafael).type(say.t("website", "site")).build());
        tasks.move(worker, timetable, kind(standard, StageKind.REVIEW).id(), null);
        create(owner, task(say.t("Reschedule Olivia's dentist appointment", "Remarcar o dentista da Olivia"), harbour, null, open(standard, 1),
                today.minusDays(2)).flags(true, true).assignee(rafael).type(say.t("scheduling", "agendamento")).build());
        create(owner, task(say.t("Renew the studio's insurance", "Renovar o seguro do estúdio"), harbour, null, open(standard, 0), today.plusDays(5))
                .flags(false, true).type(say.t("research", "pesquisa")).build());

        TaskId contract = create(owner, task(say.t("Format the Whitmore contract", "Formatar o contrato Whitmore"), thames, null, open(standard, 1), today)
                .flags(true, true).assignee(ana).time("17:00", "Europe/London").estimate("90").type(say.t("documents", "documentos"))
                .checklist(say.t("Apply the firm's template", "Aplicar o modelo do escritório"),
                        say.t("Check clause numbering", "Conferir a numeração das cláusulas"),
                        say.t("Send to Eleanor as PDF", "Enviar para Eleanor em PDF")).build());
        tasks.checkItem(owner, contract, tasks.checklist(owner, contract).get(0).id(), true);
        tasks.comment(owner, contract, say.t("Eleanor asked for the new letterhead; the old one has the wrong address.",
                "Eleanor pediu o papel timbrado novo; o antigo tem o endereço errado."));
        create(owner, task(say.t("Book the partners' train to Edinburgh", "Reservar o trem dos sócios para Edimburgo"), thames, null, open(standard, 0),
                today.plusDays(3)).flags(true, false).assignee(ana).type(say.t("travel", "viagem")).build());
        create(owner, task(say.t("File October expenses", "Lançar as despesas de outubro"), thames, null, open(standard, 0), today.minusDays(5))
                .type(say.t("bookkeeping", "contabilidade")).estimate("30").build());
        create(owner, task(say.t("Quarterly diary review with both partners", "Revisão trimestral da agenda com os dois sócios"), thames, null, open(standard, 0),
                today.plusDays(20)).flags(false, true).type(say.t("scheduling", "agendamento")).build());
        TaskId letter = create(owner, task(say.t("Send the engagement letter", "Enviar a carta de contratação"), thames, null,
                kind(standard, StageKind.CLIENT_APPROVAL), today.minusDays(1)).assignee(ana).type(email).build());
        tasks.approve(owner, letter, say.t("Eleanor confirmed by email.", "Eleanor confirmou por e-mail."));

        create(owner, task(say.t("Set up the client portal for Marcus", "Configurar o portal do cliente para o Marcus"), hudson, null, open(standard, 0), today.plusDays(1))
                .flags(true, false).type(say.t("onboarding", "integração")).build());
        create(owner, task(say.t("Prepare the discovery call agenda", "Preparar a pauta da chamada de descoberta"), cafe, null, open(standard, 0), today.plusDays(4))
                .flags(false, true).assignee(ana).type(say.t("meeting", "reunião")).estimate("30").build());
        create(owner, task(say.t("Tidy the shared drive", "Organizar o drive compartilhado"), cafe, null, open(standard, 0), null).type(say.t("admin", "administrativo")).build());
    }

    private TaskId create(CurrentUser viewer, TaskInput input) {
        return tasks.create(viewer, input);
    }

    /** The {@code n}th ordinary stage of a workflow (or its first stage). */
    private static Stage open(Workflow workflow, int n) {
        List<Stage> open = workflow.stages().stream().filter(s -> s.kind() == StageKind.OPEN).toList();
        return open.size() > n ? open.get(n) : workflow.first();
    }

    private static Stage kind(Workflow workflow, StageKind kind) {
        Predicate<Stage> of = s -> s.kind() == kind;
        return workflow.stages().stream().filter(of).findFirst().orElse(workflow.first());
    }

    private static Draft task(String title, String client, @Nullable String project, Stage stage,
            @Nullable LocalDate due) {
        return new Draft(title, client, project, stage.id().value().toString(), due == null ? null : due.toString());
    }

    /** A task being described, field by field. */
    private static final class Draft {
        private final String title;
        private final String client;
        private final @Nullable String project;
        private final String stage;
        private final @Nullable String due;
        private boolean urgent;
        private boolean important;
        private @Nullable String time;
        private @Nullable String zone;
        private @Nullable String estimate;
        private @Nullable String assignee;
        private @Nullable String type;
        private @Nullable String repeat;
        private List<String> weekdays = List.of();
        private List<String> checklist = List.of();

        Draft(String title, String client, @Nullable String project, String stage, @Nullable String due) {
            this.title = title;
            this.client = client;
            this.project = project;
            this.stage = stage;
            this.due = due;
        }

        Draft flags(boolean urgent, boolean important) {
            this.urgent = urgent;
            this.important = important;
            return this;
        }

        Draft time(String time, String zone) {
            this.time = time;
            this.zone = zone;
            return this;
        }

        Draft estimate(String minutes) {
            this.estimate = minutes;
            return this;
        }

        Draft assignee(String id) {
            this.assignee = id;
            return this;
        }

        Draft type(String type) {
            this.type = type;
            return this;
        }

        Draft weekly(String... days) {
            this.repeat = "WEEKLY";
            this.weekdays = List.of(days);
            return this;
        }

        Draft checklist(String... items) {
            this.checklist = List.of(items);
            return this;
        }

        TaskInput build() {
            return new TaskInput(title, null, client, project, stage, urgent, important, due, time, zone, estimate,
                    assignee, type, repeat, null, weekdays, null, null, checklist);
        }
    }
}
