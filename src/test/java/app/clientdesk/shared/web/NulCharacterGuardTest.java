package app.clientdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NulCharacterGuardTest {

    @Test
    void aNulAnywhereInAJsonBodyIsFoundAndNamed() {
        assertThatThrownBy(() -> check("{\"contacts\":[{\"name\":\"Ana\\u0000\"}]}"))
                .isInstanceOf(NulCharacterException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((NulCharacterException) e).violations()
                        .get(0).field()).isEqualTo("contacts/0/name"));
        assertThatThrownBy(() -> check("{\"na\\u0000me\":1}")).isInstanceOf(NulCharacterException.class);
    }

    @Test
    void anEscapedBackslashBeforeU0000IsOrdinaryTextAndBrokenJsonIsLeftToTheConverter() {
        assertThatCode(() -> check("{\"path\":\"C:\\\\u0000\"}")).doesNotThrowAnyException();
        assertThatCode(() -> check("{\"name\":")).doesNotThrowAnyException();
    }

    private static void check(String json) {
        NulCharacterGuard.JsonBodies.check(json.getBytes(StandardCharsets.UTF_8));
    }
}
