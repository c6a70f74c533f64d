package app.clientdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.clientdesk.shared.validation.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Currency;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The ECB's daily and history files, zipped or not, and what is refused. */
class EcbFileTest {

    private static EcbFile.Contents read(String resource) throws IOException {
        try (InputStream in = EcbFileTest.class.getResourceAsStream("/exchange/" + resource)) {
            return EcbFile.read(in);
        }
    }

    private static EcbFile.Contents read(byte[] bytes) {
        return EcbFile.read(new ByteArrayInputStream(bytes));
    }

    private static BigDecimal rate(EcbFile.Contents contents, String day, String code) {
        return contents.cells().stream()
                .filter(c -> c.day().equals(LocalDate.parse(day)) && c.quote().getCurrencyCode().equals(code))
                .map(EcbFile.Cell::rate).findFirst().orElseThrow();
    }

    @Test
    void theDailyFileHasOneDayWithSpacesAndATrailingComma() throws IOException {
        EcbFile.Contents daily = read("eurofxref.csv");

        assertThat(daily.days()).containsExactly(LocalDate.of(2026, 11, 27));
        assertThat(daily.cells()).hasSize(30);
        assertThat(rate(daily, "2026-11-27", "USD")).isEqualByComparingTo("1.0550");
        assertThat(rate(daily, "2026-11-27", "IDR")).isEqualByComparingTo("17081.65");
        assertThat(daily.skippedCells()).isZero();
        assertThat(daily.ignoredColumns()).isEmpty();
    }

    @Test
    void theHistoryFileSkipsNotAvailableCellsAndKeepsOldCurrencies() throws IOException {
        EcbFile.Contents history = read("eurofxref-hist.csv");

        assertThat(history.days()).containsExactlyInAnyOrder(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 25),
                LocalDate.of(2008, 1, 2));
        assertThat(history.cells()).hasSize(30 + 30 + 39);
        assertThat(history.skippedCells()).isEqualTo(11 + 11 + 2);
        assertThat(rate(history, "2008-01-02", "CYP")).isEqualByComparingTo("0.585274");
        assertThat(rate(history, "2026-11-25", "BRL")).isEqualByComparingTo("5.5");
        assertThat(history.first()).isEqualTo(LocalDate.of(2008, 1, 2));
        assertThat(history.last()).isEqualTo(LocalDate.of(2026, 11, 26));
    }

    @Test
    void theZipsTheEcbServesAreReadLikeTheirCsv() throws IOException {
        assertThat(read("eurofxref.zip").cells()).isEqualTo(read("eurofxref.csv").cells());
        assertThat(read("eurofxref-hist.zip").cells()).isEqualTo(read("eurofxref-hist.csv").cells());
    }

    @Test
    void aByteOrderMarkCrlfAndAColumnThatIsNoCurrencyAreFine() {
        EcbFile.Contents contents = read("\uFEFFDate,USD,XYZ1,\r\n2026-11-27,1.05,7,\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(contents.cells()).singleElement()
                .satisfies(c -> assertThat(c.quote()).isEqualTo(Currency.getInstance("USD")));
        assertThat(contents.ignoredColumns()).containsExactly("XYZ1");
        assertThat(contents.skippedCells()).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotAnEcbFileIsRefusedWithItsReason() throws IOException {
        assertThatThrownBy(() -> read("not-ecb.csv")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).singleElement()
                        .satisfies(v -> assertThat(v.messageKey()).isEqualTo("exchange.import.notEcb")));
        assertRefused("".getBytes(StandardCharsets.UTF_8), "exchange.import.empty");
        assertRefused("%PDF-1.4\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1), "exchange.import.notEcb");
        assertRefused("Date,USD,\n2026-11-27,N/A,\n".getBytes(StandardCharsets.UTF_8), "exchange.import.noRates");
        assertRefused("Date,USD,\n27/11/2026,1.05,\n".getBytes(StandardCharsets.UTF_8), "exchange.import.badDate");
        assertRefused("Date,USD,\n2026-11-27,1.05,\n2026-11-26,-1,\n".getBytes(StandardCharsets.UTF_8),
                "exchange.import.badRate");
        assertRefused(zip("readme.txt", "hello"), "exchange.import.zipEmpty");
    }

    @Test
    void aBadRowSaysWhichLineAndColumn() {
        assertThatThrownBy(() -> read("Date,USD,JPY,\n2026-11-27,1.05,1.6O,\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations().get(0).args())
                        .containsExactly(2L, "JPY", "1.6O"));
    }

    private static void assertRefused(byte[] bytes, String key) {
        assertThatThrownBy(() -> read(bytes)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations().get(0).messageKey()).isEqualTo(key));
    }

    static byte[] zip(String name, String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
