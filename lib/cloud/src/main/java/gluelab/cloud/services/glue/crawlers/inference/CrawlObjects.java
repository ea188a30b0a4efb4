package gluelab.cloud.services.glue.crawlers.inference;

import java.util.List;

/**
 * The S3 a crawl sees: the crawler's own view of the objects, as its role in its account. Inference only
 * reads through this, so it is tested on fixture folders and runs in Lab Cloud over its S3 unchanged.
 */
public interface CrawlObjects {

    /** Every object under {@code prefix} in {@code bucket}, in key order. */
    List<S3ObjectSummary> list(String bucket, String prefix);

    /**
     * Up to {@code length} bytes of an object from {@code offset}; fewer at its end. Parquet footers are
     * read from the end, CSV and JSON samples from the start, so no object is read whole.
     */
    byte[] read(S3ObjectSummary object, long offset, int length);
}
