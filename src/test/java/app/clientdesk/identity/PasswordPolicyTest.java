package app.clientdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.clientdesk.shared.validation.Violation;
import app.clientdesk.shared.validation.Violations;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static List<Violation> check(String password) {
        Violations violations = new Violations();
        PasswordPolicy.check("password", password, violations);
        return violations.list();
    }

    @Test
    void twelveCharactersAreEnoughAndElevenAreNot() {
        assertThat(check("a".repeat(12))).isEmpty();
        assertThat(check("correct horse battery")).isEmpty();
        assertThat(check("a".repeat(11)))
                .extracting(Violation::field, Violation::messageKey, Violation::args)
                .containsExactly(tuple("password", "validation.password.tooShort", List.of(12)));
    }

    @Test
    void lengthCountsCharactersAsPeopleSeeThemNotUtf16Units() {
        String emoji = "\uD83D\uDD11"; // one key emoji, two UTF-16 units
        assertThat(check(emoji.repeat(12))).isEmpty();
        assertThat(check(emoji.repeat(11)))
                .extracting(Violation::messageKey).containsExactly("validation.password.tooShort");
    }

    @Test
    void blankOrMissingPasswordAsksForOne() {
        assertThat(check(null)).extracting(Violation::messageKey).containsExactly("validation.password.required");
        assertThat(check(" ".repeat(20))).extracting(Violation::messageKey)
                .containsExactly("validation.password.required");
    }

    @Test
    void overTwoHundredCharactersIsRefused() {
        assertThat(check("a".repeat(200))).isEmpty();
        assertThat(check("a".repeat(201)))
                .extracting(Violation::messageKey, Violation::args)
                .containsExactly(tuple("validation.password.tooLong", List.of(200)));
    }
}
