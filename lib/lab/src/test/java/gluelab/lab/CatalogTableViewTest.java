package gluelab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;

class CatalogTableViewTest {

    private static software.amazon.awssdk.services.glue.model.Column column(String name, String type) {
        return software.amazon.awssdk.services.glue.model.Column.builder().name(name).type(type).build();
    }

    private static final Table SALES = Table.builder()
            .databaseName("lab15_shop").name("sales").tableType("EXTERNAL_TABLE")
            .storageDescriptor(StorageDescriptor.builder()
                    .location("s3://lab15-refined/sales/")
                    .columns(column("rental_id", "int"), column("fare", "decimal(8,2)"))
                    .inputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat")
                    .serdeInfo(SerDeInfo.builder()
                            .serializationLibrary("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe")
                            .parameters(Map.of("serialization.format", "1")).build())
                    .build())
            .partitionKeys(column("year", "string"), column("month", "string"))
            .parameters(Map.of("zzz", "last", "recordCount", "42", "classification", "parquet"))
            .createTime(Instant.parse("2026-01-31T23:00:00Z"))
            .build();

    @Test
    void theColumnsAreListedBeforeThePartitionKeysEachWithItsKind() {
        DataTable columns = CatalogTableView.of(SALES).columns();

        assertThat(columns.select("column", "type", "kind").rows()).containsExactly(
                List.of("rental_id", "int", "column"), List.of("fare", "decimal(8,2)", "column"),
                List.of("year", "string", "partition key"), List.of("month", "string", "partition key"));
        assertThat(columns.source()).isEqualTo("lab15_shop.sales");
    }

    @Test
    void thePropertiesLeadWithWhereAndWhatTheDataIsThenTheCrawlerParametersInAFixedOrder() {
        DataTable properties = CatalogTableView.of(SALES).properties();

        assertThat(properties.values("property")).containsExactly("TableType", "Location", "InputFormat", "SerDe",
                "SerDe parameters", "classification", "recordCount", "zzz", "CreateTime");
        assertThat(properties.value(1, "value")).isEqualTo("s3://lab15-refined/sales/");
        assertThat(properties.value(8, "value")).isEqualTo("2026-01-31 23:00:00");
    }

    @Test
    void partitionsAreOneRowEachSortedByTheirValuesWithOneColumnPerKey() {
        Partition february = Partition.builder().values("2026", "02")
                .storageDescriptor(s -> s.location("s3://lab15-refined/sales/year=2026/month=02/")).build();
        Partition january = Partition.builder().values("2026", "01")
                .storageDescriptor(s -> s.location("s3://lab15-refined/sales/year=2026/month=01/")).build();

        DataTable partitions = CatalogTableView.partitions(SALES, List.of(february, january));

        assertThat(partitions.columnNames()).containsExactly("year", "month", "location", "created (UTC)");
        assertThat(partitions.select("year", "month", "location").rows()).containsExactly(
                List.of("2026", "01", "s3://lab15-refined/sales/year=2026/month=01/"),
                List.of("2026", "02", "s3://lab15-refined/sales/year=2026/month=02/"));
        assertThat(partitions.source()).isEqualTo("2 partitions of lab15_shop.sales");
    }

    @Test
    void itShowsAsTwoTablesSideBySideWithAPlainTextFallback() {
        CatalogTableView view = CatalogTableView.of(SALES);

        assertThat(view.toMimeBundle().data().get("text/html")).contains("rental_id").contains("partition key")
                .contains("classification");
        assertThat(view.toString()).contains("lab15_shop.sales").contains("properties of lab15_shop.sales");
    }
}
