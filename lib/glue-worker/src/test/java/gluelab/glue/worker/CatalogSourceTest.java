package gluelab.glue.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gluelab.glue.worker.harness.FakeGlueCatalog;
import gluelab.glue.worker.harness.JobJars;
import gluelab.glue.worker.harness.RunResult;
import gluelab.glue.worker.harness.RunSpec;
import gluelab.glue.worker.harness.TestJobs;
import gluelab.glue.worker.harness.WorkerProcess;

/**
 * getCatalogSource against a stand-in catalog (until Lab Cloud's Glue provider lands):
 * catalogPartitionPredicate goes to GetPartitions as its Expression, push_down_predicate is
 * evaluated on the partition values, and only the matching partitions' files are read.
 */
class CatalogSourceTest {

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
    void only_partitions_matching_the_push_down_predicate_are_read(@TempDir Path work) throws Exception {
        Path table = work.resolve("sales");
        for (String month : List.of("1", "2", "3")) {
            Path partition = Files.createDirectories(table.resolve("year=2024/month=" + month));
            Files.writeString(partition.resolve("part-0.csv"), "id,amount\n" + month + "1,10\n" + month + "2,20\n");
        }
        try (FakeGlueCatalog glue = new FakeGlueCatalog()) {
            glue.answer("GetTable", """
                    {"Table": {"Name": "sales", "DatabaseName": "lab_db",
                      "StorageDescriptor": {"Location": "%s", "Columns": [{"Name": "id", "Type": "int"}, {"Name": "amount", "Type": "bigint"}],
                        "SerdeInfo": {"SerializationLibrary": "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", "Parameters": {"field.delim": ","}}},
                      "PartitionKeys": [{"Name": "year", "Type": "string"}, {"Name": "month", "Type": "int"}],
                      "Parameters": {"classification": "csv", "skip.header.line.count": "1"}}}
                    """.formatted(table.toUri()));
            StringBuilder partitions = new StringBuilder("{\"Partitions\": [");
            for (String month : List.of("1", "2", "3")) {
                partitions.append(month.equals("1") ? "" : ",").append("{\"Values\": [\"2024\", \"").append(month)
                        .append("\"], \"StorageDescriptor\": {\"Location\": \"").append(table.resolve("year=2024/month=" + month).toUri())
                        .append("\"}}");
            }
            glue.answer("GetPartitions", partitions.append("]}").toString());
            Path jar = JobJars.compile(work, "catalog.jar", TestJobs.sources("jobs.FromCatalog", CATALOG_JOB));

            RunResult run = WorkerProcess.shared().run(RunSpec.of("jobs.FromCatalog", jar)
                    .aws(glue.endpoint(), "AKIDCATALOG", "secret")
                    .args("--push_down_predicate", "month >= 2 AND year = '2024'", "--catalog_predicate", "year = '2024'"),
                    Duration.ofMinutes(2));

            assertEquals("SUCCEEDED", run.state(), run::describe);
            // The catalog says id is an int, but Glue types CSV values record by record: a whole number is a long.
            assertEquals(List.of("SCHEMA id BIGINT,amount BIGINT,year STRING,month INT",
                    "ROW {\"id\":21,\"amount\":10,\"year\":\"2024\",\"month\":2}", "ROW {\"id\":22,\"amount\":20,\"year\":\"2024\",\"month\":2}",
                    "ROW {\"id\":31,\"amount\":10,\"year\":\"2024\",\"month\":3}", "ROW {\"id\":32,\"amount\":20,\"year\":\"2024\",\"month\":3}"),
                    run.output().stream().filter(l -> l.startsWith("SCHEMA") || l.startsWith("ROW")).toList());
            List<String> files = new ArrayList<>();
            run.metrics("source").get(0).path("files").forEach(f -> files.add(f.asText().substring(f.asText().indexOf("year="))));
            assertEquals(List.of("year=2024/month=2/part-0.csv", "year=2024/month=3/part-0.csv"), files,
                    "the run read files of the matching partitions only");
            JsonNode getPartitions = glue.requests.stream().filter(r -> r.getKey().equals("GetPartitions")).map(Map.Entry::getValue)
                    .findFirst().orElseThrow();
            assertEquals("year = '2024'", getPartitions.path("Expression").asText());
            assertEquals("sales", getPartitions.path("TableName").asText());
        }
    }
}
