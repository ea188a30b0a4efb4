package gluelab.cloud.services.glue.crawlers.inference;

import gluelab.cloud.services.glue.crawlers.inference.S3Folder.CrawledFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One S3 include path crawled into a folder tree of classified files: listed once, excluded and
 * bookkeeping keys dropped, each file classified (or, past a target's {@code SampleSize} in its folder,
 * given the folder's sampled schema without being read).
 */
final class S3TargetCrawl {

    private final CrawlObjects objects;
    private final S3FileClassifier classifier;

    S3TargetCrawl(CrawlObjects objects) {
        this.objects = objects;
        this.classifier = new S3FileClassifier(objects);
    }

    S3Folder crawl(S3Target target, Consumer<String> log) {
        S3IncludePath include = S3IncludePath.parse(target.path());
        List<S3ObjectSummary> listed = objects.list(include.bucket(), include.key());
        S3ObjectSummary singleFile = include.key().isEmpty() || include.key().endsWith("/") ? null
                : listed.stream().filter(o -> o.key().equals(include.key())).findFirst().orElse(null);
        if (singleFile != null) {
            // An include path naming one object: a table of that file alone, named after it.
            S3Folder folder = new S3Folder(include.lastSegment(), singleFile.uri(), include.level());
            folder.files.add(new CrawledFile(singleFile, classifier.classify(singleFile, log)));
            return folder;
        }
        S3ObjectFilter filter = new S3ObjectFilter(target.exclusions());
        S3Folder root = new S3Folder(include.lastSegment(), include.folderUri(), include.level());
        Map<S3Folder, FileSchema> sampledSchemaOfFolder = new HashMap<>();
        for (S3ObjectSummary object : listed) {
            if (!object.key().startsWith(include.folderPrefix())) {
                continue; // s3://b/sales lists sales2/ too: only what is inside the folder is crawled
            }
            String relative = object.key().substring(include.folderPrefix().length());
            if (S3SkippedKeys.reasonToSkip(object, relative) != null || filter.excludes(relative)) {
                continue;
            }
            String[] segments = relative.split("/");
            S3Folder folder = root;
            for (int i = 0; i < segments.length - 1; i++) {
                folder = folder.child(segments[i]);
            }
            FileSchema schema;
            if (target.sampleSize() != null && folder.files.size() >= target.sampleSize()
                    && sampledSchemaOfFolder.containsKey(folder)) {
                schema = scaled(sampledSchemaOfFolder.get(folder), folder, object);
            } else {
                schema = classifier.classify(object, log);
                sampledSchemaOfFolder.putIfAbsent(folder, schema);
            }
            folder.files.add(new CrawledFile(object, schema));
        }
        return root;
    }

    /** A file past the sample: the folder's sampled schema, its records scaled by size from the sampled files. */
    private static FileSchema scaled(FileSchema sampled, S3Folder folder, S3ObjectSummary object) {
        long sampledBytes = folder.files.stream().mapToLong(file -> file.object().size()).sum();
        long sampledRecords = folder.files.stream().mapToLong(file -> file.schema().recordCount()).sum();
        long records = sampledBytes == 0 ? 0 : Math.round(sampledRecords * ((double) object.size() / sampledBytes));
        return new FileSchema(sampled.classification(), sampled.columns(), sampled.format(), sampled.formatParameters(),
                records, sampled.compressionType());
    }
}
