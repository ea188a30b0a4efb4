package gluelab.glue.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
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

/** How Glue's CSV format options read quoted fields. */
class CsvFormatTest {

    static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[1]").appName("csv-format-test")
                .config("spark.ui.enabled", "false").getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void aDoubledQuoteInsideAQuotedFieldIsOneQuoteAndABackslashIsJustACharacter(@TempDir Path work) throws Exception {
        Path file = work.resolve("notes.csv");
        Files.writeString(file, "id,note\n1,\"invoice to \"\"Adé & Co\"\", Lyon\"\n2,C:\\temp\n", StandardCharsets.UTF_8);

        List<Row> rows = Formats.read(spark, "csv", JsonOptions.of("withHeader", true), List.of(file.toUri().toString()), null, null)
                .orderBy("id").collectAsList();

        assertEquals("invoice to \"Adé & Co\", Lyon", rows.get(0).getString(1));
        assertEquals("C:\\temp", rows.get(1).getString(1));
    }

    @Test
    void anEscaperGivenInTheFormatOptionsEscapesTheQuote(@TempDir Path work) throws Exception {
        Path file = work.resolve("notes.csv");
        Files.writeString(file, "id,note\n1,\"say \\\"hi\\\"\"\n", StandardCharsets.UTF_8);

        List<Row> rows = Formats.read(spark, "csv", JsonOptions.of("withHeader", true, "escaper", "\\"),
                List.of(file.toUri().toString()), null, null).collectAsList();

        assertEquals("say \"hi\"", rows.get(0).getString(1));
    }
}
