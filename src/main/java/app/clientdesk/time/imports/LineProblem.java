package app.clientdesk.time.imports;

import java.util.List;

/**
 * Why a line of a file cannot be imported, as a message key and its arguments. {@code line} is the
 * line of the file where the row starts (the header is line 1); 0 for a problem of the whole file or of
 * the mapping.
 */
public record LineProblem(int line, String key, List<Object> args) implements Comparable<LineProblem> {

    public LineProblem {
        args = List.copyOf(args);
    }

    public static LineProblem of(int line, String key, Object... args) {
        return new LineProblem(line, key, List.of(args));
    }

    @Override
    public int compareTo(LineProblem other) {
        return Integer.compare(line, other.line);
    }
}
