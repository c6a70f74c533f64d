package app.clientdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not a test: the import benchmark of issue 5 (the full ECB history, about 7,000 days × 30 currencies, must
 * import in seconds). Run by {@code bench/exchange.sh}; the result goes into docs/BENCHMARKS.md. The file is
 * generated ({@link EcbFiles}); nothing is downloaded.
 */
class EcbImportBench extends IntegrationTest {

    static final int DAYS = Integer.getInteger("bench.days", 7000);

    @Autowired ExchangeRates rates;

    @Test
    void importTheWholeHistory() throws Exception {
        CurrentUser owner = newWorkspace().owner();
        byte[] csv = EcbFiles.history(DAYS, LocalDate.of(2026, 11, 27), 42);
        byte[] zip = EcbFiles.zip("eurofxref-hist.csv", csv);
        List<String> lines = new ArrayList<>();
        lines.add("| step | rates | wall s | CPU s (this thread) |");
        lines.add("|---|---:|---:|---:|");

        long t0 = System.nanoTime();
        long c0 = cpu();
        EcbImport first = rates.importEcb(owner, "eurofxref-hist.csv", new ByteArrayInputStream(csv));
        System.out.println("[bench] first import " + (System.nanoTime() - t0) / 1e9);
        lines.add(row("first import of the CSV (" + csv.length / 1024 + " KiB) into an empty workspace", first, t0, c0));

        long t1 = System.nanoTime();
        long c1 = cpu();
        EcbImport again = rates.importEcb(owner, "eurofxref-hist.zip", new ByteArrayInputStream(zip));
        System.out.println("[bench] again " + (System.nanoTime() - t1) / 1e9);
        lines.add(row("the zip (" + zip.length / 1024 + " KiB) again: every rate replaced", again, t1, c1));
        assertThat(again.rates()).isEqualTo(first.rates());

        long t2 = System.nanoTime();
        int n = 0;
        for (LocalDate day = LocalDate.of(2026, 11, 27).minusDays(DAYS * 7L / 5 - 7); day.isBefore(LocalDate.of(2026, 11, 27)); day = day.plusDays(7)) {
            assertThat(rates.rate(owner.workspaceId(), Currency.getInstance("USD"), Currency.getInstance("BRL"), day))
                    .isPresent();
            n++;
        }
        lines.add(String.format("| %d cross-rate look-ups (USD→BRL over EUR), each | | %.4f | |", n,
                (System.nanoTime() - t2) / 1e9 / n));

        mvc.perform(get("/billing/exchange-rates").with(user(owner))).andReturn(); // warm-up
        long t3 = System.nanoTime();
        int status = mvc.perform(get("/billing/exchange-rates").with(user(owner))).andReturn().getResponse().getStatus();
        lines.add(String.format("| the exchange-rates page over %,d stored rates (MockMvc, warm) | | %.3f | |",
                first.rates(), (System.nanoTime() - t3) / 1e9));
        assertThat(status).isEqualTo(200);

        System.out.println("\n[bench] ECB history import, " + DAYS + " days\n" + String.join("\n", lines) + "\n");
    }

    private static String row(String step, EcbImport done, long start, long cpuStart) {
        return String.format("| %s | %,d | %.2f | %.2f |", step, done.rates(), (System.nanoTime() - start) / 1e9,
                (cpu() - cpuStart) / 1e9);
    }

    /** Embedded H2 works in the calling thread, so this is the import's own CPU time, whatever else runs. */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
