package gluelab.glue.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gluelab.glue.util.JsonOptions;

/** CSV read with Glue's format options: quoting as RFC 4180 has it unless the job names an escaper. */
class CsvReadingTest {

    static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[1]").appName("csv-reading-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "1").getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private static List<String> names(Path file, JsonOptions formatOptions) {
        return Formats.read(spark, "csv", formatOptions, List.of(file.toUri().toString()), null, null)
                .select("name").collectAsList().stream().map(row -> row.getString(0)).toList();
    }

    @Test
    void aDoubledQuoteInsideAQuotedFieldIsOneQuoteAndABackslashIsPlainText(@TempDir Path work) throws Exception {
        Path file = work.resolve("people.csv");
        Files.writeString(file, "id,name\n1,\"Anne \"\"Annie\"\" Miller\"\n2,\"Smith, Jr.\"\n3,C:\\temp\\\n");

        assertEquals(List.of("Anne \"Annie\" Miller", "Smith, Jr.", "C:\\temp\\"),
                names(file, JsonOptions.of("withHeader", true)));
    }

    @Test
    void anEscaperMakesTheCharacterAfterItLiteral(@TempDir Path work) throws Exception {
        Path file = work.resolve("people.csv");
        Files.writeString(file, "id,name\n1,\"Anne \\\"Annie\\\" Miller\"\n");

        assertEquals(List.of("Anne \"Annie\" Miller"), names(file, JsonOptions.of("withHeader", true, "escaper", "\\")));
    }

    @Test
    void quotingCanBeTurnedOff(@TempDir Path work) throws Exception {
        Path file = work.resolve("people.txt");
        Files.writeString(file, "id|name\n1|\"Annie\" Miller\n");

        List<Row> rows = Formats.read(spark, "csv", JsonOptions.of("withHeader", true, "separator", "|", "quoteChar", "-1"),
                List.of(file.toUri().toString()), null, null).collectAsList();
        assertEquals("\"Annie\" Miller", rows.get(0).getString(1));
    }
}
