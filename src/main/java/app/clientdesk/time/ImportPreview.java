package app.clientdesk.time;

import app.clientdesk.time.imports.DateDetection;
import app.clientdesk.time.imports.DateOrder;
import app.clientdesk.time.imports.LineProblem;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What importing a file would do, as its preview shows it: how many rows it has and how many would become
 * entries, the rows that cannot (with their line and reason, the first {@value ImportCheck#PROBLEMS_SHOWN}),
 * the mapping of its clients, projects and people with the choices in force, and its first rows as they
 * would be imported. Nothing is imported until {@link #committable()} and the person confirms.
 *
 * @param dates what the file's dates say about their order; {@code dateOrder} is the order in use
 * @param toImport rows that would become entries
 * @param alreadyImported rows an earlier import already added (skipped)
 * @param zeroLength rows that last no time (skipped)
 * @param seconds the time of the rows that would become entries
 */
public record ImportPreview(TimeImport file, ZoneId zone, DateOrder dateOrder, boolean dateOrderChosen,
        DateDetection dates, int rows, int toImport, int alreadyImported, int zeroLength,
        @Nullable LocalDate firstDay, @Nullable LocalDate lastDay, long seconds, List<LineProblem> problems,
        int problemCount, List<ClientRow> clients, List<Option> clientOptions, List<ProjectRow> projects,
        List<UserRow> users, List<Option> userOptions, List<Sample> sample) {

    /** A choice in a select: its value ("new", an id, or "" for none) and its label. */
    public record Option(String value, String label) {
    }

    /**
     * A client name of the file (null: rows without a client) and what it becomes. {@code problemKey} says
     * why the choice cannot be used, with {@code problemArgs}.
     */
    public record ClientRow(int index, @Nullable String name, int rows, String choice, @Nullable String problemKey,
            List<Object> problemArgs) {
    }

    /** A project of a client of the file, and the project it becomes (choices: {@code options}). */
    public record ProjectRow(int index, @Nullable String clientName, String name, int rows, String choice,
            List<Option> options, @Nullable String problemKey, List<Object> problemArgs) {
    }

    /** A person of the file (by email, or by name where there is no email) and the member it is logged for. */
    public record UserRow(int index, @Nullable String name, @Nullable String email, int rows, String choice,
            @Nullable String problemKey, List<Object> problemArgs) {
    }

    /** A row as it would be imported. {@code client}/{@code project} are null while unmapped. */
    public record Sample(int line, ZonedDateTime start, ZonedDateTime end, long seconds, @Nullable String person,
            @Nullable String client, boolean newClient, @Nullable String project, boolean newProject,
            @Nullable String task, @Nullable String note, List<String> tags, boolean billable) {
    }

    public int mappingProblems() {
        return (int) (clients.stream().filter(c -> c.problemKey() != null).count()
                + projects.stream().filter(p -> p.problemKey() != null).count()
                + users.stream().filter(u -> u.problemKey() != null).count());
    }

    /** No row or choice is wrong and there is something to import. */
    public boolean committable() {
        return problemCount == 0 && mappingProblems() == 0 && toImport > 0;
    }

    /** Every row was imported before: committing would add nothing. */
    public boolean allAlreadyImported() {
        return toImport == 0 && problemCount == 0 && alreadyImported > 0;
    }
}
