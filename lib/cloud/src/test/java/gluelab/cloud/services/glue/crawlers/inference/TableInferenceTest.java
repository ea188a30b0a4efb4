package gluelab.cloud.services.glue.crawlers.inference;

import static gluelab.cloud.services.glue.crawlers.inference.ParquetFooterFixture.parquet;
import static gluelab.cloud.services.glue.crawlers.inference.ParquetFooterFixture.primitive;
import static gluelab.cloud.services.glue.crawlers.inference.ParquetFooterFixture.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.Type;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.Column;

/** What a crawl infers from S3 folders: schemas per format, partitions, grouping into tables, names. */
class TableInferenceTest {

    private final FixtureBucket bucket = new FixtureBucket();
    private final List<String> log = new ArrayList<>();

    private List<InferredTable> crawl(String includePath, String... exclusions) {
        return crawl(GroupingPolicy.DEFAULT, new S3Target(includePath, List.of(exclusions), null));
    }

    private List<InferredTable> crawl(GroupingPolicy grouping, S3Target... targets) {
        return new TableInference(bucket).infer(List.of(targets), grouping, log::add);
    }

    private static Map<String, String> columns(List<Column> columns) {
        Map<String, String> byName = new LinkedHashMap<>();
        columns.forEach(column -> byName.put(column.name(), column.type()));
        return byName;
    }

    private static Map<String, String> columns(InferredTable table) {
        return columns(table.storageDescriptor().columns());
    }

    private static final String ORDERS_CSV = "order_id,customer,amount,paid\n1,alice,10.5,true\n2,bob,7,false\n";

    @Test
    void parquetTypesComeFromTheFooterWithLogicalTypesMappedAsGlueMapsThem() {
        byte[] file = parquet().rows(1234).codec(CompressionCodec.SNAPPY)
                .column("id", Type.INT64).column("qty", Type.INT32).column("price", Type.DOUBLE)
                .column("ratio", Type.FLOAT).column("ok", Type.BOOLEAN).string("name").column("blob", Type.BYTE_ARRAY)
                .decimal("amount", 12, 2).date("day").timestampMicros("at").column("legacy_ts", Type.INT96)
                .struct("address", utf8("city"), primitive("zip", Type.INT32))
                .list("tags", utf8("x"))
                .map("attrs", utf8("k"), primitive("v", Type.INT64))
                .bytes();
        bucket.put("s3://lake/sales/part-0000.snappy.parquet", file);

        InferredTable table = crawl("s3://lake/sales").get(0);

        assertThat(table.name()).isEqualTo("sales");
        assertThat(table.classification()).isEqualTo("parquet");
        assertThat(columns(table)).containsExactly(
                Map.entry("id", "bigint"), Map.entry("qty", "int"), Map.entry("price", "double"),
                Map.entry("ratio", "float"), Map.entry("ok", "boolean"), Map.entry("name", "string"),
                Map.entry("blob", "binary"), Map.entry("amount", "decimal(12,2)"), Map.entry("day", "date"),
                Map.entry("at", "timestamp"), Map.entry("legacy_ts", "timestamp"),
                Map.entry("address", "struct<city:string,zip:int>"), Map.entry("tags", "array<string>"),
                Map.entry("attrs", "map<string,bigint>"));
        assertThat(table.parameters()).containsEntry("recordCount", "1234").containsEntry("compressionType", "snappy")
                .containsEntry("objectCount", "1").containsEntry("sizeKey", String.valueOf(file.length))
                .containsEntry("typeOfData", "file").containsEntry("CrawlerSchemaSerializerVersion", "1.0")
                .containsEntry("CrawlerSchemaDeserializerVersion", "1.0");
        assertThat(table.storageDescriptor().inputFormat()).isEqualTo("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat");
        assertThat(table.storageDescriptor().outputFormat()).isEqualTo("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat");
        assertThat(table.storageDescriptor().serdeInfo().serializationLibrary())
                .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
        assertThat(table.storageDescriptor().location()).isEqualTo("s3://lake/sales/");
    }

    @Test
    void aParquetFileIsNeverReadWholeOnlyItsTailAndFooter() {
        byte[] file = parquet().dataBytes(200_000).column("id", Type.INT64).bytes();
        bucket.put("s3://lake/big/a.parquet", file);

        crawl("s3://lake/big/");

        assertThat(bucket.largestRead.get("big/a.parquet")).isLessThan(1000);
    }

    @Test
    void csvWithAHeaderNamesItsColumnsAndInfersBigintDoubleBoolean() {
        bucket.put("s3://lake/orders/orders.csv", ORDERS_CSV);

        InferredTable table = crawl("s3://lake/orders/").get(0);

        assertThat(table.classification()).isEqualTo("csv");
        assertThat(columns(table)).containsExactly(Map.entry("order_id", "bigint"), Map.entry("customer", "string"),
                Map.entry("amount", "double"), Map.entry("paid", "boolean"));
        assertThat(table.parameters()).containsEntry("delimiter", ",").containsEntry("skip.header.line.count", "1")
                .containsEntry("areColumnsQuoted", "false").containsEntry("columnsOrdered", "true")
                .containsEntry("recordCount", "2").containsEntry("compressionType", "none");
        assertThat(table.storageDescriptor().serdeInfo().serializationLibrary())
                .isEqualTo("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe");
        assertThat(table.storageDescriptor().serdeInfo().parameters()).containsEntry("field.delim", ",");
        assertThat(table.storageDescriptor().inputFormat()).isEqualTo("org.apache.hadoop.mapred.TextInputFormat");
        assertThat(table.storageDescriptor().outputFormat()).isEqualTo("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat");
    }

    @Test
    void csvWhoseFirstRowIsNotDifferentHasNoHeaderAndColumnsCol0Col1() {
        bucket.put("s3://lake/names/n.csv", "alice,paris\nbob,rome\n");
        bucket.put("s3://lake/nums/n.csv", "1,2,3\n4,5,6\n");

        List<InferredTable> tables = crawl("s3://lake/");

        assertThat(tables).extracting(InferredTable::name).containsExactly("names", "nums");
        assertThat(columns(tables.get(0))).containsExactly(Map.entry("col0", "string"), Map.entry("col1", "string"));
        assertThat(columns(tables.get(1))).containsExactly(Map.entry("col0", "bigint"), Map.entry("col1", "bigint"), Map.entry("col2", "bigint"));
        assertThat(tables.get(0).parameters()).doesNotContainKey("skip.header.line.count");
    }

    @Test
    void tabPipeAndSemicolonDelimitersAreDetected() {
        bucket.put("s3://lake/tabs/t.tsv", "id\tname\n1\ta\n2\tb\n");
        bucket.put("s3://lake/pipes/p.txt", "id|name\n1|a\n");
        bucket.put("s3://lake/semis/s.csv", "id;name\n1;a\n");

        List<InferredTable> tables = crawl("s3://lake/");

        assertThat(tables).extracting(t -> t.name() + " " + t.parameters().get("delimiter"))
                .containsExactly("pipes |", "semis ;", "tabs \t");
        assertThat(tables).allSatisfy(t -> assertThat(columns(t)).containsExactly(Map.entry("id", "bigint"), Map.entry("name", "string")));
    }

    @Test
    void quotedCsvFieldsMayHoldDelimitersAndNewlinesAndUseOpenCsvSerde() {
        bucket.put("s3://lake/people/p.csv", "id,address\n1,\"1 Main St, Springfield\"\n2,\"line one\nline two\"\n");

        InferredTable table = crawl("s3://lake/people/").get(0);

        assertThat(columns(table)).containsExactly(Map.entry("id", "bigint"), Map.entry("address", "string"));
        assertThat(table.parameters()).containsEntry("areColumnsQuoted", "true").containsEntry("recordCount", "2");
        assertThat(table.storageDescriptor().serdeInfo().serializationLibrary()).isEqualTo("org.apache.hadoop.hive.serde2.OpenCSVSerde");
        assertThat(table.storageDescriptor().serdeInfo().parameters()).containsEntry("separatorChar", ",").containsEntry("quoteChar", "\"");
    }

    @Test
    void csvDatesAndTimestampsStayStringsAsInGluesCsvClassifier() {
        bucket.put("s3://lake/events/e.csv", "id,day,at\n1,2024-01-02,2024-01-02 10:00:00\n");

        assertThat(columns(crawl("s3://lake/events/").get(0)))
                .containsEntry("day", "string").containsEntry("at", "string");
    }

    @Test
    void jsonLinesNestObjectsAsStructsArraysAsArraysAndWidenAcrossRecords() {
        bucket.put("s3://lake/clicks/c.json", """
                {"id": 1, "user": {"name": "a", "age": 30}, "tags": ["x"], "score": 1, "note": null}
                {"id": 3000000000, "user": {"name": "b", "vip": true}, "tags": [], "score": 2.5, "note": "hi"}
                {"id": 2, "user": null, "score": "n/a"}
                """);

        InferredTable table = crawl("s3://lake/clicks/").get(0);

        assertThat(table.classification()).as(log.toString()).isEqualTo("json");
        assertThat(columns(table)).containsExactly(Map.entry("id", "bigint"),
                Map.entry("user", "struct<name:string,age:int,vip:boolean>"), Map.entry("tags", "array<string>"),
                Map.entry("score", "string"), Map.entry("note", "string"));
        assertThat(table.storageDescriptor().serdeInfo().serializationLibrary()).isEqualTo("org.openx.data.jsonserde.JsonSerDe");
        assertThat(table.storageDescriptor().serdeInfo().parameters()).containsEntry("paths", "id,user,tags,score,note");
        assertThat(table.parameters()).containsEntry("recordCount", "3");
    }

    @Test
    void aJsonFileHoldingOneArrayOfObjectsIsJsonToo() {
        bucket.put("s3://lake/arr/a.json", "[{\"a\": 1}, {\"a\": 2.5, \"b\": \"x\"}]");

        assertThat(columns(crawl("s3://lake/arr/").get(0))).containsExactly(Map.entry("a", "double"), Map.entry("b", "string"));
    }

    @Test
    void gzippedCsvIsReadThroughGzipAndReportedAsGzipCompressed() throws IOException {
        bucket.put("s3://lake/gz/orders.csv.gz", gzip(ORDERS_CSV));

        InferredTable table = crawl("s3://lake/gz/").get(0);

        assertThat(table.classification()).isEqualTo("csv");
        assertThat(table.parameters()).containsEntry("compressionType", "gzip");
        assertThat(table.storageDescriptor().compressed()).isTrue();
        assertThat(columns(table)).containsKey("order_id");
    }

    @Test
    void keyEqualsValueFoldersBecomePartitionColumnsOfOneTableAtTheTableFolder() {
        for (String month : List.of("01", "02")) {
            bucket.put("s3://lake/sales/year=2024/month=" + month + "/part-0.parquet", parquet().rows(10).column("id", Type.INT64).bytes());
        }
        bucket.put("s3://lake/sales/year=2025/month=01/part-0.parquet", parquet().rows(5).column("id", Type.INT64).bytes());

        List<InferredTable> tables = crawl("s3://lake/sales/");

        assertThat(tables).hasSize(1);
        InferredTable table = tables.get(0);
        assertThat(table.location()).isEqualTo("s3://lake/sales/");
        assertThat(columns(table.partitionKeys())).containsExactly(Map.entry("year", "string"), Map.entry("month", "string"));
        assertThat(table.partitions()).extracting(InferredPartition::values)
                .containsExactly(List.of("2024", "01"), List.of("2024", "02"), List.of("2025", "01"));
        assertThat(table.partitions().get(2).storageDescriptor().location()).isEqualTo("s3://lake/sales/year=2025/month=01/");
        assertThat(table.partitions().get(2).storageDescriptor().parameters()).containsEntry("recordCount", "5");
        assertThat(table.parameters()).containsEntry("recordCount", "25").containsEntry("objectCount", "3");
        assertThat(columns(table)).containsOnlyKeys("id");
    }

    @Test
    void unnamedFoldersBecomePartition0AndPartition1() {
        bucket.put("s3://lake/logs/2024/01/a.csv", ORDERS_CSV);
        bucket.put("s3://lake/logs/2024/02/a.csv", ORDERS_CSV);

        InferredTable table = crawl("s3://lake/logs/").get(0);

        assertThat(columns(table.partitionKeys())).containsExactly(Map.entry("partition_0", "string"), Map.entry("partition_1", "string"));
        assertThat(table.partitions()).extracting(InferredPartition::values).containsExactly(List.of("2024", "01"), List.of("2024", "02"));
    }

    @Test
    void foldersWithDissimilarSchemasBecomeSeparateTables() {
        bucket.put("s3://lake/db/orders/o.csv", ORDERS_CSV);
        bucket.put("s3://lake/db/customers/c.csv", "customer_id,email,signup_year\n1,a@x,2020\n");

        List<InferredTable> tables = crawl("s3://lake/db/");

        assertThat(tables).extracting(InferredTable::name).containsExactly("customers", "orders");
        assertThat(tables).allSatisfy(t -> assertThat(t.partitionKeys()).isEmpty());
        assertThat(tables.get(1).location()).isEqualTo("s3://lake/db/orders/");
    }

    @Test
    void foldersWithSimilarSchemasBecomeOnePartitionedTableWithTheUnionOfColumns() {
        // 10 columns shared, one extra in the second folder: 10/11 similar, above Glue's 70 %.
        String header = "c1,c2,c3,c4,c5,c6,c7,c8,c9,c10";
        bucket.put("s3://lake/t/a/x.csv", header + "\n1,2,3,4,5,6,7,8,9,10\n");
        bucket.put("s3://lake/t/b/x.csv", header + ",c11\n1,2,3,4,5,6,7,8,9,10.5,11\n");

        List<InferredTable> tables = crawl("s3://lake/t/");

        assertThat(tables).hasSize(1);
        assertThat(tables.get(0).name()).isEqualTo("t");
        assertThat(columns(tables.get(0))).hasSize(11).containsEntry("c10", "double").containsEntry("c11", "bigint");
        assertThat(columns(tables.get(0).partitionKeys())).containsOnlyKeys("partition_0");
    }

    @Test
    void combineCompatibleSchemasMakesOneTableAtTheIncludePathEvenForDissimilarFolders() {
        bucket.put("s3://lake/db/orders/o.csv", ORDERS_CSV);
        bucket.put("s3://lake/db/customers/c.csv", "customer_id,email,signup_year\n1,a@x,2020\n");

        List<InferredTable> tables = crawl(new GroupingPolicy(true, null), new S3Target("s3://lake/db/", List.of(), null));

        assertThat(tables).hasSize(1);
        assertThat(tables.get(0).name()).isEqualTo("db");
        assertThat(columns(tables.get(0))).containsOnlyKeys("customer_id", "email", "signup_year", "order_id", "customer", "amount", "paid");
        assertThat(tables.get(0).partitions()).extracting(InferredPartition::values).containsExactly(List.of("customers"), List.of("orders"));
    }

    @Test
    void combineCompatibleSchemasStillSeparatesDifferentFormats() {
        bucket.put("s3://lake/db/orders/o.csv", ORDERS_CSV);
        bucket.put("s3://lake/db/clicks/c.json", "{\"a\": 1}\n");

        List<InferredTable> tables = crawl(new GroupingPolicy(true, null), new S3Target("s3://lake/db/", List.of(), null));

        assertThat(tables).extracting(InferredTable::name).containsExactly("clicks", "orders");
    }

    @Test
    void tableLevelConfigurationPutsTablesAtThatFolderDepthWhateverTheSchemas() {
        // Level 1 is the bucket, 2 is lake/, 3 its sub-folders: each level-3 folder is a table.
        bucket.put("s3://b/lake/sales/year=2024/a.csv", ORDERS_CSV);
        bucket.put("s3://b/lake/sales/year=2025/a.csv", "x,y\nfoo,1\n");
        bucket.put("s3://b/lake/sales2/year=2024/a.csv", ORDERS_CSV);

        List<InferredTable> tables = crawl(new GroupingPolicy(false, 3), new S3Target("s3://b/lake/", List.of(), null));

        assertThat(tables).extracting(InferredTable::name).containsExactly("sales", "sales2");
        assertThat(tables.get(0).partitions()).hasSize(2);
    }

    @Test
    void tableLevelAtTheIncludePathMakesOneTableThere() {
        bucket.put("s3://b/lake/x/a.csv", ORDERS_CSV);
        bucket.put("s3://b/lake/y/a.csv", "p,q\nfoo,1\n");

        List<InferredTable> tables = crawl(new GroupingPolicy(false, 2), new S3Target("s3://b/lake/", List.of(), null));

        assertThat(tables).extracting(InferredTable::name).containsExactly("lake");
    }

    @Test
    void exclusionGlobsDropMatchingKeysRelativeToTheIncludePath() {
        bucket.put("s3://lake/d/keep.csv", ORDERS_CSV);
        bucket.put("s3://lake/d/sub/_tmp/x.csv", "junk\n");
        bucket.put("s3://lake/d/raw/x.json", "{\"a\":1}\n");
        bucket.put("s3://lake/d/a/x.txt", "nope");
        bucket.put("s3://lake/d/b/x.txt", "nope");

        InferredTable table = crawl("s3://lake/d/", "**/_tmp/**", "**.json", "{a,b}/**").get(0);

        assertThat(table.parameters()).containsEntry("objectCount", "1");
        assertThat(table.partitionKeys()).isEmpty();
    }

    @Test
    void bookkeepingFilesAreNeverCrawled() {
        bucket.put("s3://lake/out/part-0.csv", ORDERS_CSV);
        bucket.put("s3://lake/out/_SUCCESS", "x");
        bucket.put("s3://lake/out/.part-0.csv.crc", "crc");
        bucket.put("s3://lake/out/part-0.csv.crc", "crc");
        bucket.put("s3://lake/out/_temporary/0/part-1.csv", ORDERS_CSV);
        bucket.put("s3://lake/out/empty.csv", "");
        bucket.put("s3://lake/out/folder/", "");

        List<InferredTable> tables = crawl("s3://lake/out/");

        assertThat(tables).hasSize(1);
        assertThat(tables.get(0).parameters()).containsEntry("objectCount", "1");
        assertThat(tables.get(0).partitionKeys()).isEmpty();
    }

    @Test
    void filesNoClassifierRecognisesAreUnknownAndLogged() {
        bucket.put("s3://lake/blobs/x.bin", new byte[] {0, 1, 2, 3, 4, (byte) 0xff});

        InferredTable table = crawl("s3://lake/blobs/").get(0);

        assertThat(table.classification()).isEqualTo("UNKNOWN");
        assertThat(table.storageDescriptor().columns()).isEmpty();
        assertThat(log).anyMatch(line -> line.contains("s3://lake/blobs/x.bin") && line.contains("UNKNOWN"));
    }

    @Test
    void tableNamesAreLowerCaseWithOtherCharactersReplacedByUnderscore() {
        bucket.put("s3://lake/My-Sales.Data 2024/a.csv", ORDERS_CSV);

        assertThat(crawl("s3://lake/My-Sales.Data 2024/").get(0).name()).isEqualTo("my_sales_data_2024");
    }

    @Test
    void theSameNameUnderTwoIncludePathsGetsAStableHashSuffix() {
        bucket.put("s3://one/sales/a.csv", ORDERS_CSV);
        bucket.put("s3://two/sales/a.csv", ORDERS_CSV);

        List<InferredTable> tables = crawl(GroupingPolicy.DEFAULT,
                new S3Target("s3://one/sales", List.of(), null), new S3Target("s3://two/sales", List.of(), null));

        assertThat(tables.get(0).name()).isEqualTo("sales");
        assertThat(tables.get(1).name()).matches("sales_[0-9a-f]{8}");
        assertThat(crawl(GroupingPolicy.DEFAULT, new S3Target("s3://one/sales", List.of(), null),
                new S3Target("s3://two/sales", List.of(), null)).get(1).name()).isEqualTo(tables.get(1).name());
    }

    @Test
    void anIncludePathNamingOneFileMakesATableOfThatFileNamedAfterIt() {
        bucket.put("s3://lake/drop/orders.csv", ORDERS_CSV);

        InferredTable table = crawl("s3://lake/drop/orders.csv").get(0);

        assertThat(table.name()).isEqualTo("orders_csv");
        assertThat(table.location()).isEqualTo("s3://lake/drop/orders.csv");
    }

    @Test
    void aBucketHoldingOneDatasetFolderIsOneTableNamedAfterTheBucketWithTheFolderAsPartition0() {
        // Glue's well-known surprise: crawl the bucket, get a table named after it, the dataset folder a partition.
        bucket.put("s3://lake/sales/year=2024/a.csv", ORDERS_CSV);
        bucket.put("s3://lake/sales/year=2025/a.csv", ORDERS_CSV);

        InferredTable table = crawl("s3://lake").get(0);

        assertThat(table.name()).isEqualTo("lake");
        assertThat(table.location()).isEqualTo("s3://lake/");
        assertThat(columns(table.partitionKeys())).containsExactly(Map.entry("partition_0", "string"), Map.entry("year", "string"));
    }

    @Test
    void sampleSizeReadsOnlySoManyFilesPerFolderAndCountsTheRest() {
        for (int i = 0; i < 5; i++) {
            bucket.put("s3://lake/s/f" + i + ".csv", ORDERS_CSV);
        }

        InferredTable table = crawl(GroupingPolicy.DEFAULT, new S3Target("s3://lake/s/", List.of(), 2)).get(0);

        assertThat(bucket.largestRead).containsOnlyKeys("s/f0.csv", "s/f1.csv");
        assertThat(table.parameters()).containsEntry("objectCount", "5").containsEntry("recordCount", "10");
    }

    @Test
    void aThousandSmallFilesAreCrawledWellUnderASecond() {
        for (int i = 0; i < 1000; i++) {
            bucket.put("s3://lake/big/dt=" + (i % 50) + "/f" + i + ".csv", ORDERS_CSV);
        }
        crawl("s3://lake/big/"); // warm-up
        long start = System.nanoTime();
        InferredTable table = crawl("s3://lake/big/").get(0);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(table.partitions()).hasSize(50);
        assertThat(millis).isLessThan(1000);
    }

    @Test
    void partitionsWhoseTypesDifferWidenIntToBigintAndKeepTheirOwnColumns() {
        bucket.put("s3://lake/m/dt=1/a.parquet", parquet().codec(CompressionCodec.UNCOMPRESSED)
                .column("id", Type.INT32).string("name").string("a").string("b").bytes());
        bucket.put("s3://lake/m/dt=2/a.parquet", parquet().codec(CompressionCodec.UNCOMPRESSED)
                .column("id", Type.INT64).string("name").string("a").string("b").column("extra", Type.DOUBLE).bytes());

        InferredTable table = crawl("s3://lake/m/").get(0);

        // 4 of 5 columns shared: 80 % similar, so one table (2 of 3 would be two tables).
        assertThat(columns(table)).containsExactly(Map.entry("id", "bigint"), Map.entry("name", "string"),
                Map.entry("a", "string"), Map.entry("b", "string"), Map.entry("extra", "double"));
        assertThat(columns(table.partitions().get(0).storageDescriptor().columns())).containsOnlyKeys("id", "name", "a", "b");
        assertThat(table.parameters()).containsEntry("compressionType", "none");
    }

    @Test
    void aFolderGlobExcludesEverythingBelowIt() {
        bucket.put("s3://lake/e/year=2023/a.csv", ORDERS_CSV);
        bucket.put("s3://lake/e/year=2024/a.csv", ORDERS_CSV);

        InferredTable table = crawl("s3://lake/e/", "year=2023").get(0);

        assertThat(table.partitions()).extracting(InferredPartition::values).containsExactly(List.of("2024"));
    }

    @Test
    void gzippedJsonLinesAreJsonWithGzipCompression() throws IOException {
        bucket.put("s3://lake/j/a.json.gz", gzip("{\"a\": 1}\n{\"a\": 2}\n"));

        InferredTable table = crawl("s3://lake/j/").get(0);

        assertThat(table.classification()).isEqualTo("json");
        assertThat(table.parameters()).containsEntry("compressionType", "gzip").containsEntry("recordCount", "2");
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
