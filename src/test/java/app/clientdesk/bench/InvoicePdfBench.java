package app.clientdesk.bench;

import app.clientdesk.ClientdeskApplication;
import app.clientdesk.billing.BillingSettingsInput;
import app.clientdesk.billing.BillingSetup;
import app.clientdesk.billing.DraftInput;
import app.clientdesk.billing.DraftInput.LineInput;
import app.clientdesk.billing.Invoice;
import app.clientdesk.billing.InvoiceId;
import app.clientdesk.billing.InvoicePdfs;
import app.clientdesk.billing.Invoices;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.NewWorkspace;
import app.clientdesk.identity.WorkspaceCreated;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.identity.Workspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Benchmark, not a test: renders N varied invoice PDFs through {@link InvoicePdfs} one after another and prints
 * the total time and the median and 95th percentile per PDF. The invoices are generated first on an in-memory
 * H2 database (clients in GBP, BRL, JPY, BHD, EUR, USD and INR, in English and Portuguese; 1–15 lines each;
 * no tax, one or two named rates; line and invoice discounts; four in five issued, the rest drafts). Started by
 * {@code bench/pdf.sh}.
 *
 * <p>Arguments: {@code [count] [seed] [folder to keep three sample PDFs in]}.
 */
public final class InvoicePdfBench {

    private static final String[][] CLIENTS = {
        {"Acme Ltd", "GBP", "en"}, {"Padaria Pão Quente", "BRL", "pt-BR"}, {"Tokyo Design KK", "JPY", "en"},
        {"Manama Trading WLL", "BHD", "en"}, {"Berlin Studio GmbH", "EUR", "en"}, {"Austin Coaching LLC", "USD", "en"},
        {"Pune Software Pvt", "INR", "en"}, {"Clínica Sorriso", "BRL", "pt-BR"}};
    private static final String[] WORK = {"Inbox and calendar management", "Customer support (email and chat)",
        "Social media scheduling", "Bookkeeping and reconciliation", "Research report", "Travel booking",
        "Newsletter design and send", "Gestão de agenda", "Atendimento ao cliente", "Data entry"};

    private InvoicePdfBench() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        Path samples = args.length > 2 ? Path.of(args[2]) : null;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ClientdeskApplication.class)
                .properties("spring.datasource.url=jdbc:h2:mem:pdfbench;DB_CLOSE_DELAY=-1", "server.port=0",
                        "logging.level.root=WARN", "logging.level.app.clientdesk.billing.InvoicePdfs=INFO")
                .run()) {
            run(app, count, seed, samples);
        }
    }

    private static void run(ConfigurableApplicationContext app, int count, long seed, Path samples) throws Exception {
        Workspaces workspaces = app.getBean(Workspaces.class);
        Clients clients = app.getBean(Clients.class);
        Invoices invoices = app.getBean(Invoices.class);
        InvoicePdfs pdfs = app.getBean(InvoicePdfs.class);
        BillingSetup setup = app.getBean(BillingSetup.class);
        String email = "owner+" + UUID.randomUUID().toString().substring(0, 8) + "@bench.clientdesk.test";
        WorkspaceCreated created = workspaces.create(new NewWorkspace("Ana Souza Assistência Virtual", "Ana Souza",
                email, "benchmark-password", "BRL", "America/Sao_Paulo", "pt-BR"));
        CurrentUser owner = (CurrentUser) app.getBean(UserDetailsService.class).loadUserByUsername(email);
        WorkspaceId ws = created.workspaceId();
        BillingSettingsInput form = BillingSettingsInput.of(setup.get(owner));
        setup.save(owner, new BillingSettingsInput(form.invoicePattern(), form.creditNotePattern(), "14", null, null,
                "EXCLUSIVE", "Rua das Flores 10, São Paulo SP\nCNPJ 12.345.678/0001-90\nana@anasouza.com.br",
                "Bank: Banco Exemplo, agência 0001, conta 12345-6\nPix: financeiro@anasouza.com.br\n"
                        + "PayPal: ana@anasouza.com.br\nWise: @anasouza",
                null, null, true, null, "-3, 0, 7, 14"));

        List<ClientId> ids = new ArrayList<>();
        for (String[] c : CLIENTS) {
            ids.add(clients.create(owner, new ClientInput(c[0], "ACTIVE", "Europe/London", c[1], c[2], "GB",
                    null, "1 Main Street\nSuite 200\nLondon EC1A 1AA", "TAX-" + c[1], List.of(), "8", "EMAIL", "CHAT",
                    "VIDEO", "EMAIL", null, null,
                    List.of(new ClientInput.ContactInput(null, "Primary Person", "primary@example.com", null, "CEO",
                            true)),
                    List.of())));
        }

        Random random = new Random(seed);
        List<InvoiceId> generated = new ArrayList<>(count);
        long genStart = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int c = random.nextInt(CLIENTS.length);
            String currency = CLIENTS[c][1];
            int lines = 1 + random.nextInt(15);
            List<LineInput> input = new ArrayList<>();
            for (int l = 0; l < lines; l++) {
                String price = price(currency, random);
                String[] tax = switch (random.nextInt(4)) {
                    case 0 -> new String[] {null, null};
                    case 1 -> new String[] {"VAT", "20"};
                    case 2 -> new String[] {"ISS", "5"};
                    default -> new String[] {"GST", "10"};
                };
                input.add(new LineInput(null, WORK[random.nextInt(WORK.length)] + " #" + (l + 1),
                        random.nextBoolean() ? String.valueOf(1 + random.nextInt(20)) : (1 + random.nextInt(40)) + ".25",
                        random.nextBoolean() ? "HOURS" : null, price, random.nextInt(5) == 0 ? "10" : null, tax[0],
                        tax[1]));
            }
            Invoice draft = invoices.createDraft(owner, new DraftInput(ids.get(c).value().toString(), null, null,
                    random.nextInt(6) == 0 ? "5" : null, null, "Thank you for your business.",
                    "Payment within the terms above, please.", input));
            if (random.nextInt(5) != 0) {
                invoices.issue(owner, draft.id(), null);
            }
            generated.add(draft.id());
        }
        double genSeconds = (System.nanoTime() - genStart) / 1e9;

        long[] nanos = new long[count];
        long bytes = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            byte[] pdf = pdfs.render(ws, generated.get(i));
            nanos[i] = System.nanoTime() - t0;
            bytes += pdf.length;
            if (samples != null && i < 3) {
                Files.createDirectories(samples);
                Files.write(samples.resolve("sample-" + (i + 1) + ".pdf"), pdf);
            }
        }
        double total = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("invoices generated: %d in %.1f s%n", count, genSeconds);
        System.out.printf("pdfs rendered: %d in %.1f s (one thread; %.1f s of CPU on that thread)%n", count, total,
                cpu);
        System.out.printf("per pdf: median %.1f ms, p95 %.1f ms, max %.1f ms, first %.1f ms%n",
                sorted[count / 2] / 1e6, sorted[(int) Math.ceil(count * 0.95) - 1] / 1e6, sorted[count - 1] / 1e6,
                nanos[0] / 1e6);
        System.out.printf("average size: %.1f KB%n", bytes / 1024.0 / count);
    }

    private static String price(String currency, Random random) {
        return switch (currency) {
            case "JPY" -> String.valueOf(1000 + random.nextInt(20000));
            case "BHD" -> (1 + random.nextInt(90)) + "." + "%03d".formatted(random.nextInt(1000));
            case "INR" -> (500 + random.nextInt(5000)) + "." + "%02d".formatted(random.nextInt(100));
            default -> (10 + random.nextInt(190)) + "." + "%02d".formatted(random.nextInt(100));
        };
    }
}
