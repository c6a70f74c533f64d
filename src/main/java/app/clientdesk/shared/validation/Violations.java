package app.clientdesk.shared.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects every broken rule of one input, so a person sees all of them at once. */
public final class Violations {

    private final List<Violation> items = new ArrayList<>();

    public Violations add(String field, String messageKey, Object... args) {
        items.add(Violation.of(field, messageKey, args));
        return this;
    }

    public Violations addAll(List<Violation> more) {
        items.addAll(more);
        return this;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public List<Violation> list() {
        return List.copyOf(items);
    }

    public void throwIfAny() {
        if (!items.isEmpty()) {
            throw new InvalidInputException(list());
        }
    }
}
