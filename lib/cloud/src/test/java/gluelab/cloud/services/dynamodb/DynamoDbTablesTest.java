package gluelab.cloud.services.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Tables with SDK v2: create (validated), describe, list, update (a new GSI), delete, TTL and tags. */
class DynamoDbTablesTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static DynamoDbClient ddb;

    @BeforeAll
    static void clients() {
        ddb = cloud.client(DynamoDbClient.builder());
    }

    @AfterAll
    static void closeClients() {
        ddb.close();
    }

    static CreateTableRequest.Builder table(String name) {
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N));
    }

    /** Creates the table and waits, as a user would, with the SDK's waiter. */
    static void createAndWait(DynamoDbClient client, CreateTableRequest request) {
        client.createTable(request);
        client.waiter().waitUntilTableExists(r -> r.tableName(request.tableName()),
                o -> o.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(100))));
    }

    @Test
    void aNewTableIsCreatingThenActiveSoThatTheSdksWaiterReturns() {
        TableDescription created = ddb.createTable(table("orders").build()).tableDescription();

        assertThat(created.tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(created.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/orders");
        assertThat(created.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        TableDescription active = ddb.waiter().waitUntilTableExists(r -> r.tableName("orders"),
                        o -> o.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(100))))
                .matched().response().orElseThrow().table();
        assertThat(active.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(active.itemCount()).isZero();
    }

    @Test
    void describeTableCountsItemsAndTheirSize() {
        createAndWait(ddb, table("counted").build());
        ddb.putItem(r -> r.tableName("counted").item(Map.of("pk", AttributeValue.fromS("a"),
                "sk", AttributeValue.fromN("1"), "v", AttributeValue.fromS("xyz"))));

        TableDescription table = ddb.describeTable(r -> r.tableName("counted")).table();
        assertThat(table.itemCount()).isEqualTo(1);
        assertThat(table.tableSizeBytes()).isEqualTo("pk".length() + 1 + "sk".length() + 2 + "v".length() + 3);
    }

    @Test
    void creatingATableThatExistsIsResourceInUse() {
        createAndWait(ddb, table("twice").build());

        assertThatThrownBy(() -> ddb.createTable(table("twice").build()))
                .isInstanceOf(ResourceInUseException.class).hasMessageContaining("Table already exists: twice");
    }

    @Test
    void aMissingTableIsResourceNotFoundForDescribeAndForItems() {
        assertThatThrownBy(() -> ddb.describeTable(r -> r.tableName("nowhere")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Requested resource not found: Table: nowhere not found");
        assertThatThrownBy(() -> ddb.getItem(r -> r.tableName("nowhere").key(Map.of("pk", AttributeValue.fromS("a")))))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("Requested resource not found");
    }

    @Test
    void keyAttributesMustBeDefinedAndEveryDefinitionUsed() {
        assertThatThrownBy(() -> ddb.createTable(table("undefined")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)).build()))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining(
                        "Some index key attributes are not defined in AttributeDefinitions. Keys: [sk], "
                                + "AttributeDefinitions: [pk]");
        assertThatThrownBy(() -> ddb.createTable(table("unused")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N),
                        a -> a.attributeName("extra").attributeType(ScalarAttributeType.S)).build()))
                .hasMessageContaining("Number of attributes in KeySchema does not exactly match number of attributes "
                        + "defined in AttributeDefinitions");
    }

    @Test
    void billingModeDecidesWhetherThroughputIsRequiredOrRefused() {
        assertThatThrownBy(() -> ddb.createTable(table("provisioned").billingMode(BillingMode.PROVISIONED).build()))
                .hasMessageContaining("ReadCapacityUnits and WriteCapacityUnits must both be specified when "
                        + "BillingMode is PROVISIONED");
        assertThatThrownBy(() -> ddb.createTable(table("ondemand")
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)).build()))
                .hasMessageContaining("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when "
                        + "BillingMode is PAY_PER_REQUEST");
        TableDescription provisioned = ddb.createTable(table("provisioned").billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(7L)).build()).tableDescription();
        assertThat(provisioned.provisionedThroughput().writeCapacityUnits()).isEqualTo(7L);
    }

    @Test
    void listTablesPagesInNameOrderWithExclusiveStartTableName() {
        for (String name : List.of("list-c", "list-a", "list-b")) {
            ddb.createTable(table(name).build());
        }

        var first = ddb.listTables(r -> r.exclusiveStartTableName("list-").limit(2));
        assertThat(first.tableNames()).containsExactly("list-a", "list-b");
        assertThat(first.lastEvaluatedTableName()).isEqualTo("list-b");
        var second = ddb.listTables(r -> r.exclusiveStartTableName("list-b").limit(2));
        assertThat(second.tableNames()).startsWith("list-c");
    }

    @Test
    void updateTableAddsAGlobalIndexThatIsCreatingThenActive() {
        createAndWait(ddb, table("indexed").build());

        TableDescription updating = ddb.updateTable(r -> r.tableName("indexed")
                .attributeDefinitions(a -> a.attributeName("status").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-status")
                        .keySchema(k -> k.attributeName("status").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))))).tableDescription();

        assertThat(updating.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(ddb.describeTable(r -> r.tableName("indexed")).table().globalSecondaryIndexes().get(0)
                .indexStatus()).isEqualTo(IndexStatus.ACTIVE);
    }

    @Test
    void deleteTableAnswersDeletingAndTheTableIsGone() {
        createAndWait(ddb, table("doomed").build());

        assertThat(ddb.deleteTable(r -> r.tableName("doomed")).tableDescription().tableStatus())
                .isEqualTo(TableStatus.DELETING);
        assertThatThrownBy(() -> ddb.describeTable(r -> r.tableName("doomed")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void timeToLiveDeletesItemsWhoseExpiryHasPassedOnTheLabClock() {
        createAndWait(ddb, table("expiring").build());
        ddb.updateTimeToLive(r -> r.tableName("expiring")
                .timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")));
        long now = LabAdmin.now(cloud).getEpochSecond();
        ddb.putItem(r -> r.tableName("expiring").item(Map.of("pk", AttributeValue.fromS("soon"),
                "sk", AttributeValue.fromN("1"), "expires", AttributeValue.fromN(String.valueOf(now + 60)))));
        ddb.putItem(r -> r.tableName("expiring").item(Map.of("pk", AttributeValue.fromS("later"),
                "sk", AttributeValue.fromN("1"), "expires", AttributeValue.fromN(String.valueOf(now + 3600)))));

        assertThat(ddb.describeTimeToLive(r -> r.tableName("expiring")).timeToLiveDescription().timeToLiveStatus())
                .isEqualTo(TimeToLiveStatus.ENABLED);
        LabAdmin.advanceClock(cloud, Duration.ofMinutes(5));
        assertThat(ddb.scan(r -> r.tableName("expiring")).items()).extracting(i -> i.get("pk").s())
                .containsExactly("later");
        assertThatThrownBy(() -> ddb.updateTimeToLive(r -> r.tableName("expiring")
                .timeToLiveSpecification(s -> s.enabled(true).attributeName("expires"))))
                .hasMessageContaining("TimeToLive is already enabled");
    }

    @Test
    void tagsAreAddedListedAndRemovedByTheTablesArn() {
        String arn = ddb.createTable(table("tagged").tags(Tag.builder().key("team").value("data").build()).build())
                .tableDescription().tableArn();
        ddb.waiter().waitUntilTableExists(r -> r.tableName("tagged"),
                o -> o.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(100))));

        ddb.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("env").value("lab").build()));
        ddb.untagResource(r -> r.resourceArn(arn).tagKeys("team"));
        assertThat(ddb.listTagsOfResource(r -> r.resourceArn(arn)).tags())
                .containsExactly(Tag.builder().key("env").value("lab").build());
    }
}
