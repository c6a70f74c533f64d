package app.clientdesk.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** An accepted address cannot hide a character or pass for another address. */
class EmailsTest {

    @Provide
    Arbitrary<String> addresses() {
        Arbitrary<String> part = Arbitraries.strings().withChars("abcxyz.-_+0\u0430\u0435\u043E\u03BF\u00E9\u0065\u0301"
                + "\u200B\u200D\u202E\u2066\u00AD\uFEFF\u0000\u0007\uD800 ").ofMinLength(1).ofMaxLength(12);
        return net.jqwik.api.Combinators.combine(part, part, Arbitraries.of("com", "de", "\u0440\u0444", "c\u043Em"))
                .as((local, domain, tld) -> local + "@" + domain + "." + tld);
    }

    @Property
    void anAcceptedAddressIsNfcLowerCaseVisibleAndOneScriptPerPart(@ForAll("addresses") String typed) {
        Emails.normalise(typed).ifPresent(email -> {
            assertThat(Normalizer.isNormalized(email, Normalizer.Form.NFC)).isTrue();
            email.codePoints().forEach(cp -> assertThat(Character.getType(cp)).as("U+%04X", cp).isNotIn(
                    (int) Character.CONTROL, (int) Character.FORMAT, (int) Character.SURROGATE,
                    (int) Character.SPACE_SEPARATOR));
            int at = email.indexOf('@');
            assertThat(scripts(email.substring(0, at))).isLessThanOrEqualTo(1);
            assertThat(scripts(email.substring(at + 1))).isLessThanOrEqualTo(1);
        });
    }

    @Example
    void lookAlikesAndHiddenCharactersAreRefused() {
        assertThat(Emails.normalise("p\u0430ypal@example.com")).as("Cyrillic a in a Latin local part").isEmpty();
        assertThat(Emails.normalise("billing@\u0430pple.com")).as("Cyrillic a in a Latin domain").isEmpty();
        assertThat(Emails.normalise("ana\u200B@example.com")).as("zero-width space").isEmpty();
        assertThat(Emails.normalise("ana@exa\u202Emple.com")).as("right-to-left override").isEmpty();
        assertThat(Emails.normalise("ana\u0000@example.com")).as("NUL").isEmpty();
        assertThat(Emails.normalise("ana\uD800@example.com")).as("lone surrogate").isEmpty();
    }

    @Example
    void plainAndWhollyInternationalAddressesAreKept() {
        assertThat(Emails.normalise("  Ana.Souza+VA@Example.COM ")).contains("ana.souza+va@example.com");
        assertThat(Emails.normalise("jose\u0301@b\u00FCcher.de")).contains("jos\u00E9@b\u00FCcher.de");
        assertThat(Emails.normalise("\u0438\u0432\u0430\u043D@\u043F\u0440\u0438\u043C\u0435\u0440.\u0440\u0444"))
                .isPresent();
    }

    private static long scripts(String part) {
        return part.codePoints().mapToObj(UnicodeScript::of)
                .filter(s -> s != UnicodeScript.COMMON && s != UnicodeScript.INHERITED).distinct().count();
    }
}
