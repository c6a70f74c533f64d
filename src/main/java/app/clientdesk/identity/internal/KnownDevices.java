package app.clientdesk.identity.internal;

import app.clientdesk.identity.UserId;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Browsers that once signed in to an account with its password. The browser keeps a random token in a
 * cookie; the database keeps only its hash. A known browser passes the account's guessing lock (never the
 * per-address one), so strangers guessing a password cannot lock the real person out.
 */
@Component
class KnownDevices {

    static final String COOKIE = "CLIENTDESK_DEVICE";
    private static final Duration KEPT = Duration.ofDays(365);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    KnownDevices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The device token a request carries, if any. */
    static @Nullable String token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue)
                .filter(v -> v != null && !v.isEmpty() && v.length() <= 100).findFirst().orElse(null);
    }

    /** Whether this token belongs to a browser that signed in to the account with this email. */
    boolean known(String email, @Nullable String token) {
        if (token == null) {
            return false;
        }
        return jdbc.sql("""
                select count(*) from known_devices d join users u on u.id = d.user_id
                where d.token_hash = :hash and u.email = :email
                """).param("hash", hash(token)).param("email", email.trim().toLowerCase(Locale.ROOT))
                .query(Long.class).single() > 0;
    }

    /** After a password sign-in: remembers this browser for the person, unless it already is. */
    void remember(UserId user, HttpServletRequest request, HttpServletResponse response) {
        String existing = token(request);
        if (existing != null && jdbc.sql("select count(*) from known_devices where token_hash = :hash and user_id = :user")
                .param("hash", hash(existing)).param("user", user.value()).query(Long.class).single() > 0) {
            return;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into known_devices (token_hash, user_id, created_at) values (:hash, :user, :now)")
                .param("hash", hash(token)).param("user", user.value())
                .param("now", IdentityStore.utc(clock.instant())).update();
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, token).path("/").httpOnly(true)
                .secure(request.isSecure()).sameSite("Lax").maxAge(KEPT).build().toString());
    }

    /** Forgets every browser of a person, e.g. when the password was reset because it leaked. */
    void forget(UserId user) {
        jdbc.sql("delete from known_devices where user_id = :user").param("user", user.value()).update();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
