package app.clientdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.money.Money;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violation;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Typed rates and ECB files on a real database: which rate is in force on a date, and what an import does. */
class ExchangeRatesIT extends IntegrationTest {

    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency USD = Currency.getInstance("USD");
    static final Currency BRL = Currency.getInstance("BRL");
    static final Currency JPY = Currency.getInstance("JPY");
    static final Currency GBP = Currency.getInstance("GBP");

    @Autowired ExchangeRates rates;
    @Autowired JdbcClient jdbc;

    TestWorkspace ws;
    CurrentUser owner;
    WorkspaceId w;

    @BeforeEach
    void workspace() {
        ws = newWorkspace();
        owner = ws.owner();
        w = owner.workspaceId();
    }

    private BigDecimal rateOn(Currency from, Currency to, String date) {
        return rates.rate(w, from, to, LocalDate.parse(date)).orElseThrow().rate();
    }

    private EcbImport importFile(String resource) throws IOException {
        try (InputStream in = ExchangeRatesIT.class.getResourceAsStream("/exchange/" + resource)) {
            return rates.importEcb(owner, resource, in);
        }
    }

    private long count(WorkspaceId workspace) {
        return jdbc.sql("select count(*) from exchange_rates where workspace_id = :w").param("w", workspace.value())
                .query(Long.class).single();
    }

    @Test
    void aTypedRateIsInForceFromItsDayUntilTheNext() {
        rates.set(owner, "2026-11-02", "USD", "BRL", "5.30");
        rates.set(owner, "2026-11-16", "usd", "brl", "5,35");

        assertThat(rates.rate(w, USD, BRL, LocalDate.parse("2026-11-01"))).as("before the first rate").isEmpty();
        assertThat(rateOn(USD, BRL, "2026-11-02")).isEqualByComparingTo("5.30");
        assertThat(rateOn(USD, BRL, "2026-11-15")).isEqualByComparingTo("5.30");
        assertThat(rateOn(USD, BRL, "2026-11-16")).isEqualByComparingTo("5.35");
        assertThat(rateOn(USD, BRL, "2027-06-01")).isEqualByComparingTo("5.35");
        ExchangeRate inverse = rates.rate(w, BRL, USD, LocalDate.parse("2026-11-20")).orElseThrow();
        assertThat(inverse.rate()).isEqualByComparingTo("0.1869158879");
        assertThat(inverse.day()).isEqualTo(LocalDate.parse("2026-11-16"));
        assertThat(inverse.source()).isEqualTo("MANUAL");
        assertThat(inverse.convert(new Money(new BigDecimal("1000"), BRL)).plain()).isEqualTo("186.92");
        assertThat(rates.rate(w, JPY, JPY, LocalDate.parse("2026-11-20")).orElseThrow().rate()).isEqualByComparingTo("1");
    }

    @Test
    void typingARateForTheSameDayReplacesItEvenTheOtherWayRound() {
        rates.set(owner, "2026-11-02", "USD", "BRL", "5.30");
        rates.set(owner, "2026-11-02", "USD", "BRL", "5.31");
        assertThat(count(w)).isEqualTo(1);
        assertThat(rateOn(USD, BRL, "2026-11-02")).isEqualByComparingTo("5.31");

        rates.set(owner, "2026-11-02", "BRL", "USD", "0.2");
        assertThat(count(w)).isEqualTo(1);
        assertThat(rateOn(USD, BRL, "2026-11-02")).isEqualByComparingTo("5");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
        assertThatThrownBy(() -> rates.set(owner, "2026-13-01", "XXQ", "BRL", "0"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting(Violation::field,
                        Violation::messageKey).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("day", "exchange.day.invalid"),
                                org.assertj.core.groups.Tuple.tuple("base", "exchange.currency.invalid"),
                                org.assertj.core.groups.Tuple.tuple("rate", "exchange.rate.invalid")));
        assertThatThrownBy(() -> rates.set(owner, "2026-11-02", "BRL", "brl", "1"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting(Violation::field,
                        Violation::messageKey).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("quote", "exchange.currency.same")));
        assertThatThrownBy(() -> rates.set(owner, "2026-11-02", "USD", "BRL", "5.12345678901"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(count(w)).isZero();
        assertThatThrownBy(() -> rates.set(addMember(ws), "2026-11-02", "USD", "BRL", "5"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theDailyEcbFileGivesEuroRatesAndCrossesOverTheEuro() throws IOException {
        EcbImport done = importFile("eurofxref.csv");

        assertThat(done.rates()).isEqualTo(30);
        assertThat(done.days()).isEqualTo(1);
        assertThat(done.firstDay()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(rateOn(EUR, USD, "2026-11-27")).isEqualByComparingTo("1.0550");
        assertThat(rateOn(USD, EUR, "2026-11-30")).isEqualByComparingTo("0.9478672986");
        ExchangeRate usdBrl = rates.rate(w, USD, BRL, LocalDate.parse("2026-11-28")).orElseThrow();
        // 5.6120 / 1.0550
        assertThat(usdBrl.rate()).isEqualByComparingTo("5.3194312796");
        assertThat(usdBrl.crossed()).isTrue();
        assertThat(usdBrl.source()).isEqualTo("ECB");
        assertThat(usdBrl.convert(new Money(new BigDecimal("1500.00"), USD)).plain()).isEqualTo("7979.15");
        assertThat(rates.rate(w, USD, BRL, LocalDate.parse("2026-11-26"))).as("before the file's day").isEmpty();
    }

    @Test
    void theHistoryFileImportsEveryDayAndSaysWhatItLeftOut() throws IOException {
        EcbImport done = importFile("eurofxref-hist.csv");

        assertThat(done.rates()).isEqualTo(99);
        assertThat(done.days()).isEqualTo(3);
        assertThat(done.skippedCells()).isEqualTo(24);
        assertThat(done.firstDay()).isEqualTo(LocalDate.of(2008, 1, 2));
        assertThat(done.lastDay()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(rateOn(EUR, BRL, "2026-11-25")).isEqualByComparingTo("5.5");
        assertThat(rateOn(EUR, BRL, "2026-11-26")).isEqualByComparingTo("5.6");
        assertThat(rateOn(EUR, BRL, "2020-01-01")).as("the 2008 rate is the newest before 2020").isEqualByComparingTo("2.6063");
        assertThat(rates.rate(w, EUR, Currency.getInstance("HRK"), LocalDate.parse("2026-11-26")))
                .as("N/A on 2026-11-26, so the 2008 rate is in force").get()
                .satisfies(r -> assertThat(r.day()).isEqualTo(LocalDate.of(2008, 1, 2)));

        // The daily file of the next day adds to it; importing the history again replaces, never doubles.
        importFile("eurofxref.csv");
        EcbImport again = importFile("eurofxref-hist.zip");
        assertThat(again.rates()).isEqualTo(99);
        assertThat(count(w)).isEqualTo(99 + 30);
        assertThat(rates.latest(w, LocalDate.of(9999, 1, 1))).filteredOn(p -> p.newest().to().equals(USD)).singleElement()
                .satisfies(p -> {
                    assertThat(p.days()).isEqualTo(4);
                    assertThat(p.newest().day()).isEqualTo(LocalDate.of(2026, 11, 27));
                });
    }

    @Test
    void theZipTheEcbServesImportsLikeItsCsv() throws IOException {
        EcbImport done = importFile("eurofxref.zip");
        assertThat(done.rates()).isEqualTo(30);
        assertThat(rateOn(EUR, JPY, "2026-11-27")).isEqualByComparingTo("160.12");
    }

    @Test
    void anImportKeepsARateTheOwnerTyped() throws IOException {
        rates.set(owner, "2026-11-27", "USD", "EUR", "0.95");
        rates.set(owner, "2026-11-27", "EUR", "GBP", "0.84");

        EcbImport done = importFile("eurofxref.csv");

        assertThat(done.keptManual()).isEqualTo(2);
        assertThat(done.rates()).isEqualTo(28);
        assertThat(rateOn(USD, EUR, "2026-11-27")).isEqualByComparingTo("0.95");
        assertThat(rateOn(EUR, GBP, "2026-11-27")).isEqualByComparingTo("0.84");
        assertThat(rates.rate(w, EUR, GBP, LocalDate.parse("2026-11-27")).orElseThrow().source()).isEqualTo("MANUAL");
    }

    @Test
    void aBadFileImportsNothingAtAll() throws IOException {
        importFile("eurofxref.csv");
        long before = count(w);
        byte[] badTail = "Date,USD,JPY,\n2026-11-30,1.06,161,\n2026-11-29,1.05,oops,\n".getBytes();

        assertThatThrownBy(() -> rates.importEcb(owner, "bad.csv", new ByteArrayInputStream(badTail)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> importFile("not-ecb.csv")).isInstanceOf(InvalidInputException.class);

        assertThat(count(w)).isEqualTo(before);
        assertThat(rates.rate(w, EUR, USD, LocalDate.parse("2026-11-30")).orElseThrow().day())
                .isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void aWorkspaceSeesOnlyItsOwnRates() throws IOException {
        importFile("eurofxref.csv");
        rates.set(owner, "2026-11-02", "USD", "BRL", "5.30");
        TestWorkspace other = newWorkspace();
        WorkspaceId b = other.owner().workspaceId();

        assertThat(rates.rate(b, EUR, USD, LocalDate.parse("2026-11-30"))).isEmpty();
        assertThat(rates.rate(b, USD, BRL, LocalDate.parse("2026-11-30"))).isEmpty();
        assertThat(rates.latest(b, LocalDate.of(9999, 1, 1))).isEmpty();
        assertThatThrownBy(() -> rates.delete(other.owner(), USD, BRL, LocalDate.parse("2026-11-02")))
                .isInstanceOf(NotFoundException.class);
        assertThat(rates.history(w, USD, BRL, null)).hasSize(1);

        // B's own import of the same day does not touch A's.
        try (InputStream in = ExchangeRatesIT.class.getResourceAsStream("/exchange/eurofxref.csv")) {
            rates.importEcb(other.owner(), "eurofxref.csv", in);
        }
        assertThat(count(w)).isEqualTo(31);
        assertThat(count(b)).isEqualTo(30);
    }

    @Test
    void removingARateBringsBackTheOneBefore() {
        rates.set(owner, "2026-11-02", "USD", "BRL", "5.30");
        rates.set(owner, "2026-11-16", "USD", "BRL", "5.35");

        ExchangeRate removed = rates.delete(owner, USD, BRL, LocalDate.parse("2026-11-16"));

        assertThat(removed.rate()).isEqualByComparingTo("5.35");
        assertThat(rateOn(USD, BRL, "2026-11-20")).isEqualByComparingTo("5.30");
        assertThatThrownBy(() -> rates.delete(owner, USD, BRL, LocalDate.parse("2026-11-16")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void againstTheBaseCurrencyEveryCurrencyGetsItsRateInForce() throws IOException {
        importFile("eurofxref.csv");
        rates.set(owner, "2026-11-28", "USD", "BRL", "5.25");

        var against = rates.against(w, BRL, LocalDate.parse("2026-11-30"));

        assertThat(against).hasSize(30).allSatisfy(r -> assertThat(r.from()).isEqualTo(BRL));
        assertThat(against).filteredOn(r -> r.to().equals(USD)).singleElement()
                .satisfies(r -> {
                    assertThat(r.rate()).isEqualByComparingTo("0.1904761905");
                    assertThat(r.crossed()).as("the typed direct rate wins").isFalse();
                });
        assertThat(against).filteredOn(r -> r.to().equals(EUR)).singleElement()
                .satisfies(r -> assertThat(r.rate()).isEqualByComparingTo("0.1781895937"));
        assertThat(against).filteredOn(r -> r.to().equals(JPY)).singleElement()
                .satisfies(r -> assertThat(r.crossed()).isTrue());
    }
}
