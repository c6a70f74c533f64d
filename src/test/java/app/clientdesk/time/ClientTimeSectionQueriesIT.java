package app.clientdesk.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.support.QueryCounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A client's page sums this month's time in SQL: the same statements and rows for 21 entries a day as for 84,
 * and the same tracked, billable and billed time and amount as billing each entry one by one
 * ({@link BilledTime#units}), under each kind of rounding.
 */
class ClientTimeSectionQueriesIT extends IntegrationTest {

    static final Instant NOW = Instant.parse("2026-12-10T15:00:00Z");

    @Autowired JdbcTemplate jdbc;
    @Autowired TimeEntries entries;
    @Autowired TimeReports reports;

    private record Agency(TestWorkspace ws, CurrentUser member, ClientId client) {
    }

    private Agency agency(int perDay) {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        ClientId client = createClient(ws, "Busy Client", member.id());
        for (UUID who : List.of(ws.owner().id().value(), member.id().value())) {
            List<Object[]> rows = new ArrayList<>();
            OffsetDateTime made = NOW.atOffset(ZoneOffset.UTC);
            for (int d = 0; d < 8; d++) {
                LocalDate day = LocalDate.parse("2026-12-01").plusDays(d);
                for (int i = 0; i < perDay; i++) {
                    OffsetDateTime start = day.atTime(0, 0).atOffset(ZoneOffset.UTC).plusMinutes(15L * i);
                    // 7 to 13 minutes long; billable but the every third; a third at another rate, a seventh at none
                    long minutes = 7 + i % 7;
                    rows.add(new Object[] {UUID.randomUUID(), ws.id(), who, client.value(), start,
                            start.plusMinutes(minutes), java.sql.Date.valueOf(day), minutes * 60, i % 3 != 0,
                            i % 7 == 6 ? null : new BigDecimal(i % 3 == 1 ? "80.0000" : "50.0000"),
                            i % 7 == 6 ? null : "BRL", i % 7 == 6 ? null : "CLIENT", who, made, made});
                }
            }
            jdbc.batchUpdate("""
                    insert into time_entries (id, workspace_id, user_id, client_id, started_at, ended_at, zone,
                        local_date, break_seconds, duration_seconds, billable, rate_amount, rate_currency, rate_source,
                        created_by, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, 'UTC', ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        }
        return new Agency(ws, member, client);
    }

    private QueryCounts.Counts counts(CurrentUser who, String url) throws Exception {
        mvc.perform(get(url).with(user(who))).andExpect(status().isOk());
        return QueryCounts.during(() -> mvc.perform(get(url).with(user(who))).andExpect(status().isOk()));
    }

    @Test
    void aClientsPageSumsTheMonthInSqlAndCostsTheSameForFewAndManyEntries() throws Exception {
        clock.set(NOW);
        // every kind of entry (7 lengths, 3 rates and billable states) in both; 4 times as many of each in the large
        Agency small = agency(21);
        Agency large = agency(84);
        for (boolean owner : new boolean[] {true, false}) {
            CurrentUser s = owner ? small.ws().owner() : small.member();
            CurrentUser l = owner ? large.ws().owner() : large.member();
            QueryCounts.Counts sc = counts(s, "/clients/" + small.client());
            QueryCounts.Counts lc = counts(l, "/clients/" + large.client());
            assertThat(lc.statements()).as(lc.toString()).isEqualTo(sc.statements());
            assertThat(lc.rows()).as("rows, small:\n" + sc + "\nlarge:\n" + lc).isEqualTo(sc.rows());
        }
    }

    @Test
    void theSumsAreWhatBillingEachEntryGives() {
        clock.set(NOW);
        Agency a = agency(30);
        LocalDate from = LocalDate.parse("2026-12-01");
        LocalDate to = LocalDate.parse("2026-12-31");
        for (Rounding rounding : List.of(new Rounding(Rounding.Mode.NONE, 1, Rounding.Scope.ENTRY),
                new Rounding(Rounding.Mode.UP, 15, Rounding.Scope.ENTRY),
                new Rounding(Rounding.Mode.NEAREST, 10, Rounding.Scope.DAY),
                new Rounding(Rounding.Mode.DOWN, 6, Rounding.Scope.DAY))) {
            entries.setRounding(a.ws().owner(), a.client(), rounding);
            for (CurrentUser viewer : List.of(a.ws().owner(), a.member())) {
                List<TimeEntry> month = new ArrayList<>();
                for (int offset = 0; ; offset += TimeQuery.MAX_LIMIT) {
                    // billed as the owner sees the entries (with their rates; a member's view drops them), the
                    // member's own only for the member
                    List<TimeEntry> page = entries.search(a.ws().owner(), new TimeQuery(from, to, a.client().value(),
                            null, viewer.isOwner() ? null : viewer.id().value(), null, null, TimeQuery.MAX_LIMIT,
                            offset));
                    month.addAll(page);
                    if (page.size() < TimeQuery.MAX_LIMIT) {
                        break;
                    }
                }
                List<BilledTime.Unit> units = BilledTime.units(month, rounding);
                TimeReports.ClientTotals totals = reports.clientTotals(viewer, a.client().value(), from, to);
                String what = rounding + " as " + viewer.role();
                assertThat(totals.trackedSeconds()).as(what)
                        .isEqualTo(month.stream().mapToLong(TimeEntry::durationSeconds).sum());
                assertThat(totals.billableSeconds()).as(what).isEqualTo(
                        month.stream().filter(TimeEntry::billable).mapToLong(TimeEntry::durationSeconds).sum());
                assertThat(totals.billedSeconds()).as(what).isEqualTo(BilledTime.billedSeconds(units));
                assertThat(totals.unpriced()).as(what).isEqualTo(units.stream().anyMatch(u -> u.rate() == null));
                if (viewer.seesMoney()) {
                    java.util.Currency brl = java.util.Currency.getInstance("BRL");
                    assertThat(totals.amountIn(brl)).as(what).isEqualTo(BilledTime.amount(units, brl));
                }
            }
        }
    }
}
