package gluelab.cloud.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.testing.RunningLabCloud;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * Versions and aliases: a published version keeps the code and configuration it was published with, an alias
 * names a version, and Invoke runs what its qualifier names, in an environment of that version.
 */
class LambdaVersionsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static JsonNode invoke(LambdaClient lambda, String qualifier, String[] executed) throws Exception {
        InvokeResponse response = lambda.invoke(r -> r.functionName("versioned").qualifier(qualifier)
                .payload(SdkBytes.fromUtf8String("{}")));
        executed[0] = response.executedVersion();
        JsonNode answer = new ObjectMapper().readTree(response.payload().asByteArray());
        if (response.functionError() != null) {
            throw new AssertionError("invoking " + qualifier + " failed (" + response.functionError() + "): " + answer);
        }
        return answer.path("environment");
    }

    @Test
    void aVersionKeepsItsConfigurationAndAnAliasInvokesTheVersionItNames() throws Exception {
        String role = LambdaFixture.executionRole(cloud, "fn-versions-role");
        try (LambdaClient lambda = cloud.client(LambdaClient.builder())) {
            lambda.createFunction(r -> r.functionName("versioned").runtime("java17").role(role).timeout(20)
                    .handler("gluelab.cloud.services.lambda.handlers.EchoHandler")
                    .environment(e -> e.variables(Map.of("GREETING", "one")))
                    .code(c -> c.zipFile(FunctionZips.handlers())));
            lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName("versioned"));
            var first = lambda.publishVersion(r -> r.functionName("versioned").description("first"));
            assertThat(first.version()).isEqualTo("1");
            assertThat(first.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:versioned:1");

            lambda.updateFunctionConfiguration(r -> r.functionName("versioned")
                    .environment(e -> e.variables(Map.of("GREETING", "two"))));
            lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("versioned"));
            assertThat(lambda.publishVersion(r -> r.functionName("versioned")).version()).isEqualTo("2");
            assertThat(lambda.publishVersion(r -> r.functionName("versioned")).version())
                    .as("nothing changed since version 2").isEqualTo("2");
            assertThat(lambda.listVersionsByFunction(r -> r.functionName("versioned")).versions().stream()
                    .map(FunctionConfiguration::version)).containsExactly("$LATEST", "1", "2");

            var alias = lambda.createAlias(r -> r.functionName("versioned").name("live").functionVersion("1"));
            assertThat(alias.aliasArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:versioned:live");

            String[] executed = new String[1];
            JsonNode one = invoke(lambda, "1", executed);
            assertThat(one.path("GREETING").asText()).isEqualTo("one");
            assertThat(one.path("AWS_LAMBDA_FUNCTION_VERSION").asText()).isEqualTo("1");
            assertThat(executed[0]).isEqualTo("1");
            assertThat(invoke(lambda, "live", executed).path("GREETING").asText()).isEqualTo("one");
            assertThat(executed[0]).isEqualTo("1");

            lambda.updateAlias(r -> r.functionName("versioned").name("live").functionVersion("2"));
            assertThat(invoke(lambda, "live", executed).path("GREETING").asText()).isEqualTo("two");
            assertThat(executed[0]).isEqualTo("2");
            assertThat(invoke(lambda, "$LATEST", executed).path("AWS_LAMBDA_FUNCTION_VERSION").asText())
                    .isEqualTo("$LATEST");
            assertThat(lambda.getFunction(r -> r.functionName("versioned").qualifier("1")).configuration()
                    .environment().variables()).containsEntry("GREETING", "one");
            assertThat(lambda.listAliases(r -> r.functionName("versioned")).aliases()).hasSize(1);

            assertThatThrownBy(() -> lambda.getFunctionConfiguration(r -> r.functionName("versioned:7")))
                    .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Function not found: arn:aws:lambda:us-east-1:000000000000:function:versioned:7"));
            assertThatThrownBy(() -> lambda.createAlias(r -> r.functionName("versioned").name("live")
                    .functionVersion("1")))
                    .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
            lambda.deleteAlias(r -> r.functionName("versioned").name("live"));
            assertThatThrownBy(() -> lambda.getAlias(r -> r.functionName("versioned").name("live")))
                    .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        }
    }
}
