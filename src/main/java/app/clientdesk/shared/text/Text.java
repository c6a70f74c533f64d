package app.clientdesk.shared.text;

import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/**
 * The one place that decides which characters of a one-line text people type are kept: names (of people,
 * businesses, clients, tokens) and file names. Text is normalised to NFC, so "é" typed as one character or as
 * "e" plus an accent is the same name; control characters (NUL included), bidirectional overrides and isolates
 * (which can make "invoice‮fdp.exe" read as "invoiceexe.pdf"), invisible characters (zero-width space, word
 * joiner, byte-order mark) and lone surrogate halves are dropped; line breaks and tabs become spaces; runs of
 * spaces become one. The zero-width joiner and non-joiner stay: emoji sequences and some scripts need them.
 * Emails are stricter: {@link app.clientdesk.shared.validation.Emails} refuses what this class drops.
 */
public final class Text {

    private Text() {}

    /** Whether {@code value} holds U+0000, which PostgreSQL cannot store in a text column. */
    public static boolean hasNul(@Nullable CharSequence value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '\0') {
                return true;
            }
        }
        return false;
    }

    /** A bidirectional embedding, override, isolate or mark. */
    public static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** A character that takes no room and shows nothing: zero-width space, word joiner, BOM, soft hyphen. */
    public static boolean isInvisible(int cp) {
        return cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD || cp == 0x180E
                || (cp >= 0x2061 && cp <= 0x2064);
    }

    /** Whether a name keeps this code point (the joiners ZWJ and ZWNJ stay; everything dropped above does not). */
    private static boolean dropped(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.SURROGATE || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || isBidiControl(cp) || isInvisible(cp)
                || (type == Character.FORMAT && cp != 0x200C && cp != 0x200D);
    }

    /**
     * A one-line name as it should be stored: NFC, trimmed, without the characters this class drops; never null
     * (null becomes ""). Length is the caller's rule, checked on the result.
     */
    public static String name(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        // Normalised last: dropping a character can bring a letter and an accent together.
        String text = dropLoneSurrogates(value);
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 || Character.isWhitespace(cp)
                    || Character.isSpaceChar(cp)) {
                space = out.length() > 0;
                continue;
            }
            if (dropped(cp)) {
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(cp);
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /**
     * A file name as sent by a browser, made safe to store and to offer for download: the part after the last
     * slash or backslash, cleaned as {@link #name} is and without double quotes; at most {@code max} characters,
     * keeping the end (where the extension is) and never splitting a character. Null when nothing usable is left
     * (blank, "." or "..").
     */
    public static @Nullable String fileName(@Nullable String value, int max) {
        if (value == null) {
            return null;
        }
        String name = value.replace('\\', '/');
        name = name(name.substring(name.lastIndexOf('/') + 1).replace("\"", ""));
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return null;
        }
        if (name.length() > max) {
            int from = name.length() - max;
            if (Character.isLowSurrogate(name.charAt(from))) {
                from++;
            }
            name = name.substring(from).strip();
        }
        return name.isEmpty() ? null : name;
    }

    private static String dropLoneSurrogates(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(value.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(value.length()).append(value, 0, i);
                }
                continue;
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }
}
