package app.clientdesk.demo;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.time.RateInput;
import app.clientdesk.time.Rates;
import app.clientdesk.time.Rounding;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeEntryInput;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskQuery;
import app.clientdesk.work.Tasks;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The demo's time: rates (a workspace default and one per client, each in the client's currency), a
 * rounding rule for two clients, and three working weeks of entries by the owner and the member on the
 * clients' tasks, some not billable, some tagged. Made through the same services a person uses.
 */
@Component
class DemoTime {

    private final TimeEntries entries;
    private final Rates rates;
    private final Tasks tasks;
    private final Clock clock;

    DemoTime(TimeEntries entries, Rates rates, Tasks tasks, Clock clock) {
        this.entries = entries;
        this.rates = rates;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** @param clients Harbour Wellness, Thames Legal, Hudson Street Bakery and Café Paulista, in that order */
    void load(CurrentUser owner, List<ClientId> clients, @Nullable CurrentUser member, DemoText say) {
        String harbour = clients.get(0).value().toString();
        String thames = clients.get(1).value().toString();
        String hudson = clients.get(2).value().toString();
        String cafe = clients.get(3).value().toString();
        rates.set(owner, new RateInput("WORKSPACE", null, "BRL", "90"));
        rates.set(owner, new RateInput("CLIENT", harbour, "AUD", "42"));
        rates.set(owner, new RateInput("CLIENT", thames, "GBP", "32.50"));
        rates.set(owner, new RateInput("CLIENT", hudson, "USD", "38"));
        rates.set(owner, new RateInput("TASK_TYPE", say.t("bookkeeping", "contabilidade"), "BRL", "110"));
        // Legal work is billed in tenths of an hour; the bakery rounds each task's day to a quarter hour.
        entries.setRounding(owner, clients.get(1), new Rounding(Rounding.Mode.UP, 6, Rounding.Scope.ENTRY));
        entries.setRounding(owner, clients.get(2), new Rounding(Rounding.Mode.NEAREST, 15, Rounding.Scope.DAY));

        List<String> harbourTasks = tasksOf(owner, clients.get(0));
        List<String> thamesTasks = tasksOf(owner, clients.get(1));
        List<String> hudsonTasks = tasksOf(owner, clients.get(2));
        List<String> cafeTasks = tasksOf(owner, clients.get(3));

        LocalDate today = clock.instant().atZone(owner.zone()).toLocalDate();
        LocalDate day = today.minusDays(21);
        int n = 0;
        while (day.isBefore(today)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                String d = day.toString();
                int v = n % 4;
                String harbourTask = pick(harbourTasks, n);
                String thamesTask = pick(thamesTasks, n);
                String hudsonTask = pick(hudsonTasks, n);
                String cafeTask = pick(cafeTasks, n);
                n++;
                log(owner, harbour, harbourTask, d, "08:30", v == 0 ? "09:10" : "09:25", say.t("Inbox and calendar", "E-mail e agenda"), true,
                        say.t("email", "e-mail"));
                log(owner, thames, thamesTask, d, "09:40", v == 1 ? "11:55" : "11:05", say.t("Document formatting", "Formatação de documentos"),
                        true, null);
                log(owner, hudson, hudsonTask, d, "13:00", v == 2 ? "14:50" : "14:07", null, true, say.t("social", "redes sociais"));
                if (v == 3) {
                    log(owner, cafe, null, d, "15:00", "15:40", say.t("Onboarding call (not billed)",
                            "Chamada de boas-vindas (não cobrada)"), false, say.t("calls", "chamadas"));
                } else {
                    log(owner, cafe, cafeTask, d, "15:00", v == 0 ? "16:20" : "15:45", null, true, null);
                }
                if (member != null) {
                    log(member, harbour, harbourTask, d, "09:00", v == 2 ? "12:30" : "11:45", say.t("Client emails", "E-mails do cliente"),
                            true, say.t("email", "e-mail"));
                }
            }
            day = day.plusDays(1);
        }
    }

    private void log(CurrentUser who, String client, @Nullable String task, String date, String from, String to,
            @Nullable String note, boolean billable, @Nullable String tag) {
        entries.create(who, TimeEntryInput.ofLocal(client, null, task, date, from, null, to, null, billable, note,
                tag == null ? List.of() : List.of(tag)));
    }

    /** The client's tasks, so that the demo's days spread over them as a VA's days do. */
    private List<String> tasksOf(CurrentUser owner, ClientId client) {
        return tasks.search(owner, TaskQuery.all().withClient(client)).stream()
                .map(Task::id).map(id -> id.value().toString()).toList();
    }

    private static @Nullable String pick(List<String> tasks, int day) {
        return tasks.isEmpty() ? null : tasks.get(day % tasks.size());
    }
}
