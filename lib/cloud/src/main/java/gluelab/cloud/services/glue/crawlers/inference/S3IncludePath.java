package gluelab.cloud.services.glue.crawlers.inference;

/**
 * An S3 include path taken apart: {@code s3://bucket/a/b} is bucket {@code bucket}, key {@code a/b}, the
 * folder {@code a/b/} and level 3 (the bucket is level 1, as in TableLevelConfiguration).
 */
record S3IncludePath(String bucket, String key) {

    static S3IncludePath parse(String path) {
        String rest = path.startsWith("s3://") ? path.substring(5) : path.startsWith("s3a://") ? path.substring(6) : path;
        int slash = rest.indexOf('/');
        return slash < 0 ? new S3IncludePath(rest, "") : new S3IncludePath(rest.substring(0, slash), rest.substring(slash + 1));
    }

    String folderPrefix() {
        return key.isEmpty() || key.endsWith("/") ? key : key + "/";
    }

    String folderUri() {
        return "s3://" + bucket + "/" + folderPrefix();
    }

    /** The name a table at the include path gets: its last folder, or the bucket's name. */
    String lastSegment() {
        String trimmed = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
        return trimmed.isEmpty() ? bucket : trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    int level() {
        String folder = folderPrefix();
        return 1 + (int) folder.chars().filter(c -> c == '/').count();
    }
}
