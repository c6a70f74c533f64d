package app.clientdesk.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) that slow down guessing: wrong passwords per account and per address, wrong
 * current passwords on the password form, and forgot-password requests. A failure takes a token; no token
 * left means "wait". An account's bucket has two limits, so the wait grows: a few failures a quarter of an
 * hour, then a handful more a day. Buckets are kept per node in memory (an attacker gets at most that many
 * more tries per extra node) and read the injected clock, so tests can move time on.
 */
@Component
public class AttemptLimits {

    public enum Kind {
        /** Wrong passwords for one account, from anywhere. */
        SIGN_IN_ACCOUNT,
        /** Wrong passwords from one address, for any account. */
        SIGN_IN_ADDRESS,
        /** Wrong current passwords on /settings/password, per person. */
        PASSWORD_CHANGE,
        /** Forgot-password requests from one address. */
        RESET_ADDRESS,
        /** Forgot-password requests for one email. */
        RESET_EMAIL,
        /** Portal sign-in link requests from one address. */
        PORTAL_LINK_ADDRESS,
        /** Portal sign-in link requests for one email. */
        PORTAL_LINK_EMAIL
    }

    private final Cache<String, Bucket> buckets =
            Caffeine.newBuilder().expireAfterAccess(Duration.ofDays(1)).maximumSize(200_000).build();
    private final TimeMeter time;
    private final int perAccount;
    private final int perAddress;
    private final Duration period;

    AttemptLimits(Clock clock,
            @Value("${clientdesk.sign-in.max-failures-per-account:5}") int perAccount,
            @Value("${clientdesk.sign-in.max-failures-per-address:20}") int perAddress,
            @Value("${clientdesk.sign-in.lockout:15m}") Duration period) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.period = period;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Whether the key has no try left now (nothing is taken). */
    public boolean exhausted(Kind kind, String key) {
        return bucket(kind, key).getAvailableTokens() < 1;
    }

    /** Counts a failure (or, for the forgot-password kinds, a request). */
    public void spend(Kind kind, String key) {
        bucket(kind, key).tryConsume(1);
    }

    /** Takes a try if one is left: false means "refuse this one". */
    public boolean tryTake(Kind kind, String key) {
        return bucket(kind, key).tryConsume(1);
    }

    /** Forgets the key's failures, e.g. after the right password. */
    public void clear(Kind kind, String key) {
        buckets.invalidate(cacheKey(kind, key));
    }

    private Bucket bucket(Kind kind, String key) {
        return buckets.get(cacheKey(kind, key), k -> build(kind));
    }

    private Bucket build(Kind kind) {
        var builder = Bucket.builder().withCustomTimePrecision(time);
        switch (kind) {
            case SIGN_IN_ACCOUNT, PASSWORD_CHANGE -> builder
                    .addLimit(l -> l.capacity(perAccount).refillGreedy(perAccount, period))
                    .addLimit(l -> l.capacity(perAccount * 4L).refillGreedy(perAccount * 4L, Duration.ofDays(1)));
            case SIGN_IN_ADDRESS -> builder.addLimit(l -> l.capacity(perAddress).refillGreedy(perAddress, period));
            case RESET_ADDRESS, PORTAL_LINK_ADDRESS -> builder.addLimit(l -> l.capacity(10).refillGreedy(10, Duration.ofHours(1)));
            case RESET_EMAIL, PORTAL_LINK_EMAIL -> builder.addLimit(l -> l.capacity(3).refillGreedy(3, Duration.ofHours(1)));
        }
        return builder.build();
    }

    private static String cacheKey(Kind kind, String key) {
        return kind + ":" + key.trim().toLowerCase(Locale.ROOT);
    }
}
