package gluelab.lab.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import gluelab.lab.DataTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** A DynamoDB table shown as a table, as a notebook shows the items that track its files and runs. */
class TableItemsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void itemsShowKeysFirstInKeyOrderThenEveryAttributeAnyItemHasBlankWhereAnItemHasNone() {
        try (DynamoDbClient dynamoDb = cloud.client(DynamoDbClient.builder())) {
            dynamoDb.createTable(r -> r.tableName("runs").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("file").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("attempt").attributeType(ScalarAttributeType.N))
                    .keySchema(k -> k.attributeName("file").keyType(KeyType.HASH),
                            k -> k.attributeName("attempt").keyType(KeyType.RANGE)));
            dynamoDb.putItem(r -> r.tableName("runs").item(Map.of("file", AttributeValue.fromS("b.csv"),
                    "attempt", AttributeValue.fromN("10"), "status", AttributeValue.fromS("SUCCEEDED"))));
            dynamoDb.putItem(r -> r.tableName("runs").item(Map.of("file", AttributeValue.fromS("b.csv"),
                    "attempt", AttributeValue.fromN("9"), "status", AttributeValue.fromS("FAILED"),
                    "errors", AttributeValue.fromSs(List.of("schema", "bad row")))));
            dynamoDb.putItem(r -> r.tableName("runs").item(Map.of("file", AttributeValue.fromS("a.csv"),
                    "attempt", AttributeValue.fromN("1"))));

            DataTable items = TableItems.of(dynamoDb, "runs");

            assertThat(items.columnNames()).containsExactly("file", "attempt", "errors", "status");
            assertThat(items.values("file")).containsExactly("a.csv", "b.csv", "b.csv");
            assertThat(items.values("attempt")).as("numbers in number order").containsExactly("1", "9", "10");
            assertThat(items.values("status")).containsExactly(null, "FAILED", "SUCCEEDED");
            assertThat(items.values("errors")).containsExactly(null, "[bad row, schema]", null);
        }
    }
}
