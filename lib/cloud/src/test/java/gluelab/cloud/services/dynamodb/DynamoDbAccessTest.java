package gluelab.cloud.services.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** A role's session may do with tables what its policy allows on their ARNs, and nothing more. */
class DynamoDbAccessTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static final String TABLES = "arn:aws:dynamodb:us-east-1:000000000000:table/";

    @Test
    void aRoleSessionWritesOnlyTheTablesItsPolicyNamesByArn() {
        try (IamClient iam = cloud.client(IamClient.builder());
             StsClient sts = cloud.client(StsClient.builder());
             DynamoDbClient admin = cloud.client(DynamoDbClient.builder())) {
            for (String table : new String[] {"file-runs", "payroll"}) {
                admin.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(a -> a.attributeName("file").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("file").keyType(KeyType.HASH)));
            }
            iam.createRole(r -> r.roleName("run-recorder").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:root"},\
                    "Action":"sts:AssumeRole"}]}"""));
            iam.putRolePolicy(r -> r.roleName("run-recorder").policyName("own-table").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["dynamodb:PutItem","dynamodb:BatchWriteItem",\
                    "dynamodb:Query"],"Resource":"%sfile-runs"}]}""".formatted(TABLES)));
            Credentials session = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/run-recorder")
                    .roleSessionName("recorder")).credentials();
            try (DynamoDbClient dynamoDb = cloud.client(DynamoDbClient.builder(), StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(), session.sessionToken())))) {
                Map<String, AttributeValue> item = Map.of("file", AttributeValue.fromS("s3://raw/a.csv"));
                dynamoDb.putItem(r -> r.tableName("file-runs").item(item));
                dynamoDb.batchWriteItem(r -> r.requestItems(Map.of("file-runs",
                        java.util.List.of(software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                                .putRequest(p -> p.item(Map.of("file", AttributeValue.fromS("s3://raw/b.csv")))).build()))));
                assertThat(admin.scan(r -> r.tableName("file-runs")).count()).isEqualTo(2);

                assertThatThrownBy(() -> dynamoDb.putItem(r -> r.tableName("payroll").item(item)))
                        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                            assertThat(e.awsErrorDetails().errorMessage()).contains(
                                    "is not authorized to perform: dynamodb:PutItem on resource: " + TABLES + "payroll");
                        });
                assertThatThrownBy(() -> dynamoDb.getItem(r -> r.tableName("file-runs").key(item)))
                        .isInstanceOf(DynamoDbException.class).hasMessageContaining("dynamodb:GetItem");
                assertThatThrownBy(() -> dynamoDb.query(r -> r.tableName("file-runs").indexName("by-status")
                        .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("STARTED")))))
                        .isInstanceOf(DynamoDbException.class)
                        .hasMessageContaining("dynamodb:Query on resource: " + TABLES + "file-runs/index/by-status");
            }
        }
    }
}
