package gluelab.cloud.services.glue.crawlers.inference;

import gluelab.cloud.services.glue.crawlers.inference.S3Folder.CrawledFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        TableNames names = new TableNames();
        S3TableGrouping tableGrouping = new S3TableGrouping(grouping == null ? GroupingPolicy.DEFAULT : grouping, names, log);
        S3FileClassifier classifier = new S3FileClassifier(objects);
        List<InferredTable> tables = new ArrayList<>();
        for (S3Target target : targets) {
            S3IncludePath include = S3IncludePath.parse(target.path());
            List<S3ObjectSummary> listed = objects.list(include.bucket(), include.key());
            S3ObjectSummary singleFile = listed.stream().filter(o -> o.key().equals(include.key()) && !include.key().isEmpty()
                    && !include.key().endsWith("/")).findFirst().orElse(null);
            if (singleFile != null) {
                // An include path naming one object: a table of that file alone, named after it.
                S3Folder folder = new S3Folder(include.lastSegment(), singleFile.uri(), include.level());
                folder.files.add(new CrawledFile(singleFile, classifier.classify(singleFile, log)));
                tables.addAll(tableGrouping.tables(folder));
                continue;
            }
            S3Folder root = crawlFolder(include, target, listed, classifier, log);
            tables.addAll(tableGrouping.tables(root));
        }
        return tables;
    }

    private S3Folder crawlFolder(S3IncludePath include, S3Target target, List<S3ObjectSummary> listed,
            S3FileClassifier classifier, Consumer<String> log) {
        S3ObjectFilter filter = new S3ObjectFilter(target.exclusions());
        S3Folder root = new S3Folder(include.lastSegment(), include.folderUri(), include.level());
        Map<S3Folder, FileSchema> sampledSchemaOfFolder = new LinkedHashMap<>();
        for (S3ObjectSummary object : listed) {
            if (!object.key().startsWith(include.folderPrefix())) {
                continue; // s3://b/sales lists sales2/ too: only what is inside the folder is crawled
            }
            String relative = object.key().substring(include.folderPrefix().length());
            String skipped = S3SkippedKeys.reasonToSkip(object, relative);
            if (skipped != null || filter.excludes(relative)) {
                continue;
            }
            String[] segments = relative.split("/");
            S3Folder folder = root;
            for (int i = 0; i < segments.length - 1; i++) {
                folder = folder.child(segments[i]);
            }
            int sampled = folder.files.size();
            FileSchema schema;
            if (target.sampleSize() != null && sampled >= target.sampleSize() && sampledSchemaOfFolder.containsKey(folder)) {
                // SampleSize: files past the sample take the folder's sampled schema; records scale by size.
                schema = scaled(sampledSchemaOfFolder.get(folder), folder, object);
            } else {
                schema = classifier.classify(object, log);
                sampledSchemaOfFolder.merge(folder, schema, (a, b) -> a);
            }
            folder.files.add(new CrawledFile(object, schema));
        }
        return root;
    }

    private static FileSchema scaled(FileSchema sampled, S3Folder folder, S3ObjectSummary object) {
        long sampledBytes = folder.files.stream().mapToLong(file -> file.object().size()).sum();
        long sampledRecords = folder.files.stream().mapToLong(file -> file.schema().recordCount()).sum();
        long records = sampledBytes == 0 ? 0 : Math.round(sampledRecords * ((double) object.size() / sampledBytes));
        return new FileSchema(sampled.classification(), sampled.columns(), sampled.format(), sampled.formatParameters(),
                records, sampled.compressionType());
    }
}
