package gluelab.cloud.services.glue.crawlers.inference;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Table names as Glue's crawler makes them: the folder's (or file's) name in lower case with every
 * character outside {@code [a-z0-9_]} replaced by {@code _}; a name already taken in this crawl gets a
 * hash of the table's location appended ({@code _} + 8 hex digits).
 */
final class TableNames {

    private final Set<String> taken = new HashSet<>();

    static String sanitise(String folderOrFile) {
        return folderOrFile.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    /** A unique name for the table at {@code location}. */
    // Lab Cloud differs: Glue's suffix is its own (undocumented) hash; this is a stable SHA-1 prefix.
    String claim(String folderOrFile, String location) {
        String name = sanitise(folderOrFile);
        if (!taken.add(name)) {
            name = name + "_" + shortHash(location);
            taken.add(name);
        }
        return name;
    }

    private static String shortHash(String location) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(location.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
