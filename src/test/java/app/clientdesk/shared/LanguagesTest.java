package app.clientdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.shared.i18n.Languages;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    @ParameterizedTest(name = "\"{0}\" is shown in {1}")
    @CsvSource({
            "pt, pt-BR",
            "pt-BR, pt-BR",
            "pt_BR, pt-BR",
            "pt-PT, pt-BR",
            "PT-br, pt-BR",
            "en, en",
            "en-AU, en",
            "en-US, en",
            "en_GB, en"})
    void everyVariantOfASupportedLanguageMatchesIt(String tag, String expected) {
        assertThat(Languages.match(tag)).contains(Locale.forLanguageTag(expected));
    }

    @ParameterizedTest(name = "\"{0}\" has no supported language")
    @ValueSource(strings = {"fr", "de-DE", "es", "zz", "   "})
    @NullAndEmptySource
    void otherLanguagesDoNotMatch(String tag) {
        assertThat(Languages.match(tag)).isEmpty();
    }

    @Test
    void anUnsupportedOrMissingLocaleFallsBackToEnglish() {
        assertThat(Languages.supportedOrDefault(Locale.FRENCH)).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.supportedOrDefault(null)).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.supportedOrDefault(Locale.forLanguageTag("pt-PT"))).isEqualTo(Languages.PORTUGUESE_BRAZIL);
    }
}
