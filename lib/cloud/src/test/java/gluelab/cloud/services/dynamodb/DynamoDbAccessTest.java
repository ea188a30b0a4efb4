package gluelab.cloud.services.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** A role's session may read and write the items of the tables its policy names by ARN, and no others. */
class DynamoDbAccessTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void aRoleSessionWritesOnlyTheTablesItsPolicyNamesByArn() {
        try (IamClient iam = cloud.client(IamClient.builder());
             StsClient sts = cloud.client(StsClient.builder());
             DynamoDbClient admin = cloud.client(DynamoDbClient.builder())) {
            for (String table : List.of("runs", "other")) {
                admin.createTable(r -> r.tableName(table)
                        .attributeDefinitions(a -> a.attributeName("file").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("file").keyType(KeyType.HASH))
                        .billingMode("PAY_PER_REQUEST"));
            }
            iam.createRole(r -> r.roleName("poller").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:root"},\
                    "Action":"sts:AssumeRole"}]}"""));
            iam.putRolePolicy(r -> r.roleName("poller").policyName("runs-table").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["dynamodb:Scan","dynamodb:UpdateItem",\
                    "dynamodb:BatchWriteItem","dynamodb:PutItem"],"Resource":"arn:aws:dynamodb:us-east-1:000000000000:table/runs"}]}"""));
            Credentials session = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/poller")
                    .roleSessionName("poller")).credentials();
            try (DynamoDbClient dynamoDb = cloud.client(DynamoDbClient.builder(), StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(), session.sessionToken())))) {
                Map<String, AttributeValue> key = Map.of("file", AttributeValue.fromS("a.csv"));
                dynamoDb.updateItem(r -> r.tableName("runs").key(key).updateExpression("SET #s = :s")
                        .expressionAttributeNames(Map.of("#s", "status"))
                        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("STARTED"))));
                dynamoDb.batchWriteItem(r -> r.requestItems(Map.of("runs", List.of(WriteRequest.builder()
                        .putRequest(p -> p.item(Map.of("file", AttributeValue.fromS("b.csv")))).build()))));
                assertThat(dynamoDb.scan(r -> r.tableName("runs")).count())
                        .isEqualTo(2);

                assertThatThrownBy(() -> dynamoDb.updateItem(r -> r.tableName("other").key(key).updateExpression("SET #s = :s")
                        .expressionAttributeNames(Map.of("#s", "status"))
                        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("STARTED")))))
                        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                            assertThat(e.awsErrorDetails().errorMessage()).contains(
                                    "is not authorized to perform: dynamodb:UpdateItem on resource: "
                                            + "arn:aws:dynamodb:us-east-1:000000000000:table/other");
                        });
                assertThatThrownBy(() -> dynamoDb.transactWriteItems(r -> r.transactItems(t -> t.put(p -> p.tableName("runs")
                                .item(Map.of("file", AttributeValue.fromS("c.csv")))),
                        t -> t.put(p -> p.tableName("other").item(Map.of("file", AttributeValue.fromS("c.csv")))))))
                        .isInstanceOf(DynamoDbException.class)
                        .hasMessageContaining("dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:000000000000:table/other");
                assertThatThrownBy(() -> dynamoDb.getItem(r -> r.tableName("runs").key(key)))
                        .isInstanceOf(DynamoDbException.class).hasMessageContaining("dynamodb:GetItem");
            }
        }
    }
}
