package gluelab.glue.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import gluelab.cloud.testing.RunningLabCloud;
import gluelab.glue.worker.harness.JobJars;
import gluelab.glue.worker.harness.RunResult;
import gluelab.glue.worker.harness.RunSpec;
import gluelab.glue.worker.harness.TestJobs;
import gluelab.glue.worker.harness.WorkerProcess;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * getCatalogSource against Lab Cloud's Data Catalog and S3: catalogPartitionPredicate goes to GetPartitions as its
 * server-side Expression, push_down_predicate is evaluated on the partition values of what the catalog returned,
 * and only the files of the partitions that pass both are read.
 */
class CatalogSourceTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static final String CATALOG_JOB = """
            package jobs;

            import java.util.Map;
            import gluelab.glue.DynamicFrame;
            import gluelab.glue.GlueContext;
            import gluelab.glue.util.GlueArgParser;
            import gluelab.glue.util.JsonOptions;

            public class FromCatalog {
                public static void main(String[] sysArgs) {
                    Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs,
                            new String[] {"push_down_predicate", "catalog_predicate"});
                    GlueContext glueContext = GlueContext.getOrCreate();
                    DynamicFrame sales = glueContext.getCatalogSource("lab_db", "sales", "sales_source",
                            args.get("push_down_predicate"), JsonOptions.of("catalogPartitionPredicate", args.get("catalog_predicate")))
                            .getDynamicFrame();
                    System.out.println("SCHEMA " + sales.schema().toDDL());
                    sales.toDF().toJSON().collectAsList().stream().sorted().forEach(r -> System.out.println("ROW " + r));
                }
            }
            """;

    @Test
    void onlyPartitionsPassingTheCatalogPredicateAndThenThePushDownPredicateAreRead(@TempDir Path work) {
        String table = "s3://catalog-source-lake/sales/";
        try (S3Client s3 = cloud.client(S3Client.builder()); GlueClient glue = cloud.client(GlueClient.builder())) {
            s3.createBucket(r -> r.bucket("catalog-source-lake"));
            List<PartitionInput> partitions = new ArrayList<>();
            for (String month : List.of("1", "2", "3")) {
                String location = table + "year=2024/month=" + month + "/";
                s3.putObject(r -> r.bucket("catalog-source-lake").key("sales/year=2024/month=" + month + "/part-0.csv"),
                        RequestBody.fromString("id,amount\n" + month + "1,10\n" + month + "2,20\n"));
                partitions.add(PartitionInput.builder().values("2024", month)
                        .storageDescriptor(StorageDescriptor.builder().location(location).build()).build());
            }
            glue.createDatabase(r -> r.databaseInput(d -> d.name("lab_db")));
            glue.createTable(r -> r.databaseName("lab_db").tableInput(t -> t.name("sales").tableType("EXTERNAL_TABLE")
                    .parameters(Map.of("classification", "csv", "skip.header.line.count", "1"))
                    .storageDescriptor(sd -> sd.location(table)
                            .columns(column("id", "int"), column("amount", "bigint"))
                            .serdeInfo(serde -> serde.serializationLibrary("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe")
                                    .parameters(Map.of("field.delim", ","))))
                    .partitionKeys(column("year", "string"), column("month", "int"))));
            glue.batchCreatePartition(r -> r.databaseName("lab_db").tableName("sales").partitionInputList(partitions));
            Path jar = JobJars.compile(work, "catalog.jar", TestJobs.sources("jobs.FromCatalog", CATALOG_JOB));

            RunResult run = WorkerProcess.shared().run(RunSpec.of("jobs.FromCatalog", jar)
                    .aws(cloud.endpoint(), "test", "test")
                    .args("--catalog_predicate", "year = '2024' AND month < 3", "--push_down_predicate", "month >= 2"),
                    Duration.ofMinutes(2));

            assertThat(run.state()).as(run.describe()).isEqualTo("SUCCEEDED");
            // The catalog says id is an int, but Glue types CSV values record by record: a whole number is a long.
            assertThat(run.output().stream().filter(l -> l.startsWith("SCHEMA") || l.startsWith("ROW")).toList()).containsExactly(
                    "SCHEMA id BIGINT,amount BIGINT,year STRING,month INT",
                    "ROW {\"id\":21,\"amount\":10,\"year\":\"2024\",\"month\":2}",
                    "ROW {\"id\":22,\"amount\":20,\"year\":\"2024\",\"month\":2}");
            List<String> files = new ArrayList<>();
            run.metrics("source").get(0).path("files").forEach(f -> files.add(f.asText()));
            assertThat(files).as("month 1 fails the push-down predicate; month 3 the catalog's")
                    .containsExactly(table + "year=2024/month=2/part-0.csv");
        }
    }

    static final String BOTH_READS_JOB = """
            package jobs;

            import gluelab.glue.GlueContext;
            import gluelab.glue.DataSource;

            public class BothReads {
                public static void main(String[] sysArgs) {
                    GlueContext glueContext = GlueContext.getOrCreate();
                    DataSource orders = glueContext.getCatalogSource("typed_db", "orders");
                    System.out.println("DYNAMICFRAME " + orders.getDynamicFrame().schema().toDDL());
                    System.out.println("DATAFRAME " + orders.getDataFrame().schema().toDDL());
                    System.out.println("NEGATIVE " + orders.getDataFrame().where("amount < 0").count());
                }
            }
            """;

    @Test
    void getDataFrameReadsATableWithTheTypesItsCatalogEntryDeclaresWhileTheDynamicFrameTypesEachRecord(@TempDir Path work) {
        try (S3Client s3 = cloud.client(S3Client.builder()); GlueClient glue = cloud.client(GlueClient.builder())) {
            s3.createBucket(r -> r.bucket("typed-lake"));
            // 0 looks like a whole number, 10.5 does not: record by record, amount is a choice of long and double.
            s3.putObject(r -> r.bucket("typed-lake").key("orders/part-0.csv"),
                    RequestBody.fromString("id,amount\n1,10.5\n2,20.0\n3,0\n"));
            glue.createDatabase(r -> r.databaseInput(d -> d.name("typed_db")));
            glue.createTable(r -> r.databaseName("typed_db").tableInput(t -> t.name("orders").tableType("EXTERNAL_TABLE")
                    .parameters(Map.of("classification", "csv", "skip.header.line.count", "1"))
                    .storageDescriptor(sd -> sd.location("s3://typed-lake/orders/")
                            .columns(column("id", "int"), column("amount", "double"))
                            .serdeInfo(serde -> serde.serializationLibrary("org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe")
                                    .parameters(Map.of("field.delim", ","))))));
            Path jar = JobJars.compile(work, "both.jar", TestJobs.sources("jobs.BothReads", BOTH_READS_JOB));

            RunResult run = WorkerProcess.shared().run(RunSpec.of("jobs.BothReads", jar)
                    .aws(cloud.endpoint(), "test", "test"), Duration.ofMinutes(2));

            assertThat(run.state()).as(run.describe()).isEqualTo("SUCCEEDED");
            assertThat(run.output()).anySatisfy(line -> assertThat(line).startsWith("DYNAMICFRAME id BIGINT,amount STRUCT<"));
            assertThat(run.output()).contains("DATAFRAME id INT,amount DOUBLE", "NEGATIVE 0");
        }
    }

    private static Column column(String name, String type) {
        return Column.builder().name(name).type(type).build();
    }
}
