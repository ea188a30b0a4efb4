package gluelab.cloud.services.glue.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.TableInput;

/** Small builders the catalog tests share: typed columns, partitioned tables, partition inputs. */
final class CatalogFixtures {

    private CatalogFixtures() {
    }

    /** Columns from "name:type" pairs, e.g. {@code columns("year:int", "region:string")}. */
    static List<Column> columns(String... nameColonType) {
        return Arrays.stream(nameColonType)
                .map(c -> Column.builder().name(c.substring(0, c.indexOf(':'))).type(c.substring(c.indexOf(':') + 1)).build())
                .toList();
    }

    static TableInput table(String name, String location, List<Column> partitionKeys) {
        return TableInput.builder()
                .name(name)
                .tableType("EXTERNAL_TABLE")
                .parameters(Map.of("classification", "parquet"))
                .storageDescriptor(StorageDescriptor.builder()
                        .location(location)
                        .columns(columns("id:bigint", "amount:double"))
                        .build())
                .partitionKeys(partitionKeys)
                .build();
    }

    static PartitionInput partition(String location, String... values) {
        return PartitionInput.builder()
                .values(values)
                .storageDescriptor(StorageDescriptor.builder().location(location).columns(columns("id:bigint")).build())
                .build();
    }

    static void createDatabase(GlueClient glue, String name) {
        glue.createDatabase(r -> r.databaseInput(d -> d.name(name)));
    }

    /** Every partition of a table, following NextToken. */
    static List<Partition> allPartitions(GlueClient glue, String database, String table, String expression) {
        List<Partition> all = new ArrayList<>();
        glue.getPartitionsPaginator(r -> r.databaseName(database).tableName(table).expression(expression))
                .forEach(page -> all.addAll(page.partitions()));
        return all;
    }

    static String code(GlueException e) {
        return e.awsErrorDetails().errorCode();
    }
}
