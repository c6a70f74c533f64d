package app.clientdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.clientdesk.shared.i18n.Languages;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The language of {@code --demo=...}: one the screens speak, or a clear refusal at start-up. */
class DemoOnStartupTest {

    @Test
    void theDemoSpeaksTheLanguageGivenOnTheCommandLine() {
        assertThat(DemoOnStartup.language(List.of("en"))).isEqualTo(Languages.ENGLISH);
        assertThat(DemoOnStartup.language(List.of("pt-BR"))).isEqualTo(Languages.PORTUGUESE_BRAZIL);
        assertThat(DemoOnStartup.language(List.of("pt"))).isEqualTo(Languages.PORTUGUESE_BRAZIL);
    }

    @Test
    void aLanguageTheScreensDoNotSpeakIsRefused() {
        assertThatThrownBy(() -> DemoOnStartup.language(List.of("fr"))).hasMessageContaining("en or pt-BR");
    }
}
