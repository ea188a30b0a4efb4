package gluelab.cloud.services.glue.crawlers.inference;

import java.time.Instant;

/** One object a crawl may read: what a ListObjectsV2 entry says about it. */
public record S3ObjectSummary(String bucket, String key, long size, Instant lastModified) {

    public String uri() {
        return "s3://" + bucket + "/" + key;
    }
}
