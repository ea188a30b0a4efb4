package gluelab.cloud.services.glue.crawlers.inference;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * One S3 object through the built-in classifiers in Glue's order: Parquet (its footer), then JSON, then
 * CSV (over the head of the file, gunzipped if need be); what none recognises is {@code UNKNOWN}.
 */
final class S3FileClassifier {

    private final CrawlObjects objects;

    S3FileClassifier(CrawlObjects objects) {
        this.objects = objects;
    }

    FileSchema classify(S3ObjectSummary object, Consumer<String> log) {
        try {
            FileSchema parquet = ParquetFooterClassifier.classify(objects, object);
            if (parquet != null) {
                return parquet;
            }
            TextSample sample = TextSample.read(objects, object);
            FileSchema json = JsonClassifier.classify(sample, object.size());
            if (json != null) {
                return json;
            }
            FileSchema csv = CsvClassifier.classify(sample, object.size());
            if (csv != null) {
                return csv;
            }
        } catch (IOException | RuntimeException unreadable) {
            log.accept("Could not read " + object.uri() + ": " + unreadable.getMessage() + "; classified as UNKNOWN");
            return FileSchema.unknown();
        }
        log.accept("No classifier recognised " + object.uri() + "; classified as UNKNOWN");
        return FileSchema.unknown();
    }
}
