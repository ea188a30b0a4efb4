package gluelab.glue.source;

/** One input object: its fully qualified path ({@code s3://bucket/key}, {@code file:/…}) and modification time. */
public record SourceFile(String path, long modifiedMillis, long size) {
}
