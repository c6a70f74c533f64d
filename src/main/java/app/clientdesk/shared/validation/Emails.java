package app.clientdesk.shared.validation;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Email addresses as people type them: trimmed, normalised to NFC, lower-cased, one @ and a dotted domain.
 * Refused, so that an address cannot look like another one: any control, format (zero-width, bidirectional),
 * private-use, unassigned or lone-surrogate character, and a local part or a domain whose letters mix scripts
 * (a Cyrillic "а" among Latin letters). A domain written wholly in one script, such as {@code bücher.de} or
 * {@code пример.рф}, is accepted: that is an internationalised domain, not a look-alike.
 */
public final class Emails {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s<>()\\[\\],;:\"]+@[^@\\s<>()\\[\\],;:\"]+\\.[^@\\s<>()\\[\\],;:\".]{2,}$");

    private Emails() {}

    public static Optional<String> normalise(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String email = Normalizer.normalize(value.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !SHAPE.matcher(email).matches() || !plainCharacters(email)) {
            return Optional.empty();
        }
        int at = email.indexOf('@');
        if (!oneScript(email.substring(0, at)) || !oneScript(email.substring(at + 1))) {
            return Optional.empty();
        }
        return Optional.of(email);
    }

    private static boolean plainCharacters(String email) {
        for (int i = 0; i < email.length(); ) {
            int cp = email.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || Character.isWhitespace(cp)
                    || Character.isSpaceChar(cp)) {
                return false;
            }
        }
        return true;
    }

    /** The letters of {@code part} all belong to one script; digits and punctuation belong to every script. */
    private static boolean oneScript(String part) {
        UnicodeScript seen = null;
        for (int i = 0; i < part.length(); ) {
            int cp = part.codePointAt(i);
            i += Character.charCount(cp);
            UnicodeScript script = UnicodeScript.of(cp);
            if (script == UnicodeScript.COMMON || script == UnicodeScript.INHERITED) {
                continue;
            }
            if (seen == null) {
                seen = script;
            } else if (seen != script) {
                return false;
            }
        }
        return true;
    }
}
