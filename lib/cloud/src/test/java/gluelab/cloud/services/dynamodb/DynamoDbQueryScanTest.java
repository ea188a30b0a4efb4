package gluelab.cloud.services.dynamodb;

import static gluelab.cloud.services.dynamodb.DynamoDbItemsTest.n;
import static gluelab.cloud.services.dynamodb.DynamoDbItemsTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Query and Scan with SDK v2: key conditions, indexes, order, paging, Select, filters and segments. */
class DynamoDbQueryScanTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static DynamoDbClient ddb;

    @BeforeAll
    static void runs() {
        ddb = cloud.client(DynamoDbClient.builder());
        DynamoDbTablesTest.createAndWait(ddb, DynamoDbTablesTest.table("runs")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N),
                        a -> a.attributeName("state").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("label").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexes(g -> g.indexName("by-state")
                        .keySchema(k -> k.attributeName("state").keyType(KeyType.HASH),
                                k -> k.attributeName("sk").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
                .localSecondaryIndexes(l -> l.indexName("by-label")
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                                k -> k.attributeName("label").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .build());
        for (int i = -5; i <= 14; i++) {
            int sk = i;
            ddb.putItem(r -> r.tableName("runs").item(Map.of("pk", s("job"), "sk", n(String.valueOf(sk)),
                    "state", s(sk % 2 == 0 ? "OK" : "FAILED"), "label", s("run-" + (char) ('a' + sk + 5)),
                    "bytes", n(String.valueOf(sk * 10)))));
        }
        ddb.putItem(r -> r.tableName("runs").item(Map.of("pk", s("other"), "sk", n("1"), "state", s("OK"),
                "label", s("x"))));
    }

    @AfterAll
    static void closeClients() {
        ddb.close();
    }

    private static List<String> sortKeys(List<Map<String, AttributeValue>> items) {
        return items.stream().map(item -> item.get("sk").n()).toList();
    }

    @Test
    void queryAnswersOnePartitionInNumericSortKeyOrderBothWays() {
        QueryResponse forward = ddb.query(r -> r.tableName("runs").keyConditionExpression("pk = :p AND sk BETWEEN :lo AND :hi")
                .expressionAttributeValues(Map.of(":p", s("job"), ":lo", n("-2"), ":hi", n("10"))));
        assertThat(sortKeys(forward.items())).containsExactly("-2", "-1", "0", "1", "2", "3", "4", "5", "6", "7",
                "8", "9", "10");

        QueryResponse backward = ddb.query(r -> r.tableName("runs").keyConditionExpression("pk = :p AND sk < :v")
                .expressionAttributeValues(Map.of(":p", s("job"), ":v", n("-3"))).scanIndexForward(false));
        assertThat(sortKeys(backward.items())).containsExactly("-4", "-5");
    }

    @Test
    void queryWithBeginsWithOnAStringSortKeyUsesTheLocalIndex() {
        QueryResponse response = ddb.query(r -> r.tableName("runs").indexName("by-label")
                .keyConditionExpression("pk = :p AND begins_with(label, :prefix)")
                .expressionAttributeValues(Map.of(":p", s("job"), ":prefix", s("run-a"))));
        assertThat(response.items()).extracting(item -> item.get("label").s()).containsExactly("run-a");
        assertThat(response.items().get(0)).containsKey("bytes");
    }

    @Test
    void aKeysOnlyGlobalIndexAnswersOnlyKeys() {
        QueryResponse response = ddb.query(r -> r.tableName("runs").indexName("by-state")
                .keyConditionExpression("#s = :state AND sk >= :from").expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(Map.of(":state", s("FAILED"), ":from", n("10"))));
        assertThat(sortKeys(response.items())).containsExactly("11", "13");
        assertThat(response.items().get(0)).containsOnlyKeys("pk", "sk", "state");
    }

    @Test
    void limitCountsItemsReadBeforeTheFilterAndPagesResumeAfterLastEvaluatedKey() {
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = ddb.query(r -> r.tableName("runs").keyConditionExpression("pk = :p")
                    .filterExpression("#s = :ok").expressionAttributeNames(Map.of("#s", "state"))
                    .expressionAttributeValues(Map.of(":p", s("job"), ":ok", s("OK"))).limit(4)
                    .exclusiveStartKey(from));
            assertThat(page.scannedCount()).isLessThanOrEqualTo(4);
            assertThat(page.count()).isEqualTo(page.items().size());
            seen.addAll(sortKeys(page.items()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            pages++;
        } while (start != null);
        assertThat(pages).as("as on AWS, a page that stops at Limit answers LastEvaluatedKey even when nothing is "
                + "left, so 20 items in pages of 4 take a sixth, empty page").isEqualTo(6);
        assertThat(seen).containsExactly("-4", "-2", "0", "2", "4", "6", "8", "10", "12", "14");
    }

    @Test
    void selectCountAnswersCountsWithoutItemsAndProjectionNarrowsItems() {
        QueryResponse count = ddb.query(r -> r.tableName("runs").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("job"))).select(Select.COUNT));
        assertThat(count.count()).isEqualTo(20);
        assertThat(count.hasItems()).isFalse();

        QueryResponse projected = ddb.query(r -> r.tableName("runs").keyConditionExpression("pk = :p AND sk = :one")
                .projectionExpression("#b").expressionAttributeNames(Map.of("#b", "bytes"))
                .expressionAttributeValues(Map.of(":p", s("job"), ":one", n("1"))));
        assertThat(projected.items()).containsExactly(Map.of("bytes", n("10")));
    }

    @Test
    void keyConditionsOutsideWhatAwsAllowsAreRefused() {
        assertThatThrownBy(() -> ddb.query(r -> r.tableName("runs").keyConditionExpression("sk = :v")
                .expressionAttributeValues(Map.of(":v", n("1")))))
                .hasMessageContaining("Query condition missed key schema element: pk");
        assertThatThrownBy(() -> ddb.query(r -> r.tableName("runs").keyConditionExpression("pk = :p OR sk = :v")
                .expressionAttributeValues(Map.of(":p", s("job"), ":v", n("1")))))
                .hasMessageContaining("Invalid operator used in KeyConditionExpression: OR");
        assertThatThrownBy(() -> ddb.query(r -> r.tableName("runs").keyConditionExpression("pk = :p")
                .filterExpression("sk > :v").expressionAttributeValues(Map.of(":p", s("job"), ":v", n("1")))))
                .hasMessageContaining("Filter Expression can only contain non-primary key attributes: Primary key "
                        + "attribute: sk");
        assertThatThrownBy(() -> ddb.query(r -> r.tableName("runs").keyConditionExpression("pk = :p AND sk > :v")
                .expressionAttributeValues(Map.of(":p", s("job"), ":v", s("1")))))
                .hasMessageContaining("Condition parameter type does not match schema type");
        assertThatThrownBy(() -> ddb.query(r -> r.tableName("runs").indexName("nope").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("job")))))
                .hasMessageContaining("The table does not have the specified index: nope");
    }

    @Test
    void parallelScanSegmentsTogetherCoverTheTableOnce() {
        Set<String> all = new HashSet<>();
        int total = 0;
        for (int segment = 0; segment < 3; segment++) {
            int current = segment;
            ScanResponse page = ddb.scan(r -> r.tableName("runs").segment(current).totalSegments(3));
            total += page.count();
            page.items().forEach(item -> all.add(item.get("pk").s() + "/" + item.get("sk").n()));
        }
        assertThat(total).isEqualTo(21);
        assertThat(all).hasSize(21);
        assertThatThrownBy(() -> ddb.scan(r -> r.tableName("runs").segment(3).totalSegments(3)))
                .hasMessageContaining("Segment: 3 is not less than TotalSegments: 3");
    }

    @Test
    void aScanPageStopsAtOneMegabyte() {
        DynamoDbTablesTest.createAndWait(ddb, DynamoDbTablesTest.table("wide").build());
        String big = "x".repeat(100 * 1024);
        for (int i = 0; i < 15; i++) {
            int sk = i;
            ddb.putItem(r -> r.tableName("wide").item(Map.of("pk", s("p"), "sk", n(String.valueOf(sk)), "v", s(big))));
        }
        ScanResponse first = ddb.scan(r -> r.tableName("wide"));
        assertThat(first.count()).isEqualTo(11);
        assertThat(first.lastEvaluatedKey()).containsEntry("sk", n("10"));
        ScanResponse rest = ddb.scan(r -> r.tableName("wide").exclusiveStartKey(first.lastEvaluatedKey()));
        assertThat(rest.count()).isEqualTo(4);
        assertThat(rest.hasLastEvaluatedKey() && !rest.lastEvaluatedKey().isEmpty()).isFalse();
    }
}
