package app.clientdesk.work.internal;

import org.jspecify.annotations.Nullable;

/** Where a form sends the person back to: one of the views' own pages, never another site. */
final class Back {

    private Back() {}

    static String to(@Nullable String back, String fallback) {
        if (back == null || !back.matches("/(board|matrix|my-work|batches|calendar)(\\?[\\w=&%.:-]*)?")) {
            return fallback;
        }
        return back;
    }
}
