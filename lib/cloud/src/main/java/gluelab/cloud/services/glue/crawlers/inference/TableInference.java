package gluelab.cloud.services.glue.crawlers.inference;

import java.util.List;
import java.util.function.Consumer;

/**
 * What a crawl of S3 targets finds: it lists each include path, drops excluded keys, reads a sample of
 * each file (the Parquet footer, the head of a CSV or JSON-lines file), infers each file's schema, groups
 * compatible files into tables and folders into partitions.
 */
public final class TableInference {

    private final CrawlObjects objects;

    public TableInference(CrawlObjects objects) {
        this.objects = objects;
    }

    /**
     * The tables found under {@code targets}, in include-path order.
     *
     * @param log where the crawl's log lines go (files skipped as unreadable, tables found), as in the
     *        crawler's CloudWatch log stream
     */
    public List<InferredTable> infer(List<S3Target> targets, GroupingPolicy grouping, Consumer<String> log) {
        throw new UnsupportedOperationException("not built yet");
    }
}
