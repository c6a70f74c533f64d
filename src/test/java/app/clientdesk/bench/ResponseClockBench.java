package app.clientdesk.bench;

import app.clientdesk.sla.ResponseClock;
import app.clientdesk.sla.SlaPolicy;
import app.clientdesk.sla.SlaState;
import app.clientdesk.sla.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

/**
 * How long the state and due time of many response clocks take with one workspace calendar, as an inbox would ask:
 * {@code count} requests (default 20,000) received within the last 30 days, an 8-hour commitment, three rounds.
 * Not a test; see docs/BENCHMARKS.md for the command.
 */
public final class ResponseClockBench {

    private ResponseClockBench() {}

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        SlaPolicy policy = new SlaPolicy(WorkingCalendar.standard(ZoneId.of("America/Sao_Paulo")), 75);
        Instant now = Instant.parse("2026-12-07T15:00:00Z");
        for (int round = 1; round <= 3; round++) {
            Random random = new Random(42);
            long started = System.nanoTime();
            int breached = 0;
            for (int i = 0; i < count; i++) {
                Instant received = now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 30)));
                ResponseClock clock = policy.clock(Duration.ofHours(8), received, List.of(), null).orElseThrow();
                if (clock.state(now) == SlaState.BREACHED) {
                    breached++;
                }
                clock.dueAt();
            }
            System.out.printf("round %d: %d clocks (state + due time) in %d ms, %d breached%n", round, count,
                    (System.nanoTime() - started) / 1_000_000, breached);
        }
    }
}
