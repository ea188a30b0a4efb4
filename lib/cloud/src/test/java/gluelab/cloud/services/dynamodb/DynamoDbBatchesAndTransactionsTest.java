package gluelab.cloud.services.dynamodb;

import static gluelab.cloud.services.dynamodb.DynamoDbItemsTest.item;
import static gluelab.cloud.services.dynamodb.DynamoDbItemsTest.key;
import static gluelab.cloud.services.dynamodb.DynamoDbItemsTest.n;
import static gluelab.cloud.services.dynamodb.DynamoDbItemsTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchGetItem, BatchWriteItem, TransactWriteItems and TransactGetItems with SDK v2. */
class DynamoDbBatchesAndTransactionsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static DynamoDbClient ddb;

    @BeforeAll
    static void tables() {
        ddb = cloud.client(DynamoDbClient.builder());
        DynamoDbTablesTest.createAndWait(ddb, DynamoDbTablesTest.table("files").build());
        DynamoDbTablesTest.createAndWait(ddb, DynamoDbTablesTest.table("summary").build());
    }

    @AfterAll
    static void closeClients() {
        ddb.close();
    }

    private static Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
        return ddb.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
    }

    @Test
    void batchWriteThenBatchGetAcrossTablesWithNothingUnprocessed() {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            int sk = i;
            writes.add(WriteRequest.builder().putRequest(p -> p.item(item("batch", sk, "v", n("1")))).build());
        }
        var written = ddb.batchWriteItem(r -> r.requestItems(Map.of("files", writes)));
        assertThat(written.unprocessedItems()).isEmpty();

        BatchGetItemResponse got = ddb.batchGetItem(r -> r.requestItems(Map.of(
                "files", KeysAndAttributes.builder().keys(key("batch", 0), key("batch", 24), key("batch", 99))
                        .projectionExpression("sk").build())));
        assertThat(got.responses().get("files")).extracting(i -> i.get("sk").n()).containsExactlyInAnyOrder("0", "24");
        assertThat(got.responses().get("files").get(0)).containsOnlyKeys("sk");
        assertThat(got.unprocessedKeys()).isEmpty();
    }

    @Test
    void batchesRefuseTooManyEntriesAndDuplicateKeys() {
        List<WriteRequest> tooMany = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            int sk = i;
            tooMany.add(WriteRequest.builder().deleteRequest(d -> d.key(key("many", sk))).build());
        }
        assertThatThrownBy(() -> ddb.batchWriteItem(r -> r.requestItems(Map.of("files", tooMany))))
                .hasMessageContaining("Too many items requested for the BatchWriteItem call");
        assertThatThrownBy(() -> ddb.batchWriteItem(r -> r.requestItems(Map.of("files", List.of(
                WriteRequest.builder().deleteRequest(d -> d.key(key("dup", 1))).build(),
                WriteRequest.builder().putRequest(p -> p.item(item("dup", 1))).build())))))
                .hasMessageContaining("Provided list of item keys contains duplicates");
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            keys.add(key("many", i));
        }
        assertThatThrownBy(() -> ddb.batchGetItem(r -> r.requestItems(Map.of("files",
                KeysAndAttributes.builder().keys(keys).build()))))
                .hasMessageContaining("Too many items requested for the BatchGetItem call");
    }

    @Test
    void aTransactionWritesAllItsItemsAcrossTables() {
        ddb.putItem(r -> r.tableName("summary").item(item("totals", 1, "files", n("0"))));

        ddb.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("files").item(item("tx", 1, "state", s("NEW")))
                        .conditionExpression("attribute_not_exists(pk)")).build(),
                TransactWriteItem.builder().update(u -> u.tableName("summary").key(key("totals", 1))
                        .updateExpression("ADD files :one").expressionAttributeValues(Map.of(":one", n("1")))).build()));

        assertThat(get("files", key("tx", 1)).get("state").s()).isEqualTo("NEW");
        assertThat(get("summary", key("totals", 1)).get("files").n()).isEqualTo("1");
    }

    @Test
    void aFailedConditionCancelsTheWholeTransactionWithReasonsInOrder() {
        ddb.putItem(r -> r.tableName("files").item(item("cancel", 1, "state", s("DONE"))));
        ddb.putItem(r -> r.tableName("summary").item(item("cancel-totals", 1, "files", n("5"))));

        assertThatThrownBy(() -> ddb.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().update(u -> u.tableName("summary").key(key("cancel-totals", 1))
                        .updateExpression("ADD files :one").expressionAttributeValues(Map.of(":one", n("1")))).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName("files").key(key("cancel", 1))
                        .conditionExpression("#s = :new").expressionAttributeNames(Map.of("#s", "state"))
                        .expressionAttributeValues(Map.of(":new", s("NEW")))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build())))
                .isInstanceOf(TransactionCanceledException.class)
                .hasMessageContaining("Transaction cancelled, please refer cancellation reasons for specific reasons "
                        + "[None, ConditionalCheckFailed]")
                .satisfies(e -> {
                    List<CancellationReason> reasons = ((TransactionCanceledException) e).cancellationReasons();
                    assertThat(reasons).extracting(CancellationReason::code).containsExactly("None",
                            "ConditionalCheckFailed");
                    assertThat(reasons.get(1).item().get("state").s()).isEqualTo("DONE");
                });
        assertThat(get("summary", key("cancel-totals", 1)).get("files").n()).as("nothing was written").isEqualTo("5");
    }

    @Test
    void aTransactionMayNotTouchOneItemTwice() {
        assertThatThrownBy(() -> ddb.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("files").item(item("twice", 1))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName("files").key(key("twice", 1))).build())))
                .hasMessageContaining("Transaction request cannot include multiple operations on one item");
    }

    @Test
    void aClientRequestTokenMakesATransactionIdempotent() {
        ddb.putItem(r -> r.tableName("summary").item(item("idem", 1, "n", n("0"))));
        TransactWriteItem add = TransactWriteItem.builder().update(u -> u.tableName("summary").key(key("idem", 1))
                .updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", n("1")))).build();

        ddb.transactWriteItems(r -> r.transactItems(add).clientRequestToken("token-1"));
        ddb.transactWriteItems(r -> r.transactItems(add).clientRequestToken("token-1"));
        assertThat(get("summary", key("idem", 1)).get("n").n()).isEqualTo("1");

        TransactWriteItem other = TransactWriteItem.builder().delete(d -> d.tableName("summary").key(key("idem", 1)))
                .build();
        assertThatThrownBy(() -> ddb.transactWriteItems(r -> r.transactItems(other).clientRequestToken("token-1")))
                .isInstanceOf(IdempotentParameterMismatchException.class);
    }

    @Test
    void transactGetItemsAnswersEachItemInRequestOrder() {
        ddb.putItem(r -> r.tableName("files").item(item("tget", 1, "v", s("one"))));

        var response = ddb.transactGetItems(r -> r.transactItems(
                t -> t.get(g -> g.tableName("files").key(key("tget", 1))),
                t -> t.get(g -> g.tableName("files").key(key("tget", 2)))));
        assertThat(response.responses()).hasSize(2);
        assertThat(response.responses().get(0).item().get("v").s()).isEqualTo("one");
        assertThat(response.responses().get(1).hasItem()).isFalse();
    }
}
