package app.clientdesk.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after too many failed sign-ins for one account, or from one address,
 * further attempts are refused for a while, even with the right password. Counts are kept per node
 * in memory; with several nodes an attacker gets at most that many more tries.
 */
@Component
class LoginThrottle {

    private final int maxPerAccount;
    private final int maxPerAddress;
    private final Cache<String, AtomicInteger> failures;

    LoginThrottle(@Value("${clientdesk.sign-in.max-failures-per-account:5}") int maxPerAccount,
            @Value("${clientdesk.sign-in.max-failures-per-address:20}") int maxPerAddress,
            @Value("${clientdesk.sign-in.lockout:15m}") Duration lockout) {
        this.maxPerAccount = maxPerAccount;
        this.maxPerAddress = maxPerAddress;
        this.failures = Caffeine.newBuilder().expireAfterWrite(lockout).maximumSize(100_000).build();
    }

    boolean isBlocked(String email, String address) {
        return count(accountKey(email)) >= maxPerAccount || count(addressKey(address)) >= maxPerAddress;
    }

    void failed(String email, String address) {
        failures.get(accountKey(email), k -> new AtomicInteger()).incrementAndGet();
        failures.get(addressKey(address), k -> new AtomicInteger()).incrementAndGet();
    }

    void succeeded(String email) {
        failures.invalidate(accountKey(email));
    }

    private int count(String key) {
        AtomicInteger n = failures.getIfPresent(key);
        return n == null ? 0 : n.get();
    }

    private static String accountKey(String email) {
        return "account:" + email.trim().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
