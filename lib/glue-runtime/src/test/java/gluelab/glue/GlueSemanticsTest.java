package gluelab.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gluelab.glue.spi.RunEnvironments;
import gluelab.glue.util.JsonOptions;

/**
 * What the runtime does the way AWS Glue does it, not the way Spark does: values typed record by record with
 * choice types settled by resolveChoice, a sink that only adds files and refuses options Glue does not have,
 * purgeS3Path's retention period, groupFiles, attachFilename.
 */
class GlueSemanticsTest {

    static SparkSession spark;

    @TempDir
    Path work;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("glue-semantics-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "1").getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @AfterEach
    void forgetTheRun() {
        RunEnvironments.unbind();
    }

    private DynamicFrame read(String fileName, String content, String format, JsonOptions formatOptions) throws Exception {
        Path dir = Files.createDirectories(work.resolve("in-" + fileName));
        Files.writeString(dir.resolve(fileName), content);
        return new GlueContext(spark).getSourceWithFormat("s3", JsonOptions.of("paths", List.of(dir.toUri().toString())),
                "source", format, formatOptions).getDynamicFrame();
    }

    private static List<String> values(DynamicFrame frame, String column) {
        return frame.toDF().orderBy("id").select(column).collectAsList().stream().map(row -> String.valueOf(row.get(0))).toList();
    }

    @Test
    void aCsvReadTypesEachValueOnItsOwnLeavesIsoDatesAsTextAndMakesAChoiceOfAMixedColumn() throws Exception {
        DynamicFrame customers = read("customers.csv", "id,signup_date,amount,note\n1,2023-01-14,12.50,a\n2,2023-02-03,7,b\n3,,n/a,\n",
                "csv", JsonOptions.of("withHeader", true));

        assertEquals("""
                root
                |-- id: long
                |-- signup_date: string
                |-- amount: choice
                |    |-- double
                |    |-- long
                |    |-- string
                |-- note: string
                """, customers.schemaString());
        assertEquals(Map.of("amount", List.of("double", "long", "string")), customers.choices());
    }

    @Test
    void resolveChoiceCastsProjectsSplitsOrNestsAChoice() throws Exception {
        DynamicFrame customers = read("customers.csv", "id,amount\n1,12.50\n2,7\n3,n/a\n", "csv", JsonOptions.of("withHeader", true));

        assertEquals(List.of("12.5", "7.0", "null"), values(customers.resolveChoice(new String[][] {{"amount", "cast:double"}}), "amount"));
        assertEquals(List.of("null", "null", "n/a"), values(customers.resolveChoice(new String[][] {{"amount", "project:string"}}), "amount"));
        assertEquals(List.of("id", "amount_double", "amount_long", "amount_string"),
                Arrays.asList(customers.resolveChoice(new String[][] {{"amount", "make_cols"}}).toDF().columns()));
        DynamicFrame nested = customers.resolveChoice(new String[][] {{"amount", "make_struct"}});
        assertEquals(List.of("[12.5,null,null]", "[null,7,null]", "[null,null,n/a]"), values(nested, "amount"));
        assertTrue(nested.choices().isEmpty() && nested.schemaString().contains("amount: struct"), nested::schemaString);
    }

    @Test
    void applyMappingCastsToTheTargetTypesAndRefusesAChoiceThatIsNotSettled() throws Exception {
        DynamicFrame customers = read("customers.csv", "id,amount\n1,12.50\n2,7\n", "csv", JsonOptions.of("withHeader", true));

        IllegalArgumentException unsettled = assertThrows(IllegalArgumentException.class, () -> customers.applyMapping(
                new String[][] {{"amount", "double", "amount", "decimal(10,2)"}}));
        assertTrue(unsettled.getMessage().contains("resolveChoice"), unsettled::getMessage);

        DynamicFrame pinned = customers.resolveChoice(new String[][] {{"amount", "cast:double"}}).applyMapping(new String[][] {
                {"id", "long", "customer_id", "int"}, {"amount", "double", "amount", "decimal(10,2)"}});
        assertEquals("customer_id INT,amount DECIMAL(10,2)", pinned.schema().toDDL());
        assertEquals(List.of("12.50", "7.00"), pinned.toDF().orderBy("customer_id").collectAsList().stream()
                .map(row -> row.getDecimal(1).toPlainString()).toList());
    }

    @Test
    void aJsonFieldThatIsANumberInOneRecordAndAStringInAnotherIsAChoiceAndDatesStayStrings() throws Exception {
        DynamicFrame orders = read("orders.json", """
                {"id": 1, "day": "2024-03-01", "amount": 12.5, "lines": [{"sku": "A"}]}
                {"id": 2, "day": "2024-03-02", "amount": "12,50", "lines": []}
                """, "json", JsonOptions.empty());

        assertEquals("""
                root
                |-- amount: choice
                |    |-- double
                |    |-- string
                |-- day: string
                |-- id: long
                |-- lines: array
                |    |-- element: struct
                |    |    |-- sku: string
                """, orders.schemaString());
        assertEquals(List.of("12.5", "null"), values(orders.resolveChoice(new String[][] {{"amount", "cast:double"}}), "amount"));
    }

    @Test
    void attachFilenameAddsEachRecordsSourceObject() throws Exception {
        DynamicFrame orders = read("day1.csv", "id\n1\n", "csv", JsonOptions.of("withHeader", true, "attachFilename", "source_file"));

        assertTrue(values(orders, "source_file").get(0).endsWith("/in-day1.csv/day1.csv"), () -> values(orders, "source_file").toString());
    }

    @Test
    void optionsGluesReadersDoNotHaveAreRefusedAndSaySo() {
        IllegalArgumentException sparkOption = assertThrows(IllegalArgumentException.class,
                () -> read("a.csv", "id\n1\n", "csv", JsonOptions.of("withHeader", true, "inferSchema", true)));
        assertTrue(sparkOption.getMessage().contains("csv format has no option inferSchema"), sparkOption::getMessage);

        IllegalArgumentException singlePath = assertThrows(IllegalArgumentException.class, () -> new GlueContext(spark)
                .getSourceWithFormat("s3", JsonOptions.of("path", "s3://raw/in/"), "source", "csv").getDynamicFrame());
        assertTrue(singlePath.getMessage().contains("it reads \"paths\""), singlePath::getMessage);
    }

    @Test
    void theSinkHasNoModeAndSaysWhatReplacesItOnAwsGlue() {
        GlueContext glueContext = new GlueContext(spark);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> glueContext.getSinkWithFormat("s3",
                JsonOptions.of("path", work.resolve("out").toString(), "mode", "overwrite"), "sink", "parquet"));

        assertTrue(refused.getMessage().contains("has no option mode"), refused::getMessage);
        assertTrue(refused.getMessage().contains("purgeS3Path"), refused::getMessage);
    }

    @Test
    void theSinkOnlyAddsFilesAndPurgeS3PathWithRetentionZeroEmptiesThePathFirst() throws Exception {
        DynamicFrame v1 = read("v1.csv", "id,name\n1,a\n2,b\n", "csv", JsonOptions.of("withHeader", true));
        DynamicFrame v2 = read("v2.csv", "id,name\n2,B\n3,c\n", "csv", JsonOptions.of("withHeader", true));
        GlueContext glueContext = new GlueContext(spark);
        String out = work.resolve("customers").toUri().toString();
        JsonOptions sink = JsonOptions.of("path", out);

        glueContext.getSinkWithFormat("s3", sink, "sink", "parquet").writeDynamicFrame(v1);
        glueContext.getSinkWithFormat("s3", sink, "sink", "parquet").writeDynamicFrame(v2);
        assertEquals(4, spark.read().parquet(out).count(), "a second write adds to the first");

        glueContext.purgeS3Path(out, JsonOptions.empty(), "purge");
        assertEquals(4, spark.read().parquet(out).count(), "the default retention period (a week) keeps files written just now");

        glueContext.purgeS3Path(out, JsonOptions.of("retentionPeriod", 0), "purge");
        glueContext.getSinkWithFormat("s3", sink, "sink", "parquet").writeDynamicFrame(v2);
        assertEquals(List.of("2", "3"), spark.read().parquet(out).orderBy("id").collectAsList().stream()
                .map(row -> String.valueOf(row.get(0))).toList());
    }

    @Test
    void aFrameWithAnUnresolvedChoiceIsNotWrittenAsParquet() throws Exception {
        DynamicFrame mixed = read("m.csv", "id,amount\n1,12.50\n2,n/a\n", "csv", JsonOptions.of("withHeader", true));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new GlueContext(spark)
                .getSinkWithFormat("s3", JsonOptions.of("path", work.resolve("out").toString()), "sink", "parquet").writeDynamicFrame(mixed));

        assertTrue(refused.getMessage().contains("resolveChoice"), refused::getMessage);
    }

    @Test
    void groupFilesReadsManySmallFilesInGroupsOfAboutGroupSize() throws Exception {
        Path dir = Files.createDirectories(work.resolve("small"));
        for (int i = 0; i < 12; i++) {
            Files.writeString(dir.resolve("f" + i + ".csv"), "id\n" + i + "\n");
        }
        long bytes;
        try (Stream<Path> files = Files.list(dir)) {
            bytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        DynamicFrame grouped = new GlueContext(spark).getSourceWithFormat("s3", JsonOptions.of("paths", List.of(dir.toUri().toString()),
                "groupFiles", "inPartition", "groupSize", String.valueOf(bytes / 3)), "small", "csv", JsonOptions.of("withHeader", true))
                .getDynamicFrame();

        assertEquals(12, grouped.count());
        assertTrue(grouped.toDF().rdd().getNumPartitions() <= 3, () -> grouped.toDF().rdd().getNumPartitions() + " partitions");
    }

    @Test
    void relationalizeFlattensStructsAndPullsEachArrayIntoAFrameKeyedByIdAndIndex() throws Exception {
        DynamicFrame orders = read("nested.json", """
                {"order_id": 1, "customer": {"name": "Ana", "city": "Lisboa"}, "lines": [{"sku": "A", "qty": 2}, {"sku": "B", "qty": 1}], "tags": ["gift"]}
                {"order_id": 2, "customer": {"name": "Bo", "city": "Porto"}, "lines": [{"sku": "C", "qty": 5}], "tags": []}
                """, "json", JsonOptions.empty());

        List<DynamicFrame> frames = orders.relationalize("orders", work.resolve("staging").toUri().toString());

        assertEquals(List.of("orders", "orders_lines", "orders_tags"), frames.stream().map(DynamicFrame::getName).toList());
        DynamicFrame root = frames.get(0);
        assertEquals(List.of("customer.city", "customer.name", "lines", "order_id", "tags"), Arrays.asList(root.toDF().columns()));
        DynamicFrame lines = frames.get(1);
        assertEquals(List.of("id", "index", "lines.val.qty", "lines.val.sku"), Arrays.asList(lines.toDF().columns()));
        List<String> joined = root.toDF().join(lines.toDF(), root.toDF().col("lines").equalTo(lines.toDF().col("id")))
                .orderBy("order_id", "index").select("order_id", "`lines.val.sku`", "index").collectAsList().stream()
                .map(row -> row.get(0) + ":" + row.get(1) + ":" + row.get(2)).toList();
        assertEquals(List.of("1:A:0", "1:B:1", "2:C:0"), joined);
        assertEquals(List.of("id", "index", "tags.val"), Arrays.asList(frames.get(2).toDF().columns()));
        assertEquals(1, frames.get(2).count(), "an empty array has no element rows");
    }

    @Test
    void printSchemaPrintsGluesSchemaOnStdout() throws Exception {
        DynamicFrame frame = read("p.csv", "id\n1\n", "csv", JsonOptions.of("withHeader", true));
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            frame.printSchema();
        } finally {
            System.setOut(out);
        }
        assertEquals("root\n|-- id: long\n", captured.toString(StandardCharsets.UTF_8));
    }
}
