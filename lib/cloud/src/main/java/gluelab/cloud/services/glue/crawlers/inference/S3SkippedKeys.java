package gluelab.cloud.services.glue.crawlers.inference;

/**
 * The objects a crawler never reads, whatever the exclusions: folder markers, empty objects, and the
 * Hadoop/Spark bookkeeping files ({@code _SUCCESS}, {@code _temporary/}, {@code .crc} checksums, and any
 * key with a path segment starting with {@code _} or {@code .}, Hadoop's hidden-file rule).
 */
final class S3SkippedKeys {

    private S3SkippedKeys() {
    }

    /** Why {@code object} is skipped, or null when it is crawled. */
    static String reasonToSkip(S3ObjectSummary object, String relativeKey) {
        if (object.key().endsWith("/") || object.key().endsWith("_$folder$")) {
            return "folder marker";
        }
        if (object.size() == 0) {
            return "empty object";
        }
        if (object.key().endsWith(".crc")) {
            return "checksum file";
        }
        for (String segment : relativeKey.split("/")) {
            if (segment.startsWith("_") || segment.startsWith(".")) {
                return "hidden or bookkeeping file";
            }
        }
        return null;
    }
}
