package app.clientdesk.time.internal;

import app.clientdesk.shared.validation.Violations;
import app.clientdesk.time.Rounding;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A client's rounding as the form sends it: a mode, a step in minutes and a scope, each from its list. */
public record RoundingForm(@Nullable String mode, @Nullable String minutes, @Nullable String scope) {

    static RoundingForm of(Rounding rounding) {
        return new RoundingForm(rounding.mode().name(), String.valueOf(rounding.minutes()), rounding.scope().name());
    }

    /** The rule, or the reasons there is none in {@code v}. */
    Optional<Rounding> toRounding(Violations v) {
        Optional<Rounding.Mode> m = Arrays.stream(Rounding.Mode.values()).filter(x -> x.name().equals(mode)).findFirst();
        Optional<Integer> step = Rounding.STEPS.stream().filter(x -> String.valueOf(x).equals(minutes)).findFirst();
        Optional<Rounding.Scope> s = Arrays.stream(Rounding.Scope.values()).filter(x -> x.name().equals(scope))
                .findFirst();
        if (m.isEmpty()) {
            v.add("mode", "rates.rounding.mode.invalid");
        }
        if (step.isEmpty()) {
            v.add("minutes", "rates.rounding.minutes.invalid");
        }
        if (s.isEmpty()) {
            v.add("scope", "rates.rounding.scope.invalid");
        }
        if (!v.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Rounding(m.get(), step.get(), s.get()));
    }

    public boolean is(String field, Object value) {
        String typed = switch (field) {
            case "mode" -> mode;
            case "minutes" -> minutes;
            default -> scope;
        };
        return String.valueOf(value).equals(typed);
    }
}
