package gluelab.cloud.services.glue.catalog;

import static gluelab.cloud.services.glue.catalog.CatalogFixtures.columns;
import static gluelab.cloud.services.glue.catalog.CatalogFixtures.createDatabase;
import static gluelab.cloud.services.glue.catalog.CatalogFixtures.partition;
import static gluelab.cloud.services.glue.catalog.CatalogFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.KeySchemaElement;
import software.amazon.awssdk.services.glue.model.PartitionIndexDescriptor;
import software.amazon.awssdk.services.glue.model.PartitionIndexStatus;
import software.amazon.awssdk.services.glue.model.ResourceNumberLimitExceededException;

/** Partition indexes: AWS's rules for their keys, their number per table, their names, and their status. */
class GluePartitionIndexesTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static GlueClient glue;

    @BeforeAll
    static void client() {
        glue = cloud.client(GlueClient.builder());
    }

    @AfterAll
    static void closeClient() {
        glue.close();
    }

    @Test
    void anIndexOnPartitionKeysIsActiveWithTheKeysTypesInItsOwnOrder() {
        salesTable("idx_active");
        glue.createPartition(r -> r.databaseName("idx_active").tableName("sales")
                .partitionInput(partition("s3://lake/sales/2024/us/10/", "2024", "us", "10")));

        glue.createPartitionIndex(r -> r.databaseName("idx_active").tableName("sales")
                .partitionIndex(i -> i.indexName("by_region_year").keys("region", "year")));

        PartitionIndexDescriptor index = onlyIndex("idx_active");
        assertThat(index.indexName()).isEqualTo("by_region_year");
        assertThat(index.indexStatus()).isEqualTo(PartitionIndexStatus.ACTIVE);
        assertThat(index.keys()).extracting(KeySchemaElement::name, KeySchemaElement::type)
                .containsExactly(tuple("region", "string"), tuple("year", "int"));
        assertThat(index.backfillErrors()).isEmpty();
    }

    @Test
    void aKeyThatIsNotAPartitionKeyIsInvalidInput() {
        salesTable("idx_not_partition_key");

        assertThatThrownBy(() -> glue.createPartitionIndex(r -> r.databaseName("idx_not_partition_key").tableName("sales")
                .partitionIndex(i -> i.indexName("by_amount").keys("year", "amount"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("IndexKeys not a part of PartitionColumns. Verify the indexKeys : [amount]"));
        assertThat(indexes("idx_not_partition_key")).isEmpty();
    }

    @Test
    void aTableHasAtMostThreeIndexes() {
        salesTable("idx_limit");
        index("idx_limit", "i1", "year");
        index("idx_limit", "i2", "region");
        index("idx_limit", "i3", "month");

        assertThatThrownBy(() -> index("idx_limit", "i4", "year", "month"))
                .isInstanceOfSatisfying(ResourceNumberLimitExceededException.class, e -> assertThat(
                        e.awsErrorDetails().errorMessage()).isEqualTo("Partition index limit exceeded. Maximum: 3"));
        assertThat(indexes("idx_limit")).extracting(PartitionIndexDescriptor::indexName).containsExactly("i1", "i2", "i3");
    }

    @Test
    void anIndexRepeatingAnotherOnesNameOrKeysAlreadyExists() {
        salesTable("idx_repeat");
        index("idx_repeat", "by_year_month", "year", "month");

        assertThatThrownBy(() -> index("idx_repeat", "by_year_month", "region"))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Partition Index by_year_month already exists with the same name."));
        assertThatThrownBy(() -> index("idx_repeat", "again", "year", "month"))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Partition Index by_year_month already exists with the same keys."));
        index("idx_repeat", "by_month_year", "month", "year");
        assertThat(indexes("idx_repeat")).hasSize(2);
    }

    @Test
    void deletePartitionIndexRemovesItAndAnUnknownOneIsEntityNotFound() {
        salesTable("idx_delete");
        index("idx_delete", "by_year", "year");

        glue.deletePartitionIndex(r -> r.databaseName("idx_delete").tableName("sales").indexName("by_year"));

        assertThat(indexes("idx_delete")).isEmpty();
        assertThatThrownBy(() -> glue.deletePartitionIndex(r -> r.databaseName("idx_delete").tableName("sales")
                .indexName("by_year")))
                .isInstanceOfSatisfying(EntityNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Index with the given indexName : by_year does not exist."));
    }

    @Test
    void createTableCanDeclareIndexesWhichFollowTheSameRules() {
        createDatabase(glue, "idx_with_table");
        glue.createTable(r -> r.databaseName("idx_with_table")
                .tableInput(table("sales", "s3://lake/sales/", columns("year:int", "month:int")))
                .partitionIndexes(i -> i.indexName("by_year").keys("year"), i -> i.indexName("by_month").keys("month")));

        assertThat(indexes("idx_with_table")).extracting(PartitionIndexDescriptor::indexName, PartitionIndexDescriptor::indexStatus)
                .containsExactly(tuple("by_month", PartitionIndexStatus.ACTIVE), tuple("by_year", PartitionIndexStatus.ACTIVE));
        assertThatThrownBy(() -> glue.createTable(r -> r.databaseName("idx_with_table")
                .tableInput(table("bad", "s3://lake/bad/", columns("year:int")))
                .partitionIndexes(i -> i.indexName("by_day").keys("day"))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> glue.getTable(r -> r.databaseName("idx_with_table").name("bad")))
                .as("a table whose index is refused is not created")
                .isInstanceOf(EntityNotFoundException.class);
    }

    @Test
    void aDeletedTableTakesItsIndexesWithIt() {
        salesTable("idx_table_gone");
        index("idx_table_gone", "by_year", "year");

        glue.deleteTable(r -> r.databaseName("idx_table_gone").name("sales"));
        glue.createTable(r -> r.databaseName("idx_table_gone")
                .tableInput(table("sales", "s3://lake/sales/", columns("year:int", "region:string", "month:int"))));

        assertThat(indexes("idx_table_gone")).isEmpty();
    }

    @Test
    void theTableMustExistAndTheIndexNeedsKeys() {
        createDatabase(glue, "idx_no_table");

        assertThatThrownBy(() -> indexes("idx_no_table")).isInstanceOf(EntityNotFoundException.class);
        salesTable("idx_no_keys");
        assertThatThrownBy(() -> glue.createPartitionIndex(r -> r.databaseName("idx_no_keys").tableName("sales")
                .partitionIndex(i -> i.indexName("empty").keys(List.of()))))
                .isInstanceOfSatisfying(GlueException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    private static void salesTable(String database) {
        createDatabase(glue, database);
        glue.createTable(r -> r.databaseName(database)
                .tableInput(table("sales", "s3://lake/sales/", columns("year:int", "region:string", "month:int"))));
    }

    private static void index(String database, String name, String... keys) {
        glue.createPartitionIndex(r -> r.databaseName(database).tableName("sales")
                .partitionIndex(i -> i.indexName(name).keys(keys)));
    }

    private static List<PartitionIndexDescriptor> indexes(String database) {
        return glue.getPartitionIndexes(r -> r.databaseName(database).tableName("sales")).partitionIndexDescriptorList();
    }

    private static PartitionIndexDescriptor onlyIndex(String database) {
        List<PartitionIndexDescriptor> indexes = indexes(database);
        assertThat(indexes).hasSize(1);
        return indexes.get(0);
    }
}
