package app.clientdesk.time.internal;

import org.jspecify.annotations.Nullable;

/**
 * Where a timer action sends the person back to: the page they were on, a path of this site only (never
 * another site, never one of the timer's own actions).
 */
final class TimerBack {

    private TimerBack() {}

    static String to(@Nullable String back) {
        if (back == null || back.isBlank()) {
            return "/";
        }
        String b = back.strip();
        if (!b.startsWith("/") || b.startsWith("//") || b.contains("\\") || b.length() > 500
                || b.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        String path = b.contains("?") ? b.substring(0, b.indexOf('?')) : b;
        if (path.startsWith("/timer/") || path.startsWith("/api/") || path.equals("/logout")) {
            return "/";
        }
        return b;
    }
}
