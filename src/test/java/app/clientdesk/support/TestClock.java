package app.clientdesk.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in integration tests: the real time, until a test sets it to an instant or moves
 * it on. {@link IntegrationTest} puts it back after each test.
 */
public final class TestClock extends Clock {

    private volatile Instant fixed;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }

    public void set(Instant instant) {
        fixed = instant;
    }

    /** Moves a set clock on (or starts from now and moves on). */
    public void advance(Duration by) {
        fixed = instant().plus(by);
    }

    public void reset() {
        fixed = null;
    }
}
