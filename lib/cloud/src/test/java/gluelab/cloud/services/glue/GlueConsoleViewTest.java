package gluelab.cloud.services.glue;

import static gluelab.cloud.testing.ConsolePages.field;
import static gluelab.cloud.testing.ConsolePages.links;
import static gluelab.cloud.testing.ConsolePages.page;
import static gluelab.cloud.testing.ConsolePages.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.testing.RunningLabCloud;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;

/** Glue in the web console: jobs, and catalog tables with their columns and partitions. */
class GlueConsoleViewTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void aCatalogTableShowsItsColumnsPartitionKeysAndPartitions() {
        try (GlueClient glue = cloud.client(GlueClient.builder())) {
            glue.createDatabase(r -> r.databaseInput(d -> d.name("console_sales")));
            glue.createTable(r -> r.databaseName("console_sales").tableInput(t -> t.name("orders")
                    .tableType("EXTERNAL_TABLE")
                    .storageDescriptor(s -> s.location("s3://sales/orders/")
                            .columns(Column.builder().name("id").type("bigint").build(),
                                    Column.builder().name("amount").type("double").build()))
                    .partitionKeys(Column.builder().name("dt").type("string").build())));
            for (String day : List.of("2026-12-01", "2026-12-02")) {
                glue.createPartition(r -> r.databaseName("console_sales").tableName("orders").partitionInput(p -> p
                        .values(day).storageDescriptor(s -> s.location("s3://sales/orders/dt=" + day + "/"))));
            }
            glue.createJob(r -> r.name("console-etl").role("arn:aws:iam::000000000000:role/GlueRole")
                    .command(c -> c.name("glueetl").scriptLocation("s3://jobs/etl.jar"))
                    .defaultArguments(Map.of("--class", "com.example.Etl")));
        }

        JsonNode home = page(cloud, "glue");
        assertThat(rows(home, "Jobs")).extracting(row -> row.subList(0, 2))
                .containsExactly(List.of("console-etl", "com.example.Etl"));
        assertThat(links(home, "Data Catalog databases")).containsExactly("glue/databases/console_sales");
        assertThat(rows(page(cloud, "glue/jobs/console-etl"), "Runs")).isEmpty();

        JsonNode database = page(cloud, "glue/databases/console_sales");
        assertThat(rows(database, "Tables")).extracting(row -> row.subList(0, 5))
                .containsExactly(List.of("orders", "EXTERNAL_TABLE", "s3://sales/orders/", "2", "dt"));

        JsonNode table = page(cloud, "glue/databases/console_sales/tables/orders");
        assertThat(field(table, "Table", "Location")).isEqualTo("s3://sales/orders/");
        assertThat(rows(table, "Columns")).extracting(row -> row.subList(0, 3)).containsExactly(
                List.of("id", "bigint", ""), List.of("amount", "double", ""), List.of("dt", "string", "partition key"));
        assertThat(rows(table, "Partitions")).extracting(row -> row.subList(0, 2)).containsExactlyInAnyOrder(
                List.of("2026-12-01", "s3://sales/orders/dt=2026-12-01/"),
                List.of("2026-12-02", "s3://sales/orders/dt=2026-12-02/"));
    }
}
