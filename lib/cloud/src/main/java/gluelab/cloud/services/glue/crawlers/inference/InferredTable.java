package gluelab.cloud.services.glue.crawlers.inference;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;

/**
 * One table a crawl inferred, before any table prefix or schema-change policy is applied: what the
 * crawler would write to the catalog for it.
 *
 * @param name the table name Glue derives from the folder (lower case, {@code [a-z0-9_]})
 * @param location the table's folder, {@code s3://bucket/prefix/}
 * @param classification {@code parquet}, {@code csv}, {@code json}, … also in {@code parameters}
 * @param storageDescriptor columns, location, input/output formats and SerDe, as Glue writes them
 * @param partitionKeys from {@code key=value} folders, or {@code partition_0…} for unnamed ones
 * @param partitions every partition found, with its values
 * @param parameters the table properties: {@code classification}, {@code recordCount},
 *        {@code averageRecordSize}, {@code compressionType}, {@code objectCount}, {@code sizeKey}, …
 */
public record InferredTable(
        String name,
        String location,
        String classification,
        StorageDescriptor storageDescriptor,
        List<Column> partitionKeys,
        List<InferredPartition> partitions,
        Map<String, String> parameters) {
}
