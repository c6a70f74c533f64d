package app.clientdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoticeTest {

    @Test
    void aNoticeIsBuiltStepByStep() {
        Notice notice = Notice.of("request.atRisk", "notifications.request.atRisk", "Logo", "Acme", "today")
                .linkTo("/tasks/1?tab=files").once("request:1:AT_RISK").byEmail();

        assertThat(notice.arguments()).containsExactly("Logo", "Acme", "today");
        assertThat(notice.link()).isEqualTo("/tasks/1?tab=files");
        assertThat(notice.dedupeKey()).isEqualTo("request:1:AT_RISK");
        assertThat(notice.email()).isTrue();
        assertThat(Notice.of("request.atRisk", "k").email()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/x", "/\\evil.example", "tasks/1", "javascript:alert(1)",
        "/tasks/1 2", "/tasks\n/1", ""})
    void aLinkIsAPathOfThisApp(String link) {
        assertThatThrownBy(() -> Notice.of("request.atRisk", "k").linkTo(link))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Request.AtRisk", "request atRisk", "request.", "a.b.c.d.e"})
    void aKindIsADottedName(String kind) {
        assertThatThrownBy(() -> Notice.of(kind, "k")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void longArgumentsAreCut() {
        Notice notice = Notice.of("request.atRisk", "k", "x".repeat(2000));
        assertThat(notice.arguments().get(0)).hasSize(Notice.MAX_ARGUMENT).endsWith("…");
    }
}
