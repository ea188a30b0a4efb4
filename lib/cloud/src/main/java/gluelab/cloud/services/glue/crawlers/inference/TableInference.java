package gluelab.cloud.services.glue.crawlers.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a crawl of S3 targets finds: it lists each include path, drops excluded keys, reads a sample of
 * each file (the Parquet footer, the head of a CSV or JSON-lines file), infers each file's schema, groups
 * compatible files into tables and folders into partitions. S3 specifics live in the {@code S3…} classes;
 * JDBC targets have their own path beside them, {@link JdbcTableInference}, which gives the same
 * {@link InferredTable}s.
 */
public final class TableInference {

    private final CrawlObjects objects;

    public TableInference(CrawlObjects objects) {
        this.objects = objects;
    }

    /**
     * The tables found under {@code targets}, in include-path order; table names are unique across them.
     *
     * @param grouping the crawler's {@code Grouping} configuration; null is {@link GroupingPolicy#DEFAULT}
     * @param log where the crawl's log lines go (files skipped as unreadable, tables found), as in the
     *        crawler's CloudWatch log stream
     * @throws IllegalArgumentException when an exclusion is not a valid glob (see {@link S3Glob#compile})
     */
    public List<InferredTable> infer(List<S3Target> targets, GroupingPolicy grouping, Consumer<String> log) {
        S3TableGrouping tableGrouping = new S3TableGrouping(grouping == null ? GroupingPolicy.DEFAULT : grouping,
                new TableNames(), log);
        S3TargetCrawl crawl = new S3TargetCrawl(objects);
        List<InferredTable> tables = new ArrayList<>();
        for (S3Target target : targets) {
            tables.addAll(tableGrouping.tables(crawl.crawl(target, log)));
        }
        return tables;
    }
}
