package app.clientdesk.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.EnumSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private static final String CONTEXT = "intake_mailboxes.password:42";

    private final SecretBox box = new SecretBox(key(1));

    @Test
    void aSealedValueOpensToWhatWasSealedAndDoesNotContainIt() {
        String sealed = box.seal("imap-Secret-42", CONTEXT);

        assertThat(sealed).startsWith("v1:").doesNotContain("imap-Secret-42");
        assertThat(SecretBox.isSealed(sealed)).isTrue();
        assertThat(box.open(sealed, CONTEXT)).isEqualTo("imap-Secret-42");
    }

    @Test
    void theSameValueSealedTwiceLooksDifferent() {
        assertThat(box.seal("same", CONTEXT)).isNotEqualTo(box.seal("same", CONTEXT));
    }

    @Test
    void anotherKeyAnotherContextOrAPlainValueDoNotOpenAndTheMessageNeverShowsTheValue() {
        String sealed = box.seal("imap-Secret-42", CONTEXT);

        assertThatThrownBy(() -> new SecretBox(key(2)).open(sealed, CONTEXT))
                .isInstanceOf(UnreadableSecretException.class).hasMessageContaining("key")
                .hasMessageNotContaining("imap-Secret-42");
        assertThatThrownBy(() -> box.open(sealed, "intake_mailboxes.password:43"))
                .isInstanceOf(UnreadableSecretException.class);
        assertThatThrownBy(() -> box.open("imap-Secret-42", CONTEXT)).isInstanceOf(UnreadableSecretException.class)
                .hasMessageNotContaining("imap-Secret-42");
        assertThatThrownBy(() -> box.open("v1:not base64!", CONTEXT)).isInstanceOf(UnreadableSecretException.class);
        assertThatThrownBy(() -> box.open("v1:AAAA", CONTEXT)).isInstanceOf(UnreadableSecretException.class);
    }

    @Property(tries = 200)
    void anyValueOpensToItselfWithItsKeyAndContext(@ForAll @StringLength(max = 1000) String plain,
            @ForAll @StringLength(max = 80) String context) {
        assertThat(box.open(box.seal(plain, context), context)).isEqualTo(plain);
    }

    @Property(tries = 300)
    void anyBitFlippedAnywhereIsCaught(@ForAll("passwords") String plain, @ForAll @IntRange(min = 0, max = 10_000) int at,
            @ForAll @IntRange(min = 0, max = 7) int bit) {
        byte[] bytes = Base64.getDecoder().decode(box.seal(plain, CONTEXT).substring(3));
        bytes[at % bytes.length] ^= (byte) (1 << bit);
        String tampered = "v1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> box.open(tampered, CONTEXT)).isInstanceOf(UnreadableSecretException.class);
    }

    @Provide
    Arbitrary<String> passwords() {
        return Arbitraries.strings().ofMinLength(0).ofMaxLength(64);
    }

    @Test
    void aKeyIsThirtyTwoBytes() {
        assertThatThrownBy(() -> new SecretBox(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretKeys.decode(Base64.getEncoder().encodeToString(new byte[16]),
                "clientdesk.secrets.key")).hasMessageContaining("clientdesk.secrets.key must be 32 bytes");
        assertThatThrownBy(() -> SecretKeys.decode("not a key!", "clientdesk.secrets.key"))
                .hasMessageContaining("not base64");
        assertThat(SecretKeys.decode(Base64.getEncoder().encodeToString(key(3)), "k")).isEqualTo(key(3));
    }

    @Test
    void withoutAConfiguredKeyAKeyFileIsMadeOnceReadableByItsOwnerOnly(@TempDir Path data) throws Exception {
        Path file = data.resolve("nested").resolve("secrets.key");

        byte[] first = SecretKeys.fromFile(file);
        byte[] again = SecretKeys.fromFile(file);

        assertThat(first).hasSize(32).isEqualTo(again);
        assertThat(Files.readString(file, StandardCharsets.US_ASCII).strip()).hasSize(44);
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            assertThat(posix.readAttributes().permissions())
                    .isEqualTo(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file); // no temporary file left behind
        }
        // A value sealed with the file's key opens after a restart that reads the file again.
        String sealed = new SecretBox(first).seal("kept", CONTEXT);
        assertThat(new SecretBox(SecretKeys.fromFile(file)).open(sealed, CONTEXT)).isEqualTo("kept");
    }

    @Test
    void aConfiguredKeyWinsOverTheFile(@TempDir Path data) {
        String configured = Base64.getEncoder().encodeToString(key(7));
        SecretBox fromConfig = new SecretKeys().secretBox(configured, data.resolve("secrets.key"));

        assertThat(new SecretBox(key(7)).open(fromConfig.seal("x", CONTEXT), CONTEXT)).isEqualTo("x");
        assertThat(data.resolve("secrets.key")).doesNotExist();
    }

    private static byte[] key(long seed) {
        byte[] key = new byte[32];
        new java.util.Random(seed).nextBytes(key);
        return key;
    }

}
