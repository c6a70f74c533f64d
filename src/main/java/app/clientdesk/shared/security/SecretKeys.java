package app.clientdesk.shared.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the {@link SecretBox} key comes from: {@code clientdesk.secrets.key} (base64 of 32 bytes) when set;
 * otherwise a key file in the data folder ({@code clientdesk.secrets.key-file}, by default
 * {@code <clientdesk.data-dir>/secrets.key}), made once with 32 random bytes and readable by its owner only where
 * the file system has POSIX permissions. Several nodes share one key: set {@code clientdesk.secrets.key} on each.
 */
@Configuration(proxyBeanMethods = false)
class SecretKeys {

    static final String FILE_NAME = "secrets.key";
    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    @Bean
    SecretBox secretBox(@Value("${clientdesk.secrets.key:}") String configured,
            @Value("${clientdesk.secrets.key-file:${clientdesk.data-dir:./data}/" + FILE_NAME + "}") Path file) {
        return new SecretBox(configured.isBlank() ? fromFile(file) : decode(configured, "clientdesk.secrets.key"));
    }

    /** The 32 bytes of a base64 key; a clear message (never the key) when it is not one. */
    static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64; make one with: openssl rand -base64 32");
        }
        if (key.length != 32) {
            throw new IllegalStateException(source + " must be 32 bytes (base64 of 44 characters), not " + key.length
                    + " bytes; make one with: openssl rand -base64 32");
        }
        return key;
    }

    /** The key in the file, made first when there is none. */
    static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            warnIfOthersMayRead(file);
            return decode(Files.readString(file, StandardCharsets.US_ASCII), "The key file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or make the key file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        boolean posix = Files.getFileAttributeView(folder, PosixFileAttributeView.class) != null;
        Path temp = posix
                ? Files.createTempFile(folder, FILE_NAME, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(folder, FILE_NAME, ".tmp");
        try {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            // A hard link never replaces a file: two processes starting at once both end up with the first key.
            try {
                Files.createLink(file, temp);
            } catch (UnsupportedOperationException e) {
                Files.move(temp, file);
            }
            log.warn("Made a new secret key in {}. Back it up with the database: without it, saved secrets (such as "
                    + "mailbox passwords) cannot be read.", file.toAbsolutePath());
        } catch (FileAlreadyExistsException e) {
            log.debug("Another process made the key file {} first", file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void warnIfOthersMayRead(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null && !OWNER_ONLY.containsAll(view.readAttributes().permissions())) {
            log.warn("The key file {} can be read by others than its owner; chmod 600 it", file.toAbsolutePath());
        }
    }
}
