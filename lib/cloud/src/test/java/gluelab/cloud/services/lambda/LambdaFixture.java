package gluelab.cloud.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.testing.RunningLabCloud;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** The roles and functions the Lambda tests share, made as a learner makes them on AWS. */
final class LambdaFixture {

    static final String ACCOUNT = "000000000000";
    static final String LAMBDA_TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},\
            "Action":"sts:AssumeRole"}]}""";
    static final String GLUE_TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"glue.amazonaws.com"},\
            "Action":"sts:AssumeRole"}]}""";
    static final String BASIC_EXECUTION = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
    static final String SQS_QUEUE_EXECUTION = "arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole";

    private LambdaFixture() {
    }

    /** A role Lambda may assume, allowed to write its logs (AWSLambdaBasicExecutionRole); idempotent. */
    static String executionRole(RunningLabCloud cloud, String name) {
        try (IamClient iam = cloud.client(IamClient.builder())) {
            try {
                iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(LAMBDA_TRUST));
            } catch (EntityAlreadyExistsException alreadyThere) {
                // made by an earlier test
            }
            iam.attachRolePolicy(r -> r.roleName(name).policyArn(BASIC_EXECUTION));
        }
        return "arn:aws:iam::" + ACCOUNT + ":role/" + name;
    }

    /** An execution role that may also poll SQS queues (AWSLambdaSQSQueueExecutionRole), as a mapping needs. */
    static String queuePollingRole(RunningLabCloud cloud, String name) {
        String role = executionRole(cloud, name);
        try (IamClient iam = cloud.client(IamClient.builder())) {
            iam.attachRolePolicy(r -> r.roleName(name).policyArn(SQS_QUEUE_EXECUTION));
        }
        return role;
    }

    /** A role that trusts Glue, not Lambda. */
    static String glueOnlyRole(RunningLabCloud cloud, String name) {
        try (IamClient iam = cloud.client(IamClient.builder())) {
            try {
                iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(GLUE_TRUST));
            } catch (EntityAlreadyExistsException alreadyThere) {
                // made by an earlier test
            }
        }
        return "arn:aws:iam::" + ACCOUNT + ":role/" + name;
    }

    /** Creates a function of the test handlers and waits until it is Active, as a notebook does. */
    static CreateFunctionResponse createActive(LambdaClient lambda, String name, String handler, String role,
                                               int timeoutSeconds) {
        CreateFunctionResponse created = lambda.createFunction(r -> r.functionName(name).runtime(Runtime.JAVA17)
                .handler(handler).role(role).timeout(timeoutSeconds).memorySize(256)
                .code(c -> c.zipFile(FunctionZips.handlers())));
        lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(name));
        return created;
    }

    /** The events the recorder function logged ("record <event>"), oldest first: what a destination received. */
    static List<JsonNode> recordedEvents(CloudWatchLogsClient logs) {
        return loggedLines(logs, "recorder", "record ").stream().map(line -> {
            try {
                return new ObjectMapper().readTree(line);
            } catch (java.io.IOException bad) {
                throw new IllegalStateException(bad);
            }
        }).toList();
    }

    /** What a function logged after {@code prefix} on lines starting with it, oldest first. */
    static List<String> loggedLines(CloudWatchLogsClient logs, String function, String prefix) {
        try {
            return logs.filterLogEventsPaginator(r -> r.logGroupName("/aws/lambda/" + function)).events().stream()
                    .filter(e -> e.message().startsWith(prefix))
                    .map(e -> e.message().substring(prefix.length()).strip()).toList();
        } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException none) {
            return List.of();
        }
    }
}
