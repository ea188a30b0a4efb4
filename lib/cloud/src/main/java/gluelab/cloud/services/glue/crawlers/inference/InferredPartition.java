package gluelab.cloud.services.glue.crawlers.inference;

import java.util.List;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;

/**
 * One partition a crawl found: its values in partition-key order, and its own storage descriptor (the
 * partition's folder as location, its own columns).
 */
public record InferredPartition(List<String> values, StorageDescriptor storageDescriptor) {
}
