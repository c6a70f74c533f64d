package app.clientdesk.bench;

import app.clientdesk.planning.MeetingPlan;
import app.clientdesk.planning.MeetingPlanner;
import app.clientdesk.planning.MeetingQuery;
import app.clientdesk.planning.MeetingQuery.Kind;
import app.clientdesk.planning.MeetingQuery.Party;
import app.clientdesk.planning.WeekHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How long the meeting planner takes to answer for five parties (Sydney, London, São Paulo, New York and Kolkata,
 * office hours with a lunch break, a few holidays each) over {@code weeks} weeks (default 52), one-hour meetings
 * tried every 30 minutes: the page's question (issue 14 wants under 100 ms). {@code runs} answers (default 200)
 * after as many unmeasured ones to warm the JIT; prints the median, p95 and slowest. Not a test; see
 * docs/BENCHMARKS.md and bench/meeting-planner.sh.
 */
public final class MeetingPlannerBench {

    private MeetingPlannerBench() {}

    public static void main(String[] args) {
        int weeks = args.length > 0 ? Integer.parseInt(args[0]) : 52;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        MeetingQuery query = MeetingQuery.of(parties(), ZoneId.of("Europe/London"), LocalDate.of(2027, 1, 4), weeks,
                Duration.ofHours(1));

        long started = System.nanoTime();
        MeetingPlan first = MeetingPlanner.find(query);
        System.out.printf("first answer (cold JVM): %.1f ms; outcome %s, best slot %s %s, %d DST warnings%n",
                (System.nanoTime() - started) / 1e6, first.outcome(), first.slots().get(0).day(),
                first.slots().get(0).time(), first.slots().get(0).dstWarnings().size());
        for (int i = 0; i < runs; i++) {
            MeetingPlanner.find(query);
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            MeetingPlanner.find(query);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%d parties, %d weeks, %d answers after warm-up: median %.2f ms, p95 %.2f ms, "
                + "slowest %.2f ms%n",
                query.parties().size(), weeks, runs, nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.95)] / 1e6,
                nanos[runs - 1] / 1e6);
    }

    private static List<Party> parties() {
        List<Party> parties = new ArrayList<>();
        String[][] places = {{"Australia/Sydney", "CLIENT"}, {"Europe/London", "MEMBER"},
                {"America/Sao_Paulo", "MEMBER"}, {"America/New_York", "CLIENT"}, {"Asia/Kolkata", "CLIENT"}};
        for (String[] place : places) {
            Map<DayOfWeek, List<WeekHours.Span>> days = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day.getValue() <= 5) {
                    days.put(day, List.of(new WeekHours.Span(LocalTime.of(7, 0), LocalTime.of(12, 0)),
                            new WeekHours.Span(LocalTime.of(13, 0), LocalTime.of(21, 0))));
                }
            }
            Set<LocalDate> holidays = Set.of(LocalDate.of(2027, 4, 2), LocalDate.of(2027, 12, 27),
                    LocalDate.of(2027, 5, 3));
            parties.add(new Party(place[0], place[0], Kind.valueOf(place[1]), ZoneId.of(place[0]),
                    new WeekHours(days), holidays));
        }
        return parties;
    }
}
