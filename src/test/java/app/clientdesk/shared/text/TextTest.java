package app.clientdesk.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Names and file names keep what people mean and lose what only tricks a reader or breaks a database. */
class TextTest {

    /** Any text, weighted towards the characters that cause trouble. */
    @Provide
    Arbitrary<String> hostile() {
        String tricky = "\0\u202E\u202D\u2066\u2069\u200E\u200B\uFEFF\u2060\u00AD\uD800\uDC00\n\r\t\u0007\u007F"
                + "\u0085e\u0301a\u0430 /\\\".\uD83D\uDE00\u200D";
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().withChars(tricky).ofMaxLength(60),
                Arbitraries.strings().all().withChars(tricky).ofMaxLength(60));
    }

    @Property
    void aNameHoldsNoControlBidiInvisibleOrLoneSurrogateCharacterAndIsNfc(@ForAll("hostile") String typed) {
        String name = Text.name(typed);

        assertThat(Text.hasNul(name)).isFalse();
        assertThat(name).isEqualTo(name.strip()).doesNotContain("  ");
        assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).isTrue();
        name.codePoints().forEach(cp -> {
            assertThat(Character.getType(cp)).as("U+%04X", cp).isNotIn((int) Character.CONTROL,
                    (int) Character.SURROGATE, (int) Character.PRIVATE_USE, (int) Character.UNASSIGNED);
            assertThat(Text.isBidiControl(cp)).as("U+%04X", cp).isFalse();
            assertThat(Text.isInvisible(cp)).as("U+%04X", cp).isFalse();
        });
    }

    @Property
    void cleaningANameTwiceChangesNothing(@ForAll("hostile") String typed) {
        String once = Text.name(typed);
        assertThat(Text.name(once)).isEqualTo(once);
    }

    @Property
    void aFileNameIsOnePlainNameWithinItsLength(@ForAll("hostile") String typed) {
        String name = Text.fileName(typed, 20);
        if (name == null) {
            return;
        }
        assertThat(name).doesNotContain("/", "\\", "\"").isNotIn(".", "..").isNotBlank();
        assertThat(name.length()).isLessThanOrEqualTo(20);
        assertThat(Text.name(name)).isEqualTo(name);
    }

    @Example
    void aRightToLeftOverrideCannotDisguiseAnExtension() {
        assertThat(Text.fileName("C:\\Users\\ana\\invoice\u202Efdp.exe", 200)).isEqualTo("invoicefdp.exe");
        assertThat(Text.name("Ana\u202E Souza\u0000\n VA")).isEqualTo("Ana Souza VA");
    }

    @Example
    void decomposedAccentsBecomeOneCharacterAndEmojiJoinersStay() {
        assertThat(Text.name("Jose\u0301")).isEqualTo("José").hasSize(4);
        String family = "\uD83D\uDC69\u200D\uD83D\uDC67";
        assertThat(Text.name(family)).isEqualTo(family);
    }

    @Example
    void aLongFileNameKeepsItsExtensionAndNeverHalfACharacter() {
        String name = Text.fileName("\uD83D\uDE00".repeat(10) + ".pdf", 9);
        assertThat(name).endsWith(".pdf").hasSizeLessThanOrEqualTo(9);
        assertThat(name.codePoints().noneMatch(cp -> Character.getType(cp) == Character.SURROGATE)).isTrue();
    }
}
