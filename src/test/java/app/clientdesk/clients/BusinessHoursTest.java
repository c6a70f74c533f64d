package app.clientdesk.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class BusinessHoursTest {

    private static final List<String> ZONES = List.of("Europe/London", "America/Sao_Paulo", "Australia/Sydney",
            "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "UTC");
    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final LocalTime FIVE = LocalTime.of(17, 0);

    // --- properties -------------------------------------------------------------------------------------------

    @Property
    void openExactlyWhenTheLocalTimeIsWithinThatWeekdaysSpan(@ForAll("weeks") Map<DayOfWeek, BusinessHours.Span> week,
            @ForAll("moments") ZonedDateTime clientTime) {
        BusinessHours hours = new BusinessHours(week);
        BusinessHours.Span span = week.get(clientTime.getDayOfWeek());
        LocalTime local = clientTime.toLocalTime();
        boolean withinSpan = span != null && !local.isBefore(span.opens()) && local.isBefore(span.closes());

        assertThat(hours.isOpenAt(clientTime)).isEqualTo(withinSpan);
    }

    @Property
    void opensInclusiveAndClosesExclusive(@ForAll("spans") BusinessHours.Span span, @ForAll DayOfWeek day,
            @ForAll("dates") LocalDate anyDate) {
        BusinessHours hours = new BusinessHours(Map.of(day, span));
        LocalDate date = anyDate.with(TemporalAdjusters.nextOrSame(day));
        ZoneId zone = ZoneOffset.UTC; // no DST gap can move the boundary under test

        assertThat(hours.isOpenAt(ZonedDateTime.of(date, span.opens(), zone))).as("at opening").isTrue();
        assertThat(hours.isOpenAt(ZonedDateTime.of(date, span.closes().minusNanos(1), zone))).as("just before closing")
                .isTrue();
        assertThat(hours.isOpenAt(ZonedDateTime.of(date, span.closes(), zone))).as("at closing").isFalse();
        if (!span.opens().equals(LocalTime.MIDNIGHT)) {
            assertThat(hours.isOpenAt(ZonedDateTime.of(date, span.opens().minusNanos(1), zone)))
                    .as("just before opening").isFalse();
        }
        assertThat(hours.isOpenAt(ZonedDateTime.of(date.plusDays(1), span.opens(), zone)))
                .as("the same time on a day without hours").isFalse();
    }

    @Property
    void aDayThatClosesBeforeOrWhenItOpensIsRefused(@ForAll @IntRange(min = 0, max = 1439) int opensMinute,
            @ForAll @IntRange(min = 0, max = 1439) int closesMinute) {
        LocalTime opens = LocalTime.MIDNIGHT.plusMinutes(opensMinute);
        LocalTime closes = LocalTime.MIDNIGHT.plusMinutes(closesMinute);
        if (closes.isAfter(opens)) {
            assertThat(new BusinessHours.Span(opens, closes).opens()).isEqualTo(opens);
        } else {
            assertThatIllegalArgumentException().isThrownBy(() -> new BusinessHours.Span(opens, closes));
        }
    }

    // --- examples -----------------------------------------------------------------------------------------------

    @Example
    void weekdays9to5IsClosedAtTheWeekend() {
        BusinessHours hours = BusinessHours.weekdays9to5();
        ZonedDateTime friday = ZonedDateTime.of(2025, 6, 6, 10, 0, 0, 0, ZoneId.of("Europe/London"));

        assertThat(hours.isOpenAt(friday)).isTrue();
        assertThat(hours.isOpenAt(friday.plusDays(1))).isFalse();
        assertThat(hours.isOpenAt(friday.plusDays(2))).isFalse();
        assertThat(hours.days()).containsOnlyKeys(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    }

    @Example
    void londonIsOpenAtHalfPastNineLocalOnTheMorningClocksGoForward() {
        // 30 March 2025: at 01:00 UTC London moves from GMT to BST. 08:30 UTC is 09:30 in London.
        Client london = londonClient();

        assertThat(london.isOpenNow(at("2025-03-30T08:30:00Z"))).isTrue();
        assertThat(london.localTime(at("2025-03-30T08:30:00Z")).toLocalTime()).isEqualTo(LocalTime.of(9, 30));
        assertThat(london.localTime(at("2025-03-30T08:30:00Z")).getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(london.isOpenNow(at("2025-03-30T07:59:00Z"))).as("08:59 BST").isFalse();
        assertThat(london.isOpenNow(at("2025-03-30T15:59:00Z"))).as("16:59 BST").isTrue();
        assertThat(london.isOpenNow(at("2025-03-30T16:00:00Z"))).as("17:00 BST").isFalse();
    }

    @Example
    void londonIsOpenAtHalfPastNineLocalOnTheMorningClocksGoBack() {
        // 26 October 2025: at 01:00 UTC London moves from BST back to GMT. 09:30 UTC is 09:30 in London.
        Client london = londonClient();

        assertThat(london.isOpenNow(at("2025-10-26T09:30:00Z"))).isTrue();
        assertThat(london.localTime(at("2025-10-26T09:30:00Z")).getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(london.isOpenNow(at("2025-10-26T08:30:00Z"))).as("08:30 GMT").isFalse();
        assertThat(london.isOpenNow(at("2025-10-26T16:59:00Z"))).as("16:59 GMT").isTrue();
        assertThat(london.isOpenNow(at("2025-10-26T17:00:00Z"))).as("17:00 GMT").isFalse();
    }

    @Example
    void aClientOnTheOtherSideOfTheWorldIsOpenWhileTheVaSleeps() {
        // 23:00 on a Sunday in São Paulo is 12:00 on Monday in Sydney.
        Clock clock = at("2025-06-02T02:00:00Z");
        BusinessHours hours = BusinessHours.weekdays9to5();

        assertThat(hours.isOpenAt(ZonedDateTime.now(clock.withZone(ZoneId.of("Australia/Sydney"))))).isTrue();
        assertThat(hours.isOpenAt(ZonedDateTime.now(clock.withZone(ZoneId.of("America/Sao_Paulo"))))).isFalse();
    }

    @Example
    void noHoursMeansNeverOpen() {
        BusinessHours none = new BusinessHours(Map.of());

        assertThat(none.isEmpty()).isTrue();
        assertThat(none.isOpenAt(ZonedDateTime.of(2025, 6, 4, 12, 0, 0, 0, ZoneId.of("UTC")))).isFalse();
    }

    // --- generators and helpers ---------------------------------------------------------------------------------

    @Provide
    Arbitrary<BusinessHours.Span> spans() {
        return Arbitraries.integers().between(0, 1438).flatMap(opens -> Arbitraries.integers()
                .between(opens + 1, 1439).map(closes -> new BusinessHours.Span(
                        LocalTime.MIDNIGHT.plusMinutes(opens), LocalTime.MIDNIGHT.plusMinutes(closes))));
    }

    @Provide
    Arbitrary<Map<DayOfWeek, BusinessHours.Span>> weeks() {
        return Arbitraries.maps(Arbitraries.of(DayOfWeek.class), spans()).ofMaxSize(7)
                .map(days -> {
                    Map<DayOfWeek, BusinessHours.Span> copy = new EnumMap<>(DayOfWeek.class);
                    copy.putAll(days);
                    return copy;
                });
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 365 * 10).map(d -> LocalDate.of(2020, 1, 1).plusDays(d));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES).map(ZoneId::of);
    }

    @Provide
    Arbitrary<ZonedDateTime> moments() {
        Arbitrary<LocalTime> times = Arbitraries.integers().between(0, 24 * 3600 - 1)
                .map(s -> LocalTime.ofSecondOfDay(s));
        return Combinators.combine(dates(), times, zones()).as((d, t, z) -> ZonedDateTime.of(d, t, z));
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static Client londonClient() {
        Map<DayOfWeek, BusinessHours.Span> everyDay = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            everyDay.put(day, new BusinessHours.Span(NINE, FIVE));
        }
        Instant created = Instant.parse("2025-01-01T00:00:00Z");
        return new Client(ClientId.random(), "Thames Legal", ClientStatus.ACTIVE, ZoneId.of("Europe/London"),
                Currency.getInstance("GBP"), "en-GB", "GB", null, null, null, new BusinessHours(everyDay), 8,
                Channels.DEFAULT, null, null, List.of(), Set.of(), null, created, created.plus(1, ChronoUnit.DAYS));
    }
}
