package gluelab.e2e.glue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.e2e.LabCloudWithWorker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;

/**
 * {@code getCatalogSource} against Lab Cloud's own Glue Data Catalog: a CSV table partitioned by year and month,
 * its partitions' locations in Lab Cloud's S3. {@code catalogPartitionPredicate} goes to GetPartitions as its
 * server-side Expression and {@code push_down_predicate} is evaluated on the partition values; the run's source
 * metric line shows that only the matching partitions' files were read.
 */
class CatalogSourceEndToEndTest {

    private static final String DATA = "cat-data";
    private static final String DATABASE = "cat_sales_db";
    private static final List<String> MONTHS = List.of("2025/12", "2026/01", "2026/02", "2026/03");

    @RegisterExtension
    static RunningLabCloud cloud = LabCloudWithWorker.shared();
    static GlueJobRuns glue;

    @BeforeAll
    static void catalogATablePartitionedByYearAndMonth() {
        glue = new GlueJobRuns(cloud);
        glue.createBuckets("cat-jobs", DATA);
        String jar = glue.uploadJobJar("cat-jobs", LabJobs.jar());
        glue.createJob("cat-reader", jar, "labtest.CatalogToParquet", Map.of("--database", DATABASE,
                "--table", "sales", "--push_down_predicate", "", "--catalog_predicate", ""));
        glue.glue.createDatabase(r -> r.databaseInput(d -> d.name(DATABASE)));
        glue.glue.createTable(r -> r.databaseName(DATABASE).tableInput(t -> t.name("sales").tableType("EXTERNAL_TABLE")
                .parameters(Map.of("classification", "csv", "skip.header.line.count", "1"))
                .partitionKeys(Column.builder().name("year").type("string").build(),
                        Column.builder().name("month").type("string").build())
                .storageDescriptor(csv("s3://cat-data/sales/"))));
        List<PartitionInput> partitions = new ArrayList<>();
        for (String yearMonth : MONTHS) {
            String[] parts = yearMonth.split("/");
            String prefix = "sales/year=" + parts[0] + "/month=" + parts[1] + "/";
            int id = Integer.parseInt(parts[0] + parts[1]);
            glue.put(DATA, prefix + "sales.csv", "id,amount\n" + id + "1,10.5\n" + id + "2,20.25\n");
            partitions.add(PartitionInput.builder().values(parts[0], parts[1])
                    .storageDescriptor(csv("s3://cat-data/" + prefix)).build());
        }
        glue.glue.batchCreatePartition(r -> r.databaseName(DATABASE).tableName("sales").partitionInputList(partitions));
    }

    private static StorageDescriptor csv(String location) {
        return StorageDescriptor.builder().location(location)
                .columns(Column.builder().name("id").type("int").build(), Column.builder().name("amount").type("double").build())
                .inputFormat("org.apache.hadoop.mapred.TextInputFormat")
                .outputFormat("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat")
                .serdeInfo(s -> s.serializationLibrary("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe")
                        .parameters(Map.of("field.delim", ",")))
                .build();
    }

    @AfterAll
    static void closeClients() {
        glue.close();
    }

    @Test
    void aPushDownPredicateReadsOnlyTheMatchingPartitionsFiles() {
        JobRun run = glue.succeed("cat-reader", Map.of("--push_down_predicate", "year = '2026' AND month >= '02'",
                "--output", "s3://cat-data/out/pushdown/"));

        assertThat(filesRead(run)).containsExactly("s3://cat-data/sales/year=2026/month=02/sales.csv",
                "s3://cat-data/sales/year=2026/month=03/sales.csv");
        assertThat(glue.output(run.id())).filteredOn(line -> line.startsWith("row ")).containsExactly(
                "row {\"id\":2026021,\"amount\":10.5,\"year\":\"2026\",\"month\":\"02\"}",
                "row {\"id\":2026022,\"amount\":20.25,\"year\":\"2026\",\"month\":\"02\"}",
                "row {\"id\":2026031,\"amount\":10.5,\"year\":\"2026\",\"month\":\"03\"}",
                "row {\"id\":2026032,\"amount\":20.25,\"year\":\"2026\",\"month\":\"03\"}");
        assertThat(glue.runMetric(run.id()).toString()).as("the sorted read counts each row once")
                .isEqualTo("{\"glue_lab_metric\":\"run\",\"filesRead\":2,\"rowsRead\":4,\"rowsWritten\":4}");
    }

    @Test
    void aCatalogPartitionPredicateIsAppliedByGetPartitionsBeforeAnyFileIsListed() {
        JobRun run = glue.succeed("cat-reader", Map.of("--catalog_predicate", "year = '2025' OR month = '01'",
                "--output", "s3://cat-data/out/catalog/"));

        assertThat(filesRead(run)).containsExactly("s3://cat-data/sales/year=2025/month=12/sales.csv",
                "s3://cat-data/sales/year=2026/month=01/sales.csv");
        assertThat(glue.runMetric(run.id()).path("rowsRead").asInt()).isEqualTo(4);
    }

    @Test
    void bothPredicatesTogetherNarrowToTheirIntersection() {
        JobRun run = glue.succeed("cat-reader", Map.of("--catalog_predicate", "year = '2026'",
                "--push_down_predicate", "month IN ('01', '03')", "--output", "s3://cat-data/out/both/"));

        assertThat(filesRead(run)).containsExactly("s3://cat-data/sales/year=2026/month=01/sales.csv",
                "s3://cat-data/sales/year=2026/month=03/sales.csv");
    }

    @Test
    void withoutPredicatesEveryPartitionIsRead() {
        JobRun run = glue.succeed("cat-reader", Map.of("--output", "s3://cat-data/out/all/"));

        assertThat(filesRead(run)).hasSize(MONTHS.size());
        assertThat(glue.runMetric(run.id()).path("rowsWritten").asInt()).isEqualTo(2 * MONTHS.size());
    }

    private static List<String> filesRead(JobRun run) {
        List<JsonNode> sources = glue.metrics(run.id(), "source");
        assertThat(sources).singleElement().satisfies(s -> assertThat(s.path("transformation_ctx").asText())
                .isEqualTo("sales_source"));
        List<String> files = new ArrayList<>();
        sources.get(0).path("files").forEach(f -> files.add(f.asText()));
        return files;
    }
}
