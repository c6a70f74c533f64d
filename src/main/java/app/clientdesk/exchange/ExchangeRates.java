package app.clientdesk.exchange;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.i18n.Currencies;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.NotFoundException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's exchange rates: typed by the owner or imported from a European Central Bank reference-rate file,
 * and the rate in force on a date (see {@link #rate}). Nothing here fetches anything from the network. Setting
 * or importing rates publishes {@link ExchangeRatesChanged} in its transaction.
 */
@Service
public class ExchangeRates {

    /** The most rates the history of one pair shows at a time. */
    public static final int HISTORY_PAGE = 100;

    private final ExchangeRateStore store;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ExchangeRates(ExchangeRateStore store, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    /**
     * The rate in force on {@code date} for converting {@code from} into {@code to}: 1 for the same currency;
     * else the newest rate of the pair dated on or before the date, in either direction (1 ÷ rate when stored
     * the other way round); else, if neither is EUR, the cross over EUR: (EUR→to) ÷ (EUR→from), each leg its
     * own newest on or before the date. Divided once, to 10 decimals, half-up. Empty when there is no such
     * rate. Does not check who asks: callers hold the workspace of a signed-in person or of their own job.
     */
    public Optional<ExchangeRate> rate(WorkspaceId workspace, Currency from, Currency to, LocalDate date) {
        return CrossRates.resolve(from, to, date, (a, b) -> store.newest(workspace, a, b, date));
    }

    /**
     * Sets the owner's own rate: 1 {@code base} = {@code rate} {@code quote} on {@code day} (ISO date). Replaces
     * the rate of that pair and day, in either direction, whether typed or imported.
     *
     * @throws InvalidInputException for a bad date, an unknown currency, the same currency twice, or a rate that
     *     is not a number above zero with at most 10 decimals
     */
    @Transactional
    public ExchangeRate set(CurrentUser owner, @Nullable String day, @Nullable String base, @Nullable String quote,
            @Nullable String rate) {
        owner.requireOwner();
        Violations v = new Violations();
        LocalDate date = null;
        try {
            date = LocalDate.parse(day == null ? "" : day.strip());
            if (date.getYear() < 1900 || date.getYear() > 2999) {
                date = null;
            }
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            v.add("day", "exchange.day.invalid");
        }
        Optional<Currency> b = Currencies.parse(base);
        Optional<Currency> q = Currencies.parse(quote);
        if (b.isEmpty()) {
            v.add("base", "exchange.currency.invalid", base == null ? "" : base.strip());
        }
        if (q.isEmpty()) {
            v.add("quote", "exchange.currency.invalid", quote == null ? "" : quote.strip());
        }
        if (b.isPresent() && b.equals(q)) {
            v.add("quote", "exchange.currency.same", b.get().getCurrencyCode());
        }
        Optional<BigDecimal> value = parseRate(rate);
        if (value.isEmpty()) {
            v.add("rate", "exchange.rate.invalid");
        }
        v.throwIfAny();
        StoredRate stored = new StoredRate(b.orElseThrow(), q.orElseThrow(), value.orElseThrow(), date,
                ExchangeRate.MANUAL);
        store.put(owner.workspaceId(), stored, clock.instant());
        events.publishEvent(new ExchangeRatesChanged(owner.workspaceId(), stored.day()));
        return asRate(stored);
    }

    /** A rate as a person types it: a number above zero, a point or a comma before at most 10 decimals. */
    static Optional<BigDecimal> parseRate(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        String plain = text.strip().replace(',', '.');
        if (!plain.matches("\\d{1,14}(\\.\\d{1,10})?")) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(plain);
        return value.signum() > 0 ? Optional.of(value) : Optional.empty();
    }

    /**
     * Removes the rate of base → quote on that day (as stored).
     *
     * @throws NotFoundException if the workspace has no such rate
     */
    @Transactional
    public ExchangeRate delete(CurrentUser owner, Currency base, Currency quote, LocalDate day) {
        owner.requireOwner();
        StoredRate stored = store.find(owner.workspaceId(), base, quote, day)
                .orElseThrow(() -> new NotFoundException("exchange rate"));
        store.delete(owner.workspaceId(), base, quote, day);
        return asRate(stored);
    }

    /**
     * Imports a European Central Bank reference-rate file (daily or history CSV, or the zip either comes in), in
     * one transaction. The file replaces the ECB rates of the days from its first to its last; a rate the owner
     * typed for EUR and a currency on a day is kept.
     *
     * @throws InvalidInputException when the file is not such a file, or has a date or rate that cannot be read;
     *     nothing is imported then
     */
    @Transactional
    public EcbImport importEcb(CurrentUser owner, @Nullable String fileName, InputStream in) {
        owner.requireOwner();
        EcbFile.Contents contents = EcbFile.read(in);
        WorkspaceId workspace = owner.workspaceId();
        LocalDate first = contents.first();
        LocalDate last = contents.last();
        Set<String> manual = store.manualAgainstEur(workspace, first, last);
        List<StoredRate> rows = new ArrayList<>(contents.cells().size());
        int kept = 0;
        for (EcbFile.Cell cell : contents.cells()) {
            if (!manual.isEmpty() && manual.contains(cell.quote().getCurrencyCode() + "|" + cell.day())) {
                kept++;
                continue;
            }
            rows.add(new StoredRate(CrossRates.EUR, cell.quote(), cell.rate(), cell.day(), ExchangeRate.ECB));
        }
        store.deleteEcb(workspace, first, last);
        store.insertAll(workspace, rows, clock.instant());
        events.publishEvent(new ExchangeRatesChanged(workspace, first));
        String name = fileName == null || fileName.isBlank() ? "" : fileName.strip();
        return new EcbImport(name, rows.size(), contents.days().size(), first, last, contents.skippedDays(),
                contents.skippedCells(), kept, contents.ignoredColumns());
    }

    /** The newest rate of each stored pair (as stored), dated on or before {@code until}, with its count of days. */
    public List<RatePair> latest(WorkspaceId workspace, LocalDate until) {
        return store.latest(workspace, until).stream()
                .map(row -> new RatePair(asRate(row.newest()), row.days())).toList();
    }

    /**
     * For every currency with a rate, the rate in force on {@code date} from {@code base} into it (by the rule
     * of {@link #rate}), sorted by currency code; currencies with no way to {@code base} are left out.
     */
    public List<ExchangeRate> against(WorkspaceId workspace, Currency base, LocalDate date) {
        Map<String, StoredRate> newest = new HashMap<>();
        Set<String> codes = new TreeSet<>();
        for (ExchangeRateStore.PairRow row : store.latest(workspace, date)) {
            StoredRate r = row.newest();
            newest.put(r.base().getCurrencyCode() + r.quote().getCurrencyCode(), r);
            codes.add(r.base().getCurrencyCode());
            codes.add(r.quote().getCurrencyCode());
        }
        CrossRates.Newest lookup = (a, b) -> {
            StoredRate ab = newest.get(a.getCurrencyCode() + b.getCurrencyCode());
            StoredRate ba = newest.get(b.getCurrencyCode() + a.getCurrencyCode());
            if (ab == null) {
                return Optional.ofNullable(ba);
            }
            return Optional.of(ba != null && ba.isNewerThan(ab) ? ba : ab);
        };
        List<ExchangeRate> rates = new ArrayList<>();
        for (String code : codes) {
            Currency other = Currency.getInstance(code);
            if (!other.equals(base)) {
                CrossRates.resolve(base, other, date, lookup).ifPresent(rates::add);
            }
        }
        return rates;
    }

    /** The rates of a and b (both directions, each as stored), newest first, dated before {@code before} if given. */
    public List<ExchangeRate> history(WorkspaceId workspace, Currency a, Currency b, @Nullable LocalDate before) {
        return store.history(workspace, a, b, before, HISTORY_PAGE).stream().map(ExchangeRates::asRate).toList();
    }

    private static ExchangeRate asRate(StoredRate stored) {
        return new ExchangeRate(stored.base(), stored.quote(), stored.rate(), stored.day(), stored.source());
    }
}
