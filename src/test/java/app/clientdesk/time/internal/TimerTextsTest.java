package app.clientdesk.time.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class TimerTextsTest {

    private static final ResourceBundleMessageSource TEXTS = new ResourceBundleMessageSource();

    static {
        TEXTS.setBasenames("i18n/timer");
        TEXTS.setDefaultEncoding("UTF-8");
        TEXTS.setFallbackToSystemLocale(false);
    }

    private static String en(long seconds) {
        return TimerTexts.duration(TEXTS, Locale.ENGLISH, seconds);
    }

    @Test
    void durationsAreSaidToTheNearestMinuteHalfAMinuteUp() {
        assertThat(en(0)).isEqualTo("0 s");
        assertThat(en(29)).isEqualTo("29 s");
        assertThat(en(30)).isEqualTo("1 min");
        assertThat(en(89)).isEqualTo("1 min");
        assertThat(en(90)).isEqualTo("2 min");
        assertThat(en(59 * 60 + 29)).isEqualTo("59 min");
        assertThat(en(59 * 60 + 30)).isEqualTo("1 h");
        assertThat(en(85 * 60 + 12)).isEqualTo("1 h 25 min");
        assertThat(en(24 * 3600)).isEqualTo("24 h");
        assertThat(TimerTexts.duration(TEXTS, Locale.forLanguageTag("pt-BR"), 85 * 60)).isEqualTo("1 h 25 min");
    }

    @Test
    void theRunningClockShowsHoursMinutesAndSeconds() {
        assertThat(TimerTexts.clock(0)).isEqualTo("0:00:00");
        assertThat(TimerTexts.clock(425)).isEqualTo("0:07:05");
        assertThat(TimerTexts.clock(30 * 3600 + 61)).isEqualTo("30:01:01");
        assertThat(TimerTexts.clock(-5)).isEqualTo("0:00:00");
    }

    @Test
    void goingBackIsToAPathOfThisSiteOnly() {
        assertThat(TimerBack.to("/time?week=2026-W49")).isEqualTo("/time?week=2026-W49");
        assertThat(TimerBack.to("/timer?back=%2Fboard")).isEqualTo("/timer?back=%2Fboard");
        assertThat(TimerBack.to(null)).isEqualTo("/");
        assertThat(TimerBack.to("https://evil.example")).isEqualTo("/");
        assertThat(TimerBack.to("//evil.example/x")).isEqualTo("/");
        assertThat(TimerBack.to("/\\evil.example")).isEqualTo("/");
        assertThat(TimerBack.to("/board\r\nSet-Cookie: x=1")).isEqualTo("/");
        assertThat(TimerBack.to("/timer/stop")).isEqualTo("/");
        assertThat(TimerBack.to("/api/v1/timer")).isEqualTo("/");
    }
}
