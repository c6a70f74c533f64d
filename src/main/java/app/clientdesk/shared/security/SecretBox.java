package app.clientdesk.shared.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals short secrets (a mailbox password, an API token of a third party) for keeping in the database, and opens
 * them again: AES-256-GCM with a random 12-byte nonce per value, written as {@code "v1:" + base64(nonce |
 * ciphertext and tag)}. The context (say {@code "intake_mailboxes.password:" + workspace id}) is bound to the value
 * as associated data: a value copied to another row, or altered by one bit, does not open.
 *
 * <p>Does not check the strength of what it seals, and keeps no key history: values sealed with another key stay
 * unreadable ({@link UnreadableSecretException}) until typed again. The key comes from {@link SecretKeys}.
 */
public final class SecretBox {

    /** The prefix of every value this version seals; a value without it was never sealed. */
    public static final String PREFIX = "v1:";

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;

    /** @param key exactly 32 bytes */
    public SecretBox(byte[] key) {
        this(key, new SecureRandom());
    }

    SecretBox(byte[] key, SecureRandom random) {
        if (key.length != 32) {
            throw new IllegalArgumentException("A secret key has 32 bytes (AES-256), not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.random = random;
    }

    /** Whether the value carries this version's prefix (it may still fail to open). */
    public static boolean isSealed(String value) {
        return value.startsWith(PREFIX);
    }

    /** The value sealed for keeping, bound to its context. */
    public String seal(String plain, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /**
     * The plain value of what {@link #seal} made with the same key and context.
     *
     * @throws UnreadableSecretException when the value is not sealed, malformed, altered, of another context, or
     *     sealed with another key; the message never contains the value
     */
    public String open(String sealed, String context) {
        if (!isSealed(sealed)) {
            throw new UnreadableSecretException("The value is not sealed (no " + PREFIX + " prefix)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new UnreadableSecretException("The sealed value is not base64");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableSecretException("The sealed value is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            try {
                return new String(plain, StandardCharsets.UTF_8);
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            throw new UnreadableSecretException("The sealed value does not open with this key: the key "
                    + "(clientdesk.secrets.key or the key file) changed, or the value was altered or moved");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }
}
