package gluelab.cloud.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.provider.Arn;
import gluelab.cloud.provider.AwsServiceException;
import gluelab.cloud.provider.InternalCalls;
import gluelab.cloud.provider.Scope;
import gluelab.cloud.testing.RunningLabCloud;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * A function's resource policy, as AWS keeps and enforces it: AddPermission writes Lambda's statements, GetPolicy
 * reads them, RemovePermission takes them away, and an AWS service invoking the function (EventBridge for a rule) is
 * admitted by the policy alone, with its {@code aws:SourceArn} and {@code aws:SourceAccount} conditions.
 */
class LambdaPermissionsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static final String RULE = "arn:aws:events:us-east-1:000000000000:rule/orders-arrived";
    static final Scope SCOPE = new Scope("000000000000", "us-east-1");

    @BeforeAll
    static void function() {
        String role = LambdaFixture.executionRole(cloud, "fn-policy-role");
        try (LambdaClient lambda = cloud.client(LambdaClient.builder())) {
            LambdaFixture.createActive(lambda, "on-orders",
                    "gluelab.cloud.services.lambda.handlers.MisbehavingHandlers::greet", role, 20);
        }
    }

    /** What EventBridge does for a rule's Lambda target: invoke as events.amazonaws.com on behalf of the rule. */
    static InvokeResponse invokeAsEventBridge(String rule) {
        InternalCalls internal = cloud.cloud().platform().internal();
        return internal.callAsService("lambda", SCOPE, "events.amazonaws.com", Arn.parse(rule).orElseThrow(),
                InvokeRequest.builder().functionName("on-orders").payload(SdkBytes.fromUtf8String("{\"name\":\"rule\"}"))
                        .build());
    }

    @Test
    void eventBridgeIsRefusedUntilThePolicyAdmitsItsRuleAndRefusedAgainOnceRemoved() throws Exception {
        try (LambdaClient lambda = cloud.client(LambdaClient.builder())) {
            assertThatThrownBy(() -> invokeAsEventBridge(RULE))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.code()).isEqualTo("AccessDeniedException");
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.getMessage()).contains("lambda:InvokeFunction");
                    });
            assertThatThrownBy(() -> lambda.getPolicy(r -> r.functionName("on-orders")))
                    .isInstanceOfSatisfying(LambdaException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException"));

            String statement = lambda.addPermission(r -> r.functionName("on-orders").statementId("events-invoke")
                    .action("lambda:InvokeFunction").principal("events.amazonaws.com").sourceArn(RULE)
                    .sourceAccount("000000000000")).statement();
            JsonNode written = new ObjectMapper().readTree(statement);
            assertThat(written.path("Sid").asText()).isEqualTo("events-invoke");
            assertThat(written.path("Principal").path("Service").asText()).isEqualTo("events.amazonaws.com");
            assertThat(written.path("Resource").asText())
                    .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:on-orders");
            assertThat(written.path("Condition").path("ArnLike").path("AWS:SourceArn").asText()).isEqualTo(RULE);
            assertThat(written.path("Condition").path("StringEquals").path("AWS:SourceAccount").asText())
                    .isEqualTo("000000000000");

            InvokeResponse admitted = invokeAsEventBridge(RULE);
            assertThat(admitted.payload().asUtf8String()).isEqualTo("\"hello rule\"");
            assertThatThrownBy(() -> invokeAsEventBridge("arn:aws:events:us-east-1:000000000000:rule/another-rule"))
                    .isInstanceOfSatisfying(AwsServiceException.class, e ->
                            assertThat(e.code()).isEqualTo("AccessDeniedException"));

            JsonNode policy = new ObjectMapper().readTree(lambda.getPolicy(r -> r.functionName("on-orders")).policy());
            assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
            assertThat(policy.path("Statement")).hasSize(1);
            assertThatThrownBy(() -> lambda.addPermission(r -> r.functionName("on-orders").statementId("events-invoke")
                    .action("lambda:InvokeFunction").principal("s3.amazonaws.com")))
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(409);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceConflictException");
                    });

            lambda.removePermission(r -> r.functionName("on-orders").statementId("events-invoke"));
            assertThatThrownBy(() -> invokeAsEventBridge(RULE)).isInstanceOf(AwsServiceException.class);
            assertThatThrownBy(() -> lambda.removePermission(r -> r.functionName("on-orders")
                    .statementId("events-invoke")))
                    .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Statement events-invoke is not found in resource policy."));
        }
    }

    @Test
    void theAccountsOwnKeysInvokeWithoutAnyPolicy() {
        try (LambdaClient lambda = cloud.client(LambdaClient.builder())) {
            assertThat(lambda.invoke(r -> r.functionName("on-orders")
                    .payload(SdkBytes.fromUtf8String("{\"name\":\"owner\"}"))).payload().asUtf8String())
                    .isEqualTo("\"hello owner\"");
        }
    }
}
