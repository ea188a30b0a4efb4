package gluelab.lab.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over everything a package is built from (names, file contents, class path), so a package built from
 * the same inputs is found again instead of being compiled again. Each piece is framed, so moving bytes from one
 * piece to the next changes the hash.
 */
final class ContentHash {

    private final MessageDigest digest;

    ContentHash(String formatVersion) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        text(formatVersion);
    }

    ContentHash text(String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        return this;
    }

    ContentHash file(String name, Path file) {
        text(name);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text("\u0000end");
    }

    /** The first 12 hex digits: enough to tell a lab's packages apart, short enough for a file name. */
    String hex() {
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }
}
