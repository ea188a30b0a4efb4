package gluelab.labs.lab30;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The marker a stage writes after its data: {@code <output>/_manifest.json}, saying which run wrote how many rows from
 * where. Spark writes a stage's data as several objects (temporary files, then the part files), each an S3 "Object
 * Created" event; the manifest is written once, last, so the next stage's rule fires on it alone, and only when the
 * data is complete. Its name starts with {@code _}, so readers of the folder skip it, as they skip {@code _SUCCESS}.
 */
final class StageManifest {

    static final String NAME = "_manifest.json";

    private StageManifest() {
    }

    static void write(SparkSession spark, String outputPath, String job, String runId, String inputPath, long rows) {
        String folder = outputPath.endsWith("/") ? outputPath : outputPath + "/";
        String json = "{\"job\": \"" + job + "\", \"run\": \"" + runId + "\", \"input\": \"" + inputPath
                + "\", \"rows\": " + rows + "}\n";
        try {
            FileSystem fs = FileSystem.get(URI.create(folder), spark.sparkContext().hadoopConfiguration());
            try (OutputStream out = fs.create(new Path(folder + NAME), true)) {
                out.write(json.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the manifest of " + folder + ": " + e.getMessage(), e);
        }
        System.out.println("wrote " + folder + NAME + ": " + json.strip());
    }
}
