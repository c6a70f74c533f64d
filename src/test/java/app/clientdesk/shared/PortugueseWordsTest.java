package app.clientdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.shared.i18n.Currencies;
import app.clientdesk.shared.web.Ui;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Portuguese pages speak Portuguese: no English names of currencies or of retainers left on them. */
class PortugueseWordsTest {

    private static final Locale PT = Locale.forLanguageTag("pt-BR");
    /** Written the same way in both languages. */
    private static final Set<String> SAME_WORD = Set.of("EUR");

    private static Ui ui(Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Ui(messages, locale, null, null, "_csrf", "/", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), null);
    }

    @Test
    void everyCurrencyOfferedHasAPortugueseName() {
        Ui english = ui(Locale.ENGLISH);
        Ui portuguese = ui(PT);
        Map<String, String> untranslated = Currencies.selectable().stream()
                .filter(c -> !SAME_WORD.contains(c.getCurrencyCode()))
                .filter(c -> english.currencyName(c).equals(portuguese.currencyName(c)))
                .collect(Collectors.toMap(Currency::getCurrencyCode, portuguese::currencyName));
        assertThat(untranslated).as("currencies named in English on Portuguese pages").isEmpty();
        assertThat(portuguese.currencyName(Currency.getInstance("BRL"))).isEqualTo("BRL — Real brasileiro");
        assertThat(portuguese.currencyName(Currency.getInstance("SLE"))).isEqualTo("SLE — Leone de Serra Leoa (novo)");
        assertThat(english.currencyName(Currency.getInstance("SLE"))).isEqualTo("SLE — Sierra Leonean Leone");
    }

    @Test
    void retainersAreContratosMensaisOnPortuguesePages() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> files = new ArrayList<>(List.of(resolver.getResources("classpath:i18n/*_pt_BR.properties")));
        files.add(resolver.getResource("classpath:messages_pt_BR.properties"));
        assertThat(files).hasSizeGreaterThan(10);
        for (Resource file : files) {
            Properties texts = new Properties();
            try (InputStream in = file.getInputStream()) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            texts.forEach((key, value) -> assertThat(value.toString().toLowerCase(Locale.ROOT))
                    .as("%s in %s", key, file.getFilename()).doesNotContain("retainer"));
        }
        Properties retainers = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/i18n/retainers_pt_BR.properties")) {
            retainers.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(retainers.getProperty("retainers.title")).isEqualTo("Contratos mensais");
        assertThat(retainers.getProperty("retainers.new")).isEqualTo("Novo contrato mensal");
    }
}
