package gluelab.cloud.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.testing.RunningLabCloud;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * Synchronous invocations of real Java handlers, each environment a JVM running AWS's Runtime Interface Client
 * against Lab Cloud's Runtime API: results, the environment and credentials the handler sees, errors as Lambda
 * reports them, logs with START/END/REPORT, and failures (exit, out of memory, endless loop, broken init) that end
 * only their own invocation.
 */
class LambdaInvokeTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static final ObjectMapper JSON = new ObjectMapper();
    static final String HANDLERS = "gluelab.cloud.services.lambda.handlers.";
    static String role;

    @BeforeAll
    static void functions() {
        role = LambdaFixture.executionRole(cloud, "fn-invoke-role");
        try (LambdaClient lambda = lambda()) {
            lambda.createFunction(r -> r.functionName("echo").runtime("java17").handler(HANDLERS + "EchoHandler")
                    .role(role).timeout(20).memorySize(256)
                    .environment(e -> e.variables(java.util.Map.of("GREETING", "bonjour")))
                    .code(c -> c.zipFile(FunctionZips.handlers())));
            lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName("echo"));
        }
    }

    static LambdaClient lambda() {
        return cloud.client(LambdaClient.builder().overrideConfiguration(ClientOverrideConfiguration.builder()
                .apiCallTimeout(Duration.ofSeconds(90)).build()));
    }

    static JsonNode json(SdkBytes payload) {
        try {
            return JSON.readTree(payload.asByteArray());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static InvokeResponse invoke(LambdaClient lambda, String function, String payload) {
        return lambda.invoke(r -> r.functionName(function).payload(SdkBytes.fromUtf8String(payload)));
    }

    @Test
    void aRequestHandlerAnswersWithItsEnvironmentAndTheRolesSessionCredentials() {
        try (LambdaClient lambda = lambda()) {
            InvokeResponse response = invoke(lambda, "echo", "{\"order\": 42}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.functionError()).isNull();
            assertThat(response.executedVersion()).isEqualTo("$LATEST");
            JsonNode out = json(response.payload());
            assertThat(out.path("input").path("order").asInt()).isEqualTo(42);
            assertThat(out.path("functionName").asText()).isEqualTo("echo");
            assertThat(out.path("invokedFunctionArn").asText())
                    .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:echo");
            assertThat(out.path("memoryLimitInMB").asInt()).isEqualTo(256);
            assertThat(out.path("maxHeapMb").asLong()).isBetween(150L, 256L);
            JsonNode environment = out.path("environment");
            assertThat(environment.path("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("echo");
            assertThat(environment.path("AWS_LAMBDA_FUNCTION_VERSION").asText()).isEqualTo("$LATEST");
            assertThat(environment.path("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("256");
            assertThat(environment.path("AWS_REGION").asText()).isEqualTo("us-east-1");
            assertThat(environment.path("AWS_DEFAULT_REGION").asText()).isEqualTo("us-east-1");
            assertThat(environment.path("_HANDLER").asText()).isEqualTo(HANDLERS + "EchoHandler");
            assertThat(environment.path("AWS_EXECUTION_ENV").asText()).isEqualTo("AWS_Lambda_java17");
            assertThat(environment.path("AWS_LAMBDA_LOG_GROUP_NAME").asText()).isEqualTo("/aws/lambda/echo");
            assertThat(environment.path("AWS_LAMBDA_LOG_STREAM_NAME").asText())
                    .matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST\\][0-9a-f]{32}");
            assertThat(environment.path("AWS_ACCESS_KEY_ID").asText()).startsWith("ASIA");
            assertThat(environment.path("AWS_SESSION_TOKEN").asText()).isNotEmpty();
            assertThat(environment.path("AWS_ENDPOINT_URL").asText()).isEqualTo(cloud.endpoint().toString());
            assertThat(environment.path("GREETING").asText()).isEqualTo("bonjour");
        }
    }

    @Test
    void anEnvironmentStaysWarmAndServesTheNextInvocation() {
        try (LambdaClient lambda = lambda()) {
            JsonNode first = json(invoke(lambda, "echo", "{}").payload());
            JsonNode second = json(invoke(lambda, "echo", "{}").payload());
            assertThat(second.path("pid").asLong()).isEqualTo(first.path("pid").asLong());
            assertThat(second.path("invocationsInThisEnvironment").asInt())
                    .isEqualTo(first.path("invocationsInThisEnvironment").asInt() + 1);
        }
    }

    @Test
    void eachEnvironmentHasATmpOfItsOwnAndSharesNothingInTheMachines() {
        try (LambdaClient lambda = lambda()) {
            lambda.createFunction(r -> r.functionName("echo-too").runtime("java17").role(role).memorySize(256)
                    .handler(HANDLERS + "EchoHandler").code(c -> c.zipFile(FunctionZips.handlers())));
            lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName("echo-too"));

            JsonNode one = json(invoke(lambda, "echo", "{}").payload());
            JsonNode other = json(invoke(lambda, "echo-too", "{}").payload());

            String tmp = one.path("tmpdir").asText();
            assertThat(tmp).isNotEqualTo(System.getProperty("java.io.tmpdir"))
                    .isNotEqualTo(other.path("tmpdir").asText());
            assertThat(one.path("environment").path("TMPDIR").asText()).isEqualTo(tmp);
            assertThat(java.nio.file.Path.of(tmp)).isDirectory();
            // The runtime client's JNI library comes from Lab Cloud's own copy, not a shared file in the machine's
            // /tmp that another starting environment could be rewriting.
            assertThat(one.path("runtimeJniLibrary").asText()).isNotEmpty().doesNotStartWith("/tmp/.")
                    .isEqualTo(other.path("runtimeJniLibrary").asText());
            assertThat(java.nio.file.Path.of(one.path("runtimeJniLibrary").asText())).isRegularFile();
        }
    }

    @Test
    void logTypeTailGivesTheLastLinesAndTheLogGroupHasStartEndAndReport() throws Exception {
        try (LambdaClient lambda = lambda(); CloudWatchLogsClient logs = cloud.client(CloudWatchLogsClient.builder())) {
            InvokeResponse response = lambda.invoke(r -> r.functionName("echo").logType(LogType.TAIL)
                    .payload(SdkBytes.fromUtf8String("{\"tail\": true}")));
            String requestId = json(response.payload()).path("requestId").asText();
            // The answer's x-amzn-RequestId is the invocation's request id, the one its log lines carry.
            assertThat(response.responseMetadata().requestId()).isEqualTo(requestId);
            String tail = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
            assertThat(tail).contains("START RequestId: " + requestId + " Version: $LATEST")
                    .contains("echo {tail=true}")
                    .contains("echo on stderr")
                    .contains("\necho through the context logger\n")
                    .contains("END RequestId: " + requestId)
                    .containsPattern("REPORT RequestId: " + requestId + "\tDuration: [0-9.]+ ms\tBilled Duration: \\d+ ms"
                            + "\tMemory Size: 256 MB\tMax Memory Used: [1-9]\\d* MB");

            List<String> lines = awaitLogLines(logs, "/aws/lambda/echo", requestId);
            assertThat(lines).contains("START RequestId: " + requestId + " Version: $LATEST", "echo {tail=true}",
                    "echo on stderr", "echo through the context logger", "END RequestId: " + requestId);
            assertThat(lines).anyMatch(line -> line.startsWith("REPORT RequestId: " + requestId));
        }
    }

    static List<String> awaitLogLines(CloudWatchLogsClient logs, String group, String requestId)
            throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try {
                List<String> lines = logs.filterLogEventsPaginator(r -> r.logGroupName(group)).events().stream()
                        .map(e -> e.message()).collect(Collectors.toList());
                if (lines.stream().anyMatch(l -> l.startsWith("REPORT RequestId: " + requestId))) {
                    return lines;
                }
            } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException notYet) {
                // the group is made with the first lines
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No REPORT line for " + requestId + " in " + group);
    }

    @Test
    void anExceptionIsAnUnhandledFunctionErrorWithAwssErrorDocument() {
        try (LambdaClient lambda = lambda()) {
            lambda.createFunction(r -> r.functionName("failing").runtime("java17").role(role)
                    .handler(HANDLERS + "MisbehavingHandlers::fail").code(c -> c.zipFile(FunctionZips.handlers())));
            lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName("failing"));

            InvokeResponse response = invoke(lambda, "failing", "{\"order\": 7}");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.functionError()).isEqualTo("Unhandled");
            JsonNode error = json(response.payload());
            assertThat(error.path("errorMessage").asText()).isEqualTo("boom: 7");
            assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(error.path("stackTrace").isArray()).isTrue();
        }
    }

    @Test
    void anUnhandledExceptionIsLoggedInsideItsOwnInvocationAsTheRuntimeClientPrintsIt() throws Exception {
        try (LambdaClient lambda = lambda(); CloudWatchLogsClient logs = cloud.client(CloudWatchLogsClient.builder())) {
            lambda.createFunction(r -> r.functionName("failing-logged").runtime("java17").role(role)
                    .handler(HANDLERS + "MisbehavingHandlers::fail").code(c -> c.zipFile(FunctionZips.handlers())));
            lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName("failing-logged"));

            InvokeResponse tailed = lambda.invoke(r -> r.functionName("failing-logged").logType(LogType.TAIL)
                    .payload(SdkBytes.fromUtf8String("{\"order\": 8}")));
            List<String> tail = List.of(new String(Base64.getDecoder().decode(tailed.logResult()), StandardCharsets.UTF_8)
                    .split("\n"));
            assertThat(tail).anyMatch(line -> line.contains("java.lang.IllegalStateException: boom: 8"));
            assertThat(lineOf(tail, "boom: 8")).isBetween(lineOf(tail, "START RequestId: "), lineOf(tail, "END RequestId: "));

            lambda.invoke(r -> r.functionName("failing-logged").invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String("{\"order\": 9}")));
            List<String> lines = List.of();
            for (int i = 0; i < 100 && lines.stream().filter(l -> l.startsWith("REPORT RequestId: ")).count() < 2; i++) {
                Thread.sleep(50);
                lines = logs.filterLogEventsPaginator(r -> r.logGroupName("/aws/lambda/failing-logged")).events().stream()
                        .map(e -> e.message()).toList();
            }
            int error = lineOf(lines, "boom: 9");
            String start = lines.subList(0, error).stream().filter(l -> l.startsWith("START RequestId: ")).reduce((a, b) -> b)
                    .orElseThrow();
            String requestId = start.substring("START RequestId: ".length()).split(" ")[0];
            assertThat(lines.subList(error, lines.size())).as("the error comes before its invocation's END")
                    .filteredOn(l -> l.startsWith("END RequestId: ")).first().isEqualTo("END RequestId: " + requestId);
        }
    }

    private static int lineOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("No line with " + text + " in " + lines);
    }

    @Test
    void aTimeoutKillsTheEnvironmentAndSaysTaskTimedOut() {
        try (LambdaClient lambda = lambda()) {
            lambda.createFunction(r -> r.functionName("spinning").runtime("java17").role(role).timeout(1)
                    .handler(HANDLERS + "MisbehavingHandlers::spin").code(c -> c.zipFile(FunctionZips.handlers())));
            lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName("spinning"));

            InvokeResponse response = lambda.invoke(r -> r.functionName("spinning").logType(LogType.TAIL));
            assertThat(response.functionError()).isEqualTo("Unhandled");
            assertThat(json(response.payload()).path("errorMessage").asText())
                    .endsWith("Task timed out after 1.00 seconds");
            assertThat(new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8))
                    .contains("Task timed out after 1.00 seconds");
            // The next invocation gets a fresh environment, and the echo function never noticed.
            assertThat(lambda.invoke(r -> r.functionName("spinning")).functionError()).isEqualTo("Unhandled");
            assertThat(json(invoke(lambda, "echo", "{}").payload()).path("functionName").asText()).isEqualTo("echo");
        }
    }

    @Test
    void exitOutOfMemoryAndABrokenInitFailOnlyTheirOwnInvocation() {
        try (LambdaClient lambda = lambda()) {
            lambda.createFunction(r -> r.functionName("exiting").runtime("java17").role(role)
                    .handler(HANDLERS + "MisbehavingHandlers::exit").code(c -> c.zipFile(FunctionZips.handlers())));
            lambda.createFunction(r -> r.functionName("hungry").runtime("java17").role(role).memorySize(128)
                    .timeout(30).handler(HANDLERS + "MisbehavingHandlers::exhaustMemory")
                    .code(c -> c.zipFile(FunctionZips.handlers())));
            lambda.createFunction(r -> r.functionName("broken-init").runtime("java17").role(role)
                    .handler(HANDLERS + "BrokenInitHandler::handle").code(c -> c.zipFile(FunctionZips.handlers())));
            for (String name : new String[] {"exiting", "hungry", "broken-init"}) {
                lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(name));
            }

            InvokeResponse exited = invoke(lambda, "exiting", "{}");
            assertThat(exited.functionError()).isEqualTo("Unhandled");
            assertThat(json(exited.payload()).path("errorType").asText()).isEqualTo("Runtime.ExitError");
            assertThat(json(exited.payload()).path("errorMessage").asText())
                    .endsWith("Error: Runtime exited with error: exit status 3");

            InvokeResponse outOfMemory = invoke(lambda, "hungry", "{}");
            assertThat(outOfMemory.functionError()).isEqualTo("Unhandled");
            assertThat(outOfMemory.payload().asUtf8String()).contains("OutOfMemoryError");

            InvokeResponse brokenInit = invoke(lambda, "broken-init", "{}");
            assertThat(brokenInit.functionError()).isEqualTo("Unhandled");
            assertThat(json(brokenInit.payload()).path("errorType").asText())
                    .isEqualTo("java.lang.ExceptionInInitializerError");
            assertThat(json(brokenInit.payload()).path("errorMessage").asText())
                    .isEqualTo("Error loading class " + HANDLERS + "BrokenInitHandler");

            assertThat(json(invoke(lambda, "echo", "{\"still\": \"here\"}").payload()).path("input").path("still")
                    .asText()).isEqualTo("here");
        }
    }

    @Test
    void aResponseOverSixMegabytesIsNotReturnedButReplacedByLambdasError() {
        try (LambdaClient lambda = lambda()) {
            lambda.createFunction(r -> r.functionName("talkative").runtime("java17").role(role).memorySize(512)
                    .handler(HANDLERS + "MisbehavingHandlers::answerTooMuch")
                    .code(c -> c.zipFile(FunctionZips.handlers())));
            lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName("talkative"));

            InvokeResponse response = invoke(lambda, "talkative", "{}");

            assertThat(response.functionError()).isEqualTo("Unhandled");
            assertThat(json(response.payload()).path("errorType").asText()).isEqualTo("Function.ResponseSizeTooLarge");
            assertThat(json(response.payload()).path("errorMessage").asText())
                    .isEqualTo("Response payload size exceeded maximum allowed payload size (6291456 bytes).");
        }
    }

    @Test
    void anSdkCallInsideTheHandlerIsMadeAsTheExecutionRoleAndJudgedByIam() {
        try (LambdaClient lambda = lambda(); IamClient iam = cloud.client(IamClient.builder())) {
            iam.createRole(r -> r.roleName("not-for-functions").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
                    "Principal":{"AWS":"arn:aws:iam::000000000000:root"},"Action":"sts:AssumeRole"}]}"""));
            lambda.createFunction(r -> r.functionName("who-am-i").runtime("java17").role(role).timeout(60)
                    .memorySize(512).handler(HANDLERS + "WhoAmIHandler")
                    .code(c -> c.zipFile(FunctionZips.handlersWithSdk())));
            lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName("who-am-i"));

            JsonNode refused = json(invoke(lambda, "who-am-i", "{}").payload());
            assertThat(refused.path("arn").asText())
                    .isEqualTo("arn:aws:sts::000000000000:assumed-role/fn-invoke-role/who-am-i");
            assertThat(refused.path("refused").asText()).isEqualTo("AccessDenied");

            iam.putRolePolicy(r -> r.roleName("fn-invoke-role").policyName("may-assume").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",\
                    "Resource":"arn:aws:iam::000000000000:role/not-for-functions"}]}"""));
            JsonNode allowed = json(invoke(lambda, "who-am-i", "{}").payload());
            assertThat(allowed.path("assumed").asText()).isEqualTo("yes");
        }
    }

    @Test
    void invokeRefusesWhatLambdaRefuses() {
        try (LambdaClient lambda = lambda()) {
            assertThatThrownBy(() -> invoke(lambda, "echo", "not json"))
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequestContentException");
                    });
            assertThatThrownBy(() -> invoke(lambda, "nobody", "{}"))
                    .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Function not found: arn:aws:lambda:us-east-1:000000000000:function:nobody"));
            byte[] big = new byte[6_291_457];
            java.util.Arrays.fill(big, (byte) ' ');
            assertThatThrownBy(() -> lambda.invoke(r -> r.functionName("echo").payload(SdkBytes.fromByteArray(big))))
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(413);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestTooLargeException");
                    });
            assertThat(lambda.invoke(r -> r.functionName("echo").invocationType(InvocationType.DRY_RUN)).statusCode())
                    .isEqualTo(204);

            lambda.putFunctionConcurrency(r -> r.functionName("echo").reservedConcurrentExecutions(0));
            try {
                assertThatThrownBy(() -> invoke(lambda, "echo", "{}"))
                        .isInstanceOfSatisfying(LambdaException.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(429);
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TooManyRequestsException");
                            assertThat(e.awsErrorDetails().sdkHttpResponse().statusCode()).isEqualTo(429);
                        });
                assertThat(lambda.getFunction(r -> r.functionName("echo")).concurrency().reservedConcurrentExecutions())
                        .isZero();
            } finally {
                lambda.deleteFunctionConcurrency(r -> r.functionName("echo"));
            }
        }
    }
}
