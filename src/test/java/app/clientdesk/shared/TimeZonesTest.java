package app.clientdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.shared.time.TimeZones;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeZonesTest {

    @ParameterizedTest(name = "\"{0}\" is a zone")
    @ValueSource(strings = {"Europe/London", "America/Sao_Paulo", "Australia/Sydney", "UTC"})
    void ianaRegionIdsAreAccepted(String id) {
        assertThat(TimeZones.parse(id)).contains(ZoneId.of(id));
    }

    @Test
    void surroundingSpacesAreIgnored() {
        assertThat(TimeZones.parse("  Asia/Tokyo ")).contains(ZoneId.of("Asia/Tokyo"));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"+03:00", "-05:00", "UTC+3", "GMT+02:00", "Mars/Olympus", "london", "Europe/London/x", "   "})
    @NullAndEmptySource
    void fixedOffsetsAndUnknownNamesAreRefused(String value) {
        // An offset does not follow daylight saving, so business hours would drift twice a year.
        assertThat(TimeZones.parse(value)).isEmpty();
    }

    @Test
    void theFormOffersRegionsThatParseAndNoEtcOrSystemVZones() {
        assertThat(TimeZones.selectable())
                .contains("UTC", "America/Sao_Paulo", "Europe/London")
                .noneMatch(id -> id.startsWith("Etc/") || id.startsWith("SystemV/"))
                .allSatisfy(id -> assertThat(TimeZones.parse(id)).as(id).isPresent())
                .isSorted();
    }
}
