package app.clientdesk.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.money.Money;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.ProjectInput;
import app.clientdesk.work.Projects;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

class TimeEntriesIT extends IntegrationTest {

    @Autowired TimeEntries entries;
    @Autowired Rates rates;
    @Autowired Timer timer;
    @Autowired Tasks tasks;
    @Autowired Projects projects;
    @Autowired JdbcClient jdbc;
    @Autowired TimeStore timeStore;

    TestWorkspace ws;
    CurrentUser owner;
    CurrentUser member;
    ClientId client;
    ClientId other;

    @BeforeEach
    void workspace() {
        ws = newWorkspace();
        owner = ws.owner();
        member = addMember(ws);
        client = createClient(ws, "Gamma Ltd", member.id());
        other = createClient(ws, "Delta Co");
    }

    private TimeEntryInput local(ClientId c, String date, String from, String endDate, String to, String zone) {
        return TimeEntryInput.ofLocal(c.value().toString(), null, null, date, from, endDate, to, zone, true, null, null);
    }

    private TimeEntryInput span(ClientId c, String start, String end) {
        return TimeEntryInput.ofInstants(c.value().toString(), null, null, start, end, true, null, null);
    }

    private long count() {
        return jdbc.sql("select count(*) from time_entries where workspace_id = :w").param("w", ws.id())
                .query(Long.class).single();
    }

    @Test
    void anEntryAcrossASpringForwardNightHasItsTrueDuration() {
        TimeEntry e = entries.create(owner, local(client, "2027-03-14", "01:30", null, "03:30", "America/New_York"));

        assertThat(e.durationSeconds()).isEqualTo(3600);
        assertThat(e.localDate()).isEqualTo(LocalDate.parse("2027-03-14"));
        assertThat(e.start()).isEqualTo(Instant.parse("2027-03-14T06:30:00Z"));
        assertThat(e.end()).isEqualTo(Instant.parse("2027-03-14T07:30:00Z"));
    }

    @Test
    void anEntryAcrossMidnightCountsForTheDayItStarted() {
        TimeEntry e = entries.create(owner, local(client, "2026-12-01", "22:00", "2026-12-02", "01:15", "Europe/London"));

        assertThat(e.durationSeconds()).isEqualTo(3 * 3600 + 15 * 60);
        assertThat(e.localDate()).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(entries.week(owner, owner.id(), LocalDate.parse("2026-11-30"))).extracting(TimeEntry::id)
                .containsExactly(e.id());
    }

    @Test
    void overlappingEntriesOfOnePersonAreRefusedButTouchingOnesAreFine() {
        entries.create(owner, span(client, "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z"));

        assertThatThrownBy(() -> entries.create(owner, span(other, "2026-12-01T09:30:00Z", "2026-12-01T11:00:00Z")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .anySatisfy(v -> assertThat(v.messageKey()).isEqualTo("time.overlap")));
        entries.create(owner, span(other, "2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z"));
        // Another person's time may overlap.
        entries.create(member, span(client, "2026-12-01T09:30:00Z", "2026-12-01T10:30:00Z"));
        assertThat(count()).isEqualTo(3);
    }

    @Test
    void badSpansAreRefusedAndNothingIsSaved() {
        assertThatThrownBy(() -> entries.create(owner, span(client, "2026-12-01T10:00:00Z", "2026-12-01T09:00:00Z")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.messageKey()).contains("time.end.beforeStart"));
        assertThatThrownBy(() -> entries.create(owner, span(client, "2026-12-01T10:00:00Z", "2026-12-02T10:00:01Z")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.messageKey()).contains("time.tooLong"));
        assertThatThrownBy(() -> entries.create(owner, span(client, "yesterday", "2026-12-02T10:00:00Z")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).contains("start"));
        assertThat(count()).isZero();
    }

    @Test
    void theMostSpecificRateWinsAndIsKeptOnTheEntry() {
        ProjectId project = projects.create(owner, new ProjectInput(client.value().toString(), "Site", "ACTIVE", null,
                null, null, null, null));
        TaskId task = tasks.create(owner, new TaskInput("Newsletter", null, client.value().toString(),
                project.value().toString(), null, false, false, null, null, null, null, null, "email", null, null,
                List.of(), null, null, List.of()));
        String at = "2026-12-0%dT%s:00:00Z";
        int[] day = {1};
        java.util.function.Supplier<TimeEntry> log = () -> {
            int d = day[0]++;
            return entries.create(owner, TimeEntryInput.ofInstants(null, null, task.value().toString(),
                    at.formatted(d, "09"), at.formatted(d, "10"), true, null, null));
        };

        assertThat(log.get().rate()).isNull();
        rates.set(owner, new RateInput("WORKSPACE", null, "USD", "40"));
        assertThat(log.get().rate()).as("a USD default does not price a GBP client").isNull();
        rates.set(owner, new RateInput("WORKSPACE", null, "GBP", "50"));
        assertThat(log.get().rate()).isEqualTo(gbp("50"));
        rates.set(owner, new RateInput("CLIENT", client.value().toString(), "GBP", "60"));
        assertThat(log.get().rate()).isEqualTo(gbp("60"));
        rates.set(owner, new RateInput("PROJECT", project.value().toString(), "GBP", "70"));
        assertThat(log.get().rate()).isEqualTo(gbp("70"));
        rates.set(owner, new RateInput("TASK_TYPE", "Email", "GBP", "80"));
        assertThat(log.get().rate()).isEqualTo(gbp("80"));
        TimeEntry memberRated = null;
        rates.set(owner, new RateInput("MEMBER", owner.id().value().toString(), "GBP", "90.5"));
        memberRated = log.get();
        assertThat(memberRated.rate()).isEqualTo(gbp("90.50"));
        assertThat(memberRated.rateSource()).isEqualTo(RateScope.MEMBER);

        // A new member rate changes future entries only, until a re-rate.
        rates.set(owner, new RateInput("MEMBER", owner.id().value().toString(), "GBP", "100"));
        assertThat(entries.get(owner, memberRated.id()).rate()).isEqualTo(gbp("90.50"));
        assertThat(entries.rerate(owner, List.of(memberRated.id())).changed()).isEqualTo(1);
        assertThat(entries.get(owner, memberRated.id()).rate()).isEqualTo(gbp("100.00"));
    }

    @Test
    void aClientsRateInAnotherCurrencyIsRefused() {
        assertThatThrownBy(() -> rates.set(owner, new RateInput("CLIENT", client.value().toString(), "EUR", "60")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.messageKey()).containsExactly("rate.currency.client"));
        assertThatThrownBy(() -> rates.set(owner, new RateInput("WORKSPACE", null, "JPY", "10.5")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.messageKey()).containsExactly("rate.amount.invalid"));
        TimeEntryInput withEuroRate = new TimeEntryInput(client.value().toString(), null, null, null,
                "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z", null, null, null, null, null, null, true, null, null,
                "45 EUR");
        assertThatThrownBy(() -> entries.create(owner, withEuroRate))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.messageKey()).containsExactly("time.rate.currency"));
        assertThat(count()).isZero();
    }

    @Test
    void anEntrysOwnRateStaysThroughEditsUntilItIsCleared() {
        rates.set(owner, new RateInput("CLIENT", client.value().toString(), "GBP", "60"));
        TimeEntry e = entries.create(owner, new TimeEntryInput(client.value().toString(), null, null, null,
                "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z", null, null, null, null, null, null, true, null, null,
                "45"));
        assertThat(e.rate()).isEqualTo(gbp("45"));
        assertThat(e.rateSource()).isEqualTo(RateScope.ENTRY);

        TimeEntry noted = entries.update(owner, e.id(), new TimeEntryInput(null, null, null, null, null, null, null,
                null, null, null, null, null, null, "Longer call", null, null));
        assertThat(noted.rate()).isEqualTo(gbp("45"));
        TimeEntry cleared = entries.update(owner, e.id(), new TimeEntryInput(null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, ""));
        assertThat(cleared.rate()).isEqualTo(gbp("60"));
        assertThat(cleared.rateSource()).isEqualTo(RateScope.CLIENT);
    }

    @Test
    void onlyTheOwnerSetsOrClearsAnEntrysOwnRate() {
        TimeEntry e = entries.create(member, span(client, "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z"));
        entries.update(owner, e.id(), new TimeEntryInput(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, "45"));

        for (String rate : List.of("", "30")) {
            assertThatThrownBy(() -> entries.update(member, e.id(), new TimeEntryInput(null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, rate)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(entries.get(owner, e.id()).rate()).isEqualTo(gbp("45"));
        // The member is not shown the rate, and their edit keeps it.
        assertThat(entries.get(member, e.id()).rate()).isNull();
        assertThat(entries.update(member, e.id(), new TimeEntryInput(null, null, null, null, null, null, null, null,
                null, null, null, null, null, "Call notes", null, null)).rate()).isNull();
        assertThat(entries.get(owner, e.id()).rate()).isEqualTo(gbp("45"));
        assertThat(entries.get(owner, e.id()).rateSource()).isEqualTo(RateScope.ENTRY);
    }

    @Test
    void aWriteThatFindsTheEntryInvoicedMeanwhileChangesNothing() {
        TimeEntry e = entries.create(owner, TimeEntryInput.ofInstants(client.value().toString(), null, null,
                "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z", true, null, List.of("calls")));
        entries.lockForInvoice(ws.created().workspaceId(), List.of(e.id()), UUID.randomUUID(), "INV-2026-0009");

        // What a save that read the entry just before the invoice locked it would write.
        boolean written = timeStore.update(ws.created().workspaceId(), new TimeStore.Row(e.id().value(),
                e.userId().value(), e.clientId().value(), null, null, null, e.start(), e.end().plusSeconds(600), e.zone(),
                0, true, "changed", List.of("other"), null, null, null), Instant.now());

        assertThat(written).isFalse();
        TimeEntry after = entries.get(owner, e.id());
        assertThat(after.end()).isEqualTo(e.end());
        assertThat(after.tags()).containsExactly("calls");
        assertThat(after.note()).isNull();
    }

    @Test
    void aTimerStoppedEarlierThanItsLastBreakIsRefusedRatherThanLosingTheBreak() {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        timer.start(owner, TimerStart.onClient(client.value().toString(), null));
        clock.set(Instant.parse("2026-12-01T12:00:00Z"));
        timer.pause(owner);
        clock.set(Instant.parse("2026-12-01T13:00:00Z"));
        timer.resume(owner);
        clock.set(Instant.parse("2026-12-01T14:00:00Z"));

        assertThatThrownBy(() -> timer.stop(owner, Instant.parse("2026-12-01T11:00:00Z")))
                .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations())
                        .extracting(v -> v.messageKey()).containsExactly("time.timer.endBeforeBreak"));
        TimeEntry e = timer.stop(owner, Instant.parse("2026-12-01T13:30:00Z")).orElseThrow();
        assertThat(e.durationSeconds()).isEqualTo(3 * 3600 + 1800);
    }

    @Test
    void anInvoicedEntryIsLockedAndSaysWhy() {
        TimeEntry e = entries.create(owner, span(client, "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z"));
        assertThat(entries.lockForInvoice(ws.created().workspaceId(), List.of(e.id()), UUID.randomUUID(),
                "INV-2026-0007")).isEqualTo(1);

        assertThatThrownBy(() -> entries.update(owner, e.id(), span(client, "2026-12-01T09:00:00Z",
                "2026-12-01T11:00:00Z")))
                .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.messageKey()).isEqualTo("time.locked");
                            assertThat(v.args()).containsExactly("INV-2026-0007");
                        }));
        assertThatThrownBy(() -> entries.delete(owner, e.id())).isInstanceOf(InvalidInputException.class);
        assertThat(entries.get(owner, e.id()).end()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void aMemberSeesAndLogsOnlyTheirOwnTimeOnTheirClients() {
        TimeEntry mine = entries.create(member, span(client, "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z"));
        TimeEntry owners = entries.create(owner, span(client, "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z"));

        assertThat(entries.search(member, TimeQuery.between(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-01"))))
                .extracting(TimeEntry::id).containsExactly(mine.id());
        assertThatThrownBy(() -> entries.get(member, owners.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> entries.create(member, span(other, "2026-12-02T09:00:00Z", "2026-12-02T10:00:00Z")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.messageKey()).containsExactly("time.client.unknown"));
        assertThatThrownBy(() -> entries.week(member, owner.id(), LocalDate.parse("2026-11-30")))
                .isInstanceOf(NotFoundException.class);
        TimeEntryInput forSomeoneElse = new TimeEntryInput(client.value().toString(), null, null,
                owner.id().value().toString(), "2026-12-03T09:00:00Z", "2026-12-03T10:00:00Z", null, null, null, null,
                null, null, true, null, null, null);
        assertThatThrownBy(() -> entries.create(member, forSomeoneElse)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theTimerPausesResumesAndStopsIntoAnEntryWithoutItsBreak() {
        TaskId task = tasks.create(owner, new TaskInput("Inbox zero", null, client.value().toString(), null, null,
                false, false, null, null, null, null, null, null, null, null, List.of(), null, null, List.of()));
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        timer.start(owner, TimerStart.onTask(task.value().toString()));
        clock.advance(Duration.ofMinutes(10));
        timer.pause(owner);
        clock.advance(Duration.ofMinutes(5));
        assertThat(timer.current(owner).orElseThrow().workedSeconds(clock.instant())).isEqualTo(600);
        timer.resume(owner);
        clock.advance(Duration.ofMinutes(45));

        TimeEntry e = timer.stop(owner, null).orElseThrow();

        assertThat(e.taskId()).isEqualTo(task);
        assertThat(e.start()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(e.end()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(e.breakSeconds()).isEqualTo(300);
        assertThat(e.durationSeconds()).isEqualTo(55 * 60);
        assertThat(timer.current(owner)).isEmpty();
    }

    @Test
    void startingATimerStopsTheRunningOneAndManualTimeMayNotOverlapIt() {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        timer.start(owner, TimerStart.onClient(client.value().toString(), "Calls"));
        clock.advance(Duration.ofMinutes(30));
        Timer.Started second = timer.start(owner, TimerStart.onClient(other.value().toString(), "Research"));

        assertThat(second.stopped()).isNotNull();
        assertThat(second.stopped().durationSeconds()).isEqualTo(1800);
        assertThat(second.stopped().note()).isEqualTo("Calls");
        assertThat(second.timer().clientName()).isEqualTo("Delta Co");

        clock.advance(Duration.ofMinutes(30));
        assertThatThrownBy(() -> entries.create(owner, span(client, "2026-12-01T09:45:00Z", "2026-12-01T09:50:00Z")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.messageKey()).containsExactly("time.overlap.timer"));
    }

    @Test
    void aTimerLeftRunningOverADayNeedsAnEndTime() {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        timer.start(owner, TimerStart.onClient(client.value().toString(), null));
        clock.advance(Duration.ofHours(30));

        assertThatThrownBy(() -> timer.stop(owner, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.messageKey()).containsExactly("time.timer.tooLong"));
        assertThat(timer.current(owner)).isPresent();
        TimeEntry e = timer.stop(owner, Instant.parse("2026-12-01T17:30:00Z")).orElseThrow();
        assertThat(e.durationSeconds()).isEqualTo(8 * 3600 + 1800);
    }

    private static Money gbp(String amount) {
        return new Money(new BigDecimal(amount), Currency.getInstance("GBP"));
    }
}
