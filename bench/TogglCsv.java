import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a Toggl Track detailed report CSV (the older export: byte-order mark, every value quoted, CRLF) of
 * any size, for the import benchmark. Run it as a single-file program, no build needed:
 *
 * <pre>
 * java bench/TogglCsv.java --rows 100000 --seed 42 --out /tmp/toggl-100k.csv
 * </pre>
 *
 * The people are those {@code admin generate --users 5 --seed 42} creates (owner+42@, member1+42@ …
 * member4+42@bench.clientdesk.test), so an import maps them by email. Each person's entries follow one
 * another on weekdays from 2015 on and never overlap; 40 clients with 3 projects each; descriptions with
 * commas, quotes, accents and now and then a line break; up to two tags.
 */
public class TogglCsv {

    private static final String[] WORK = {"Inbox zero", "Weekly report, sent to the client", "Reunião de alinhamento",
            "Invoices and \"quick\" follow-ups", "Social media calendar", "Newsletter draft", "Café com a equipe",
            "Travel booking: flights, hotel", "Research for the proposal", "Customer support tickets",
            "Édition des pages produit", "Bookkeeping", "Podcast show notes", "Calendar clean-up"};
    private static final String[] TAGS = {"Email", "Admin", "Reunião", "Urgent", "Follow-up", "Design"};
    private static final String[] TASKS = {"Onboarding", "Monthly report", "Campaign", "Support"};

    public static void main(String[] args) throws IOException {
        int rows = 100_000;
        long seed = 42;
        int people = 5;
        Path out = Path.of("toggl.csv");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--people" -> people = Integer.parseInt(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Random random = new Random(seed);
        DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE;
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss");
        List<String> emails = new ArrayList<>();
        emails.add("owner+" + seed + "@bench.clientdesk.test");
        for (int i = 1; i < people; i++) {
            emails.add("member" + i + "+" + seed + "@bench.clientdesk.test");
        }
        try (OutputStream file = Files.newOutputStream(out);
                BufferedWriter w = new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            file.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            w.write(line("User", "Email", "Client", "Project", "Task", "Description", "Billable", "Start date",
                    "Start time", "End date", "End time", "Duration", "Tags", "Amount (USD)"));
            for (int p = 0; p < people; p++) {
                int own = rows / people + (p < rows % people ? 1 : 0);
                LocalDateTime at = LocalDate.of(2015, 1, 5).atTime(8, 0);
                int today = 0;
                for (int n = 0; n < own; n++) {
                    if (today >= 6 + random.nextInt(5) || at.getHour() >= 18) {
                        LocalDate next = at.toLocalDate().plusDays(1);
                        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
                            next = next.plusDays(1);
                        }
                        at = next.atTime(8, random.nextInt(4) * 15);
                        today = 0;
                    }
                    int minutes = 15 + random.nextInt(76);
                    LocalDateTime end = at.plusMinutes(minutes).plusSeconds(random.nextInt(60));
                    int client = random.nextInt(40);
                    String description = WORK[random.nextInt(WORK.length)]
                            + (random.nextInt(500) == 0 ? "\nsecond line" : "") + " #" + n;
                    String tags = random.nextInt(3) == 0 ? ""
                            : random.nextBoolean() ? TAGS[random.nextInt(TAGS.length)]
                            : TAGS[random.nextInt(3)] + ", " + TAGS[3 + random.nextInt(3)];
                    long seconds = java.time.Duration.between(at, end).getSeconds();
                    w.write(line("Person " + p, emails.get(p), "Client " + (client + 1),
                            "Project " + (client + 1) + "." + (1 + random.nextInt(3)),
                            random.nextInt(3) == 0 ? TASKS[random.nextInt(TASKS.length)] : "", description,
                            random.nextInt(5) == 0 ? "No" : "Yes", at.format(day), at.format(time), end.format(day),
                            end.format(time), String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60,
                                    seconds % 60), tags, String.format(java.util.Locale.ROOT, "%.2f", seconds / 3600.0 * 40)));
                    at = end.plusMinutes(random.nextInt(20));
                    today++;
                }
            }
        }
        System.out.println(out + ": " + rows + " rows, " + Files.size(out) + " bytes");
    }

    private static String line(String... values) {
        StringBuilder s = new StringBuilder();
        for (String v : values) {
            if (s.length() > 0) {
                s.append(',');
            }
            s.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        return s.append("\r\n").toString();
    }
}
