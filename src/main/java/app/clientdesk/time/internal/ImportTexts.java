package app.clientdesk.time.internal;

import app.clientdesk.shared.web.Ui;
import app.clientdesk.time.ImportProgress;
import app.clientdesk.time.imports.LineProblem;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Small formatting helpers for the import templates. */
public final class ImportTexts {

    private ImportTexts() {}

    /** A length of time as hours and minutes, "1,234:05", in the viewer's way of writing numbers. */
    public static String hm(Ui ui, long seconds) {
        long minutes = (seconds + 30) / 60;
        return ui.number(minutes / 60) + ":" + String.format(Locale.ROOT, "%02d", minutes % 60);
    }

    /** A message whose key comes from the import's Java code (where the keys are checked), with its arguments. */
    public static String text(Ui ui, @Nullable String key, List<Object> args) {
        return key == null ? "" : ui.t(key, args.toArray());
    }

    public static String problem(Ui ui, LineProblem problem) {
        return ui.t(problem.key(), problem.args().toArray());
    }

    public static String reason(Ui ui, ImportProgress progress) {
        return progress.reasonKey() == null ? "" : ui.t(progress.reasonKey(), progress.reasonArgs().toArray());
    }
}
