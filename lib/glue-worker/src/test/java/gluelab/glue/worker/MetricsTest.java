package gluelab.glue.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gluelab.glue.worker.harness.RunResult;
import gluelab.glue.worker.harness.RunSpec;
import gluelab.glue.worker.harness.TestJobs;
import gluelab.glue.worker.harness.WorkerProcess;

/** The job-run metric lines of lib/README.md: one per source, one per sink, one per run. */
class MetricsTest {

    @TempDir
    static Path work;
    static WorkerProcess worker;

    @BeforeAll
    static void setUp() {
        worker = WorkerProcess.shared();
    }

    static final String TWO_SOURCES = """
            package jobs;

            import java.util.List;
            import java.util.Map;
            import gluelab.glue.DynamicFrame;
            import gluelab.glue.GlueContext;
            import gluelab.glue.util.GlueArgParser;
            import gluelab.glue.util.JsonOptions;

            public class TwoSources {
                public static void main(String[] sysArgs) {
                    Map<String, String> args = GlueArgParser.getResolvedOptions(sysArgs, new String[] {"orders", "customers", "output"});
                    GlueContext glueContext = GlueContext.getOrCreate();
                    DynamicFrame orders = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(args.get("orders"))),
                            "orders_source", "csv", JsonOptions.of("withHeader", true)).getDynamicFrame();
                    DynamicFrame customers = glueContext.getSourceWithFormat("s3", JsonOptions.of("paths", List.of(args.get("customers"))),
                            "customers_source", "json").getDynamicFrame();
                    System.out.println("orders: " + orders.count());
                    DynamicFrame joined = DynamicFrame.apply(orders.toDF().join(customers.toDF(), "customer_id"), glueContext)
                            .filter("amount > 10");
                    glueContext.getSinkWithFormat("s3", JsonOptions.of("path", args.get("output")), "big_orders", "parquet")
                            .writeDynamicFrame(joined);
                }
            }
            """;

    @Test
    void sourcesSinksAndTheRunReportFilesAndRowsFromSparksOwnMetrics() throws IOException {
        Path orders = Files.createDirectories(work.resolve("orders"));
        Files.writeString(orders.resolve("a.csv"), "id,customer_id,amount\n1,1,5\n2,1,50\n");
        Files.writeString(orders.resolve("b.csv"), "id,customer_id,amount\n3,2,70\n4,2,7\n5,3,99\n");
        Path customers = Files.createDirectories(work.resolve("customers"));
        Files.writeString(customers.resolve("c.json"), "{\"customer_id\": 1, \"name\": \"Ann\"}\n{\"customer_id\": 2, \"name\": \"Bob\"}\n");
        Path output = work.resolve("big");
        Path jar = gluelab.glue.worker.harness.JobJars.compile(work, "two.jar", TestJobs.sources("jobs.TwoSources", TWO_SOURCES));

        RunResult run = worker.run(RunSpec.of("jobs.TwoSources", jar).args("--orders", orders.toString(),
                "--customers", customers.toString(), "--output", output.toString()), Duration.ofMinutes(2));

        assertEquals("SUCCEEDED", run.state(), run::describe);
        List<JsonNode> sources = run.metrics("source");
        assertEquals(List.of("orders_source", "customers_source"), sources.stream().map(s -> s.path("transformation_ctx").asText()).toList());
        assertEquals(List.of("file:" + orders.resolve("a.csv"), "file:" + orders.resolve("b.csv")),
                List.of(sources.get(0).path("files").get(0).asText(), sources.get(0).path("files").get(1).asText()));
        assertEquals(5, sources.get(0).path("rows").asLong(), "counting then writing reads the orders once, not twice");
        assertEquals(2, sources.get(1).path("rows").asLong());
        JsonNode sink = run.metrics("sink").get(0);
        assertEquals("big_orders", sink.path("transformation_ctx").asText());
        assertEquals("file:" + output, sink.path("path").asText());
        assertEquals(2, sink.path("rows").asLong(), "orders 2 and 3 are over 10 and have a customer");
        JsonNode total = run.runMetrics();
        assertEquals(3, total.path("filesRead").asLong());
        assertEquals(7, total.path("rowsRead").asLong());
        assertEquals(2, total.path("rowsWritten").asLong());
        assertEquals("orders: 5", run.output().get(0));
    }
}
