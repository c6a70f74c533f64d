package app.clientdesk.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The words of every rounding rule and of every rule the rates tester names exist in English and Portuguese and
 * read as sentences. These keys are built in code, where the translation sync test cannot see them.
 */
class RoundingWordsTest {

    private static final Locale PT = Locale.forLanguageTag("pt-BR");

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/rates");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setUseCodeAsDefaultMessage(false);
        return source;
    }

    private static List<Rounding> allRoundings() {
        List<Rounding> all = new ArrayList<>();
        for (Rounding.Mode mode : Rounding.Mode.values()) {
            for (int step : Rounding.STEPS) {
                for (Rounding.Scope scope : Rounding.Scope.values()) {
                    all.add(new Rounding(mode, step, scope));
                }
            }
        }
        return all;
    }

    @Test
    void everyRuleAndExampleReadsInBothLanguages() {
        ResourceBundleMessageSource messages = messages();
        for (Rounding rounding : allRoundings()) {
            List<RoundingText.Text> texts = new ArrayList<>();
            texts.add(RoundingText.rule(rounding));
            RoundingText.example(rounding).ifPresent(texts::add);
            for (RoundingText.Text text : texts) {
                for (Locale locale : List.of(Locale.ENGLISH, PT)) {
                    String words = text.in(messages, locale);
                    assertThat(words).as("%s in %s", text, locale).isNotEqualTo(text.key()).doesNotContain("{", "''")
                            .endsWith(".");
                }
            }
        }
    }

    @Test
    void oneMinuteAndManyMinutesAreWrittenRight() {
        ResourceBundleMessageSource messages = messages();
        assertThat(RoundingText.rule(new Rounding(Rounding.Mode.UP, 1, Rounding.Scope.ENTRY)).in(messages, Locale.ENGLISH))
                .isEqualTo("Billable time is rounded up to 1 minute per entry.");
        assertThat(RoundingText.rule(new Rounding(Rounding.Mode.NEAREST, 1, Rounding.Scope.ENTRY))
                .in(messages, Locale.ENGLISH)).isEqualTo("Billable time is rounded to the nearest minute per entry.");
        assertThat(RoundingText.rule(new Rounding(Rounding.Mode.DOWN, 30, Rounding.Scope.DAY)).in(messages, PT))
                .isEqualTo("O tempo faturável é arredondado para baixo, em múltiplos de 30 minutos, no total diário de "
                        + "cada tarefa.");
        assertThat(RoundingText.example(new Rounding(Rounding.Mode.NEAREST, 15, Rounding.Scope.ENTRY)).orElseThrow()
                .in(messages, Locale.ENGLISH)).isEqualTo("For example, an entry of 1:07 is billed as 1:00, and one of 1:08 as 1:15.");
    }

    @Test
    void everyRuleTheTesterNamesHasAName() {
        ResourceBundleMessageSource messages = messages();
        for (RateScope scope : RateScope.RULES) {
            String key = new app.clientdesk.time.internal.RatePreview.Step(scope, null, null,
                    app.clientdesk.time.internal.RatePreview.State.NO_RATE).messageKey();
            for (Locale locale : List.of(Locale.ENGLISH, PT)) {
                assertThat(messages.getMessage(key, null, null, locale)).as("%s in %s", key, locale).isNotBlank();
            }
        }
    }
}
