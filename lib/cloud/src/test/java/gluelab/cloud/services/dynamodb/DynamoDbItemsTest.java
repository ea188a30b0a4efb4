package gluelab.cloud.services.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** Items with SDK v2: Put/Get/Update/DeleteItem, conditions, ReturnValues and the data model's rules. */
class DynamoDbItemsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static DynamoDbClient ddb;

    @BeforeAll
    static void tables() {
        ddb = cloud.client(DynamoDbClient.builder());
        DynamoDbTablesTest.createAndWait(ddb, DynamoDbTablesTest.table("items").build());
    }

    @AfterAll
    static void closeClients() {
        ddb.close();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    static Map<String, AttributeValue> key(String pk, int sk) {
        return Map.of("pk", s(pk), "sk", n(String.valueOf(sk)));
    }

    static Map<String, AttributeValue> item(String pk, int sk, Object... more) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
        for (int i = 0; i < more.length; i += 2) {
            item.put((String) more[i], (AttributeValue) more[i + 1]);
        }
        return item;
    }

    private static Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        return ddb.getItem(r -> r.tableName("items").key(key).consistentRead(true)).item();
    }

    @Test
    void putThenGetAnswersTheItemWithNumbersInAwsNormalForm() {
        ddb.putItem(r -> r.tableName("items").item(item("put", 1, "price", n("01.50"), "tags",
                AttributeValue.fromSs(List.of("a", "b")), "empty", s(""))));

        Map<String, AttributeValue> got = get(key("put", 1));
        assertThat(got.get("price").n()).isEqualTo("1.5");
        assertThat(got.get("tags").ss()).containsExactly("a", "b");
        assertThat(got.get("empty").s()).isEmpty();
        assertThat(ddb.getItem(r -> r.tableName("items").key(key("put", 2))).hasItem()).isFalse();
    }

    @Test
    void aConditionalPutRefusesAnExistingItemAndCanAnswerIt() {
        ddb.putItem(r -> r.tableName("items").item(item("cond", 1, "v", s("first"))));

        assertThatThrownBy(() -> ddb.putItem(r -> r.tableName("items").item(item("cond", 1, "v", s("second")))
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOf(ConditionalCheckFailedException.class)
                .hasMessageContaining("The conditional request failed")
                .satisfies(e -> assertThat(((ConditionalCheckFailedException) e).item().get("v").s())
                        .isEqualTo("first"));
        assertThat(get(key("cond", 1)).get("v").s()).isEqualTo("first");
    }

    @Test
    void putAnswersTheOldItemWithAllOld() {
        ddb.putItem(r -> r.tableName("items").item(item("old", 1, "v", s("a"))));

        Map<String, AttributeValue> old = ddb.putItem(r -> r.tableName("items").item(item("old", 1, "v", s("b")))
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        assertThat(old.get("v").s()).isEqualTo("a");
        assertThatThrownBy(() -> ddb.putItem(r -> r.tableName("items").item(item("old", 1))
                .returnValues(ReturnValue.ALL_NEW))).hasMessageContaining("Return values set to invalid value");
    }

    @Test
    void updateItemSetsRemovesAddsAndDeletesAndAnswersWhatChanged() {
        ddb.putItem(r -> r.tableName("items").item(item("upd", 1, "count", n("1"), "colors",
                AttributeValue.fromSs(List.of("red", "blue")), "gone", s("x"), "doc",
                AttributeValue.fromM(Map.of("nums", AttributeValue.fromL(List.of(n("1"), n("2"))))))));

        var response = ddb.updateItem(r -> r.tableName("items").key(key("upd", 1))
                .updateExpression("SET doc.nums[1] = :ten, #n = if_not_exists(#n, :zero) + :one, "
                        + "doc.more = list_append(:l, :l) REMOVE gone ADD #c :one DELETE colors :red")
                .expressionAttributeNames(Map.of("#n", "visits", "#c", "count"))
                .expressionAttributeValues(Map.of(":ten", n("10"), ":zero", n("0"), ":one", n("1"),
                        ":l", AttributeValue.fromL(List.of(s("x"))), ":red", AttributeValue.fromSs(List.of("red"))))
                .returnValues(ReturnValue.UPDATED_NEW));

        Map<String, AttributeValue> updated = response.attributes();
        assertThat(updated.keySet()).containsExactlyInAnyOrder("doc", "visits", "count", "colors");
        Map<String, AttributeValue> stored = get(key("upd", 1));
        assertThat(stored.get("doc").m().get("nums").l()).extracting(AttributeValue::n).containsExactly("1", "10");
        assertThat(stored.get("doc").m().get("more").l()).extracting(AttributeValue::s).containsExactly("x", "x");
        assertThat(stored.get("visits").n()).isEqualTo("1");
        assertThat(stored.get("count").n()).isEqualTo("2");
        assertThat(stored.get("colors").ss()).containsExactly("blue");
        assertThat(stored).doesNotContainKey("gone");
    }

    @Test
    void updateItemCreatesAMissingItemAndAnswersAllOldAndAllNew() {
        var created = ddb.updateItem(r -> r.tableName("items").key(key("upsert", 1)).updateExpression("SET a = :a")
                .expressionAttributeValues(Map.of(":a", s("x"))).returnValues(ReturnValue.ALL_NEW)).attributes();
        assertThat(created).containsEntry("pk", s("upsert")).containsEntry("a", s("x"));

        var old = ddb.updateItem(r -> r.tableName("items").key(key("upsert", 1)).updateExpression("SET a = :a")
                .expressionAttributeValues(Map.of(":a", s("y"))).returnValues(ReturnValue.UPDATED_OLD)).attributes();
        assertThat(old).containsExactly(Map.entry("a", s("x")));
    }

    @Test
    void aConditionalUpdateKeepsAStatusFromGoingBackwards() {
        ddb.putItem(r -> r.tableName("items").item(item("status", 1, "rank", n("3"))));

        assertThatThrownBy(() -> ddb.updateItem(r -> r.tableName("items").key(key("status", 1))
                .updateExpression("SET #r = :new").conditionExpression("#r < :new")
                .expressionAttributeNames(Map.of("#r", "rank")).expressionAttributeValues(Map.of(":new", n("2")))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        ddb.updateItem(r -> r.tableName("items").key(key("status", 1))
                .updateExpression("SET #r = :new").conditionExpression("#r < :new")
                .expressionAttributeNames(Map.of("#r", "rank")).expressionAttributeValues(Map.of(":new", n("4"))));
        assertThat(get(key("status", 1)).get("rank").n()).isEqualTo("4");
    }

    @Test
    void deleteItemRemovesTheItemUnlessItsConditionFails() {
        ddb.putItem(r -> r.tableName("items").item(item("del", 1, "v", n("1"))));

        assertThatThrownBy(() -> ddb.deleteItem(r -> r.tableName("items").key(key("del", 1))
                .conditionExpression("v = :two").expressionAttributeValues(Map.of(":two", n("2")))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        var old = ddb.deleteItem(r -> r.tableName("items").key(key("del", 1)).returnValues(ReturnValue.ALL_OLD));
        assertThat(old.attributes().get("v").n()).isEqualTo("1");
        assertThat(ddb.getItem(r -> r.tableName("items").key(key("del", 1))).hasItem()).isFalse();
    }

    @Test
    void getItemProjectsNestedPaths() {
        ddb.putItem(r -> r.tableName("items").item(item("proj", 1, "a", AttributeValue.fromM(Map.of(
                "b", AttributeValue.fromL(List.of(s("zero"), s("one"))), "c", s("no"))), "d", s("no"))));

        Map<String, AttributeValue> projected = ddb.getItem(r -> r.tableName("items").key(key("proj", 1))
                .projectionExpression("a.b[1], pk")).item();
        assertThat(projected).containsOnlyKeys("a", "pk");
        assertThat(projected.get("a").m()).containsOnlyKeys("b");
        assertThat(projected.get("a").m().get("b").l()).containsExactly(s("one"));
    }

    @Test
    void keysMustMatchTheSchemaInNameTypeAndEmptiness() {
        assertThatThrownBy(() -> ddb.putItem(r -> r.tableName("items").item(Map.of("pk", s("a")))))
                .hasMessageContaining("One or more parameter values were invalid: Missing the key sk in the item");
        assertThatThrownBy(() -> ddb.putItem(r -> r.tableName("items").item(Map.of("pk", n("1"), "sk", n("1")))))
                .hasMessageContaining("One or more parameter values were invalid: Type mismatch for key pk "
                        + "expected: S actual: N");
        assertThatThrownBy(() -> ddb.putItem(r -> r.tableName("items").item(Map.of("pk", s(""), "sk", n("1")))))
                .hasMessageContaining("The AttributeValue for a key attribute cannot contain an empty string value. "
                        + "Key: pk");
        assertThatThrownBy(() -> ddb.getItem(r -> r.tableName("items").key(Map.of("pk", s("a")))))
                .hasMessageContaining("The provided key element does not match the schema");
    }

    @Test
    void numbersKeep38DigitsWithinAwsRange() {
        String digits38 = "12345678901234567890123456789012345678";
        ddb.putItem(r -> r.tableName("items").item(item("num", 1, "big", n(digits38))));
        assertThat(get(key("num", 1)).get("big").n()).isEqualTo(digits38);

        assertThatThrownBy(() -> ddb.putItem(r -> r.tableName("items").item(item("num", 2, "big", n(digits38 + "9")))))
                .hasMessageContaining("Attempting to store more than 38 significant digits in a Number");
        assertThatThrownBy(() -> ddb.putItem(r -> r.tableName("items").item(item("num", 2, "big", n("1E+126")))))
                .hasMessageContaining("Number overflow");
        assertThatThrownBy(() -> ddb.putItem(r -> r.tableName("items").item(item("num", 2, "big", n("1E-131")))))
                .hasMessageContaining("Number underflow");
        assertThatThrownBy(() -> ddb.putItem(r -> r.tableName("items").item(item("num", 2, "big", n("abc")))))
                .hasMessageContaining("A value provided cannot be converted into a number");
    }

    @Test
    void setsMustBeNonEmptyAndUnique() {
        assertThatThrownBy(() -> ddb.putItem(r -> r.tableName("items").item(item("set", 1, "s",
                AttributeValue.fromSs(List.of())))))
                .hasMessageContaining("One or more parameter values were invalid: An string set  may not be empty");
        assertThatThrownBy(() -> ddb.putItem(r -> r.tableName("items").item(item("set", 1, "s",
                AttributeValue.fromNs(List.of("1", "1.0"))))))
                .hasMessageContaining("contains duplicates");
    }

    @Test
    void anItemOver400KbIsRefused() {
        String big = "x".repeat(400 * 1024);
        assertThatThrownBy(() -> ddb.putItem(r -> r.tableName("items").item(item("big", 1, "v", s(big)))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Item size has exceeded the maximum allowed size");
        ddb.putItem(r -> r.tableName("items").item(item("big", 1, "v",
                AttributeValue.fromB(SdkBytes.fromByteArray(new byte[300 * 1024])))));
    }

    @Test
    void anUpdateMayNotTouchAKeyAttribute() {
        assertThatThrownBy(() -> ddb.updateItem(r -> r.tableName("items").key(key("keyupd", 1))
                .updateExpression("SET sk = :v").expressionAttributeValues(Map.of(":v", n("2")))))
                .hasMessageContaining("One or more parameter values were invalid: Cannot update attribute sk. "
                        + "This attribute is part of the key");
    }

    @Test
    void eightConcurrentAddWritersLoseNoUpdate() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        ddb.updateItem(r -> r.tableName("items").key(key("counter", 1))
                                .updateExpression("ADD hits :one").expressionAttributeValues(Map.of(":one", n("1"))));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(get(key("counter", 1)).get("hits").n()).isEqualTo("400");
    }
}
