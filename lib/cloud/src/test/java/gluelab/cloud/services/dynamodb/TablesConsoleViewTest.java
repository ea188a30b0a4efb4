package gluelab.cloud.services.dynamodb;

import static gluelab.cloud.testing.ConsolePages.block;
import static gluelab.cloud.testing.ConsolePages.page;
import static gluelab.cloud.testing.ConsolePages.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.testing.RunningLabCloud;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** DynamoDB in the web console: tables with keys and counts, and every item exactly once across the pages. */
class TablesConsoleViewTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void aTablesItemsArePagedKeyFirstAndEveryItemAppearsOnce() {
        try (DynamoDbClient dynamo = cloud.client(DynamoDbClient.builder())) {
            dynamo.createTable(r -> r.tableName("console-orders").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
            for (int i = 0; i < 60; i++) {
                String id = "order-%02d".formatted(i);
                int amount = i;
                dynamo.putItem(r -> r.tableName("console-orders").item(Map.of("id", AttributeValue.fromS(id),
                        "amount", AttributeValue.fromN(String.valueOf(amount)),
                        "lines", AttributeValue.fromL(List.of(AttributeValue.fromS("<b>book</b>"))))));
            }
        }

        assertThat(rows(page(cloud, "dynamodb"), "Tables")).containsExactly(
                List.of("console-orders", "id (HASH)", "60", "ACTIVE"));
        List<String> ids = new ArrayList<>();
        JsonNode items = page(cloud, "dynamodb/tables/console-orders");
        assertThat(block(items, "Items").get("columns").get(0).asText()).isEqualTo("id");
        rows(items, "Items").forEach(row -> ids.add(row.get(0)));
        String next = block(items, "Items").get("next").asText();
        JsonNode second = page(cloud, "dynamodb/tables/console-orders?" + next);
        rows(second, "Items").forEach(row -> ids.add(row.get(0)));

        assertThat(ids).hasSize(60).doesNotHaveDuplicates();
        assertThat(block(second, "Items").has("next")).isFalse();
        assertThat(block(second, "Items").get("rows").get(0).get("cells").toString()).contains("[\"<b>book</b>\"]");
    }
}
