package gluelab.cloud.services.glue.crawlers.inference;

import java.util.Map;

/**
 * What a classifier found in one file (or what the merged files of a folder share).
 *
 * @param classification {@code parquet}, {@code csv}, {@code json} or {@code UNKNOWN}
 * @param columns column name to type, in file order
 * @param format the StorageDescriptor formats and SerDe
 * @param formatParameters table properties that describe the format ({@code delimiter}, {@code skip.header.line.count}, …)
 * @param recordCount exact for Parquet (footer), estimated from the sample for text files
 * @param compressionType {@code snappy}, {@code gzip}, {@code none}, …
 */
record FileSchema(
        String classification,
        Map<String, HiveType> columns,
        StorageFormat format,
        Map<String, String> formatParameters,
        long recordCount,
        String compressionType) {

    static final String UNKNOWN = "UNKNOWN";

    static FileSchema unknown() {
        return new FileSchema(UNKNOWN, Map.of(), StorageFormat.unknown(), Map.of(), 0, "none");
    }

    /** Whether files of both schemas can be read by one table definition (same format and SerDe). */
    boolean sameFormatAs(FileSchema other) {
        return classification.equals(other.classification) && format.equals(other.format)
                && formatParameters.equals(other.formatParameters);
    }

    FileSchema mergedWith(FileSchema other) {
        return new FileSchema(classification, HiveType.mergeFields(columns, other.columns), format,
                formatParameters, recordCount + other.recordCount,
                compressionType);
    }
}
