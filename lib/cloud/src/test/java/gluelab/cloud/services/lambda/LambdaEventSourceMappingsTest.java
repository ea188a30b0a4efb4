package gluelab.cloud.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Event-source mappings as a resource: their API, AWS's checks and their states. */
class LambdaEventSourceMappingsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static final String QUEUE_PREFIX = "arn:aws:sqs:us-east-1:" + LambdaFixture.ACCOUNT + ":";
    static String role;

    @BeforeAll
    static void aFunctionAndItsQueues() {
        role = LambdaFixture.queuePollingRole(cloud, "esm-api-role");
        try (LambdaClient lambda = cloud.client(LambdaClient.builder());
             SqsClient sqs = cloud.client(SqsClient.builder())) {
            LambdaFixture.createActive(lambda, "esm-target", LambdaAsyncTest.HANDLERS + "SqsBatchHandler::handle",
                    role, 20);
            LambdaFixture.createActive(lambda, "esm-other", LambdaAsyncTest.HANDLERS + "SqsBatchHandler::handle",
                    role, 20);
            for (String name : new String[] {"esm-a", "esm-b", "esm-c", "esm-d"}) {
                sqs.createQueue(r -> r.queueName(name));
            }
            sqs.createQueue(r -> r.queueName("esm-f.fifo").attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")));
            sqs.createQueue(r -> r.queueName("esm-short").attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT,
                    "5")));
        }
    }

    @Test
    void aNewMappingIsCreatingThenEnabledAndIsListedByItsQueueAndByItsFunction() {
        try (LambdaClient lambda = cloud.client(LambdaClient.builder())) {
            CreateEventSourceMappingResponse created = lambda.createEventSourceMapping(r -> r
                    .functionName("esm-target").eventSourceArn(QUEUE_PREFIX + "esm-a"));

            assertThat(created.state()).isEqualTo("Creating");
            assertThat(created.uuid()).matches("[0-9a-f-]{36}");
            assertThat(created.batchSize()).isEqualTo(10);
            assertThat(created.maximumBatchingWindowInSeconds()).isZero();
            assertThat(created.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:esm-target");
            assertThat(created.stateTransitionReason()).isEqualTo("USER_INITIATED");
            assertThat(lambda.getEventSourceMapping(r -> r.uuid(created.uuid())).state()).isEqualTo("Enabled");
            assertThat(lambda.listEventSourceMappings(r -> r.eventSourceArn(QUEUE_PREFIX + "esm-a"))
                    .eventSourceMappings()).extracting(EventSourceMappingConfiguration::uuid)
                    .containsExactly(created.uuid());
            assertThat(lambda.listEventSourceMappings(r -> r.functionName("esm-target")).eventSourceMappings())
                    .extracting(EventSourceMappingConfiguration::uuid).contains(created.uuid());
            assertThat(lambda.listEventSourceMappings(r -> r.functionName("esm-other")).eventSourceMappings())
                    .extracting(EventSourceMappingConfiguration::uuid).doesNotContain(created.uuid());
        }
    }

    @Test
    void aSecondMappingOfTheSameQueueToTheSameFunctionIsAConflictNamingTheFirst() {
        try (LambdaClient lambda = cloud.client(LambdaClient.builder())) {
            String first = lambda.createEventSourceMapping(r -> r.functionName("esm-target")
                    .eventSourceArn(QUEUE_PREFIX + "esm-b")).uuid();

            assertThatThrownBy(() -> lambda.createEventSourceMapping(r -> r.functionName("esm-target")
                    .eventSourceArn(QUEUE_PREFIX + "esm-b")))
                    .isInstanceOf(ResourceConflictException.class)
                    .hasMessageContaining("already exists. Please update or delete the existing mapping with UUID "
                            + first);
        }
    }

    @Test
    void batchSettingsAreCheckedAsLambdaChecksThem() {
        try (LambdaClient lambda = cloud.client(LambdaClient.builder())) {
            assertThatThrownBy(() -> lambda.createEventSourceMapping(r -> r.functionName("esm-target")
                    .eventSourceArn(QUEUE_PREFIX + "esm-c").batchSize(0)))
                    .isInstanceOf(LambdaException.class).hasMessageContaining("'batchSize' failed to satisfy");
            assertThatThrownBy(() -> lambda.createEventSourceMapping(r -> r.functionName("esm-target")
                    .eventSourceArn(QUEUE_PREFIX + "esm-c").batchSize(100)))
                    .isInstanceOf(InvalidParameterValueException.class)
                    .hasMessageContaining("Maximum batch window in seconds must be greater than 0");
            assertThatThrownBy(() -> lambda.createEventSourceMapping(r -> r.functionName("esm-target")
                    .eventSourceArn(QUEUE_PREFIX + "esm-f.fifo").batchSize(11)))
                    .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("FIFO");
            assertThatThrownBy(() -> lambda.createEventSourceMapping(r -> r.functionName("esm-target")
                    .eventSourceArn(QUEUE_PREFIX + "esm-c").scalingConfig(s -> s.maximumConcurrency(1))))
                    .isInstanceOf(LambdaException.class)
                    .hasMessageContaining("'scalingConfig.maximumConcurrency' failed to satisfy");
            assertThatThrownBy(() -> lambda.createEventSourceMapping(r -> r.functionName("esm-target")
                    .eventSourceArn(QUEUE_PREFIX + "esm-c").functionResponseTypesWithStrings("EverythingFailed")))
                    .isInstanceOf(LambdaException.class).hasMessageContaining("functionResponseTypes");

            String uuid = lambda.createEventSourceMapping(r -> r.functionName("esm-target")
                    .eventSourceArn(QUEUE_PREFIX + "esm-c").batchSize(1000).maximumBatchingWindowInSeconds(2)
                    .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)).uuid();
            assertThat(lambda.getEventSourceMapping(r -> r.uuid(uuid)).batchSize()).isEqualTo(1000);
        }
    }

    @Test
    void aRoleThatMayNotReceiveFromTheQueueCannotMapIt() {
        String plainRole = LambdaFixture.executionRole(cloud, "esm-plain-role");
        try (LambdaClient lambda = cloud.client(LambdaClient.builder())) {
            LambdaFixture.createActive(lambda, "esm-no-sqs", LambdaAsyncTest.HANDLERS + "SqsBatchHandler::handle",
                    plainRole, 20);

            assertThatThrownBy(() -> lambda.createEventSourceMapping(r -> r.functionName("esm-no-sqs")
                    .eventSourceArn(QUEUE_PREFIX + "esm-d")))
                    .isInstanceOf(InvalidParameterValueException.class)
                    .hasMessageContaining("The provided execution role does not have permissions to call "
                            + "ReceiveMessage on SQS");
        }
    }

    @Test
    void aMissingQueueOrOneHiddenForLessThanTheFunctionsTimeoutCannotBeMapped() {
        try (LambdaClient lambda = cloud.client(LambdaClient.builder())) {
            assertThatThrownBy(() -> lambda.createEventSourceMapping(r -> r.functionName("esm-target")
                    .eventSourceArn(QUEUE_PREFIX + "no-such-queue")))
                    .isInstanceOf(InvalidParameterValueException.class)
                    .hasMessageContaining("NonExistentQueue");
            assertThatThrownBy(() -> lambda.createEventSourceMapping(r -> r.functionName("esm-target")
                    .eventSourceArn(QUEUE_PREFIX + "esm-short")))
                    .isInstanceOf(InvalidParameterValueException.class)
                    .hasMessageContaining("Queue visibility timeout: 5 seconds is less than Function timeout: 20 "
                            + "seconds");
        }
    }

    @Test
    void disablingAnswersDisablingAndStopsItsPollersAndDeletingAnswersDeletingAndRemovesIt() {
        try (LambdaClient lambda = cloud.client(LambdaClient.builder())) {
            String uuid = lambda.createEventSourceMapping(r -> r.functionName("esm-other")
                    .eventSourceArn(QUEUE_PREFIX + "esm-a").scalingConfig(s -> s.maximumConcurrency(2))).uuid();
            assertThat(pollerThreads(uuid)).as("one poller per allowed concurrent batch").isEqualTo(2);

            UpdateEventSourceMappingResponse disabled = lambda.updateEventSourceMapping(r -> r.uuid(uuid)
                    .enabled(false));
            assertThat(disabled.state()).isEqualTo("Disabling");
            assertThat(lambda.getEventSourceMapping(r -> r.uuid(uuid)).state()).isEqualTo("Disabled");
            assertThat(pollerThreads(uuid)).isZero();
            assertThat(lambda.updateEventSourceMapping(r -> r.uuid(uuid).enabled(true)).state())
                    .isEqualTo("Enabling");
            assertThat(lambda.updateEventSourceMapping(r -> r.uuid(uuid).batchSize(5)).state())
                    .isEqualTo("Updating");
            assertThat(lambda.getEventSourceMapping(r -> r.uuid(uuid)).batchSize()).isEqualTo(5);

            assertThat(lambda.deleteEventSourceMapping(r -> r.uuid(uuid)).state()).isEqualTo("Deleting");
            assertThat(pollerThreads(uuid)).isZero();
            assertThatThrownBy(() -> lambda.getEventSourceMapping(r -> r.uuid(uuid)))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageContaining("The resource you requested does not exist.");
            assertThatThrownBy(() -> lambda.deleteEventSourceMapping(r -> r.uuid(uuid)))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void aRoleThatLosesItsQueuePermissionsShowsAsTheMappingsLastProcessingResult() throws Exception {
        String losing = LambdaFixture.queuePollingRole(cloud, "esm-losing-role");
        try (LambdaClient lambda = cloud.client(LambdaClient.builder());
             SqsClient sqs = cloud.client(SqsClient.builder());
             IamClient iam = cloud.client(IamClient.builder())) {
            sqs.createQueue(r -> r.queueName("esm-losing"));
            LambdaFixture.createActive(lambda, "esm-losing", LambdaAsyncTest.HANDLERS + "SqsBatchHandler::handle",
                    losing, 20);
            String uuid = lambda.createEventSourceMapping(r -> r.functionName("esm-losing")
                    .eventSourceArn(QUEUE_PREFIX + "esm-losing")).uuid();

            iam.detachRolePolicy(r -> r.roleName("esm-losing-role").policyArn(LambdaFixture.SQS_QUEUE_EXECUTION));
            // ends the long poll the role was allowed to start; deleting the message, or the next poll, is refused
            sqs.sendMessage(r -> r.queueUrl(sqs.getQueueUrl(q -> q.queueName("esm-losing")).queueUrl())
                    .messageBody("ok-wake-up"));

            LambdaSqsPollingTest.await(() -> String.valueOf(lambda.getEventSourceMapping(r -> r.uuid(uuid))
                    .lastProcessingResult()).startsWith("PROBLEM:"), "the mapping's problem");
            assertThat(lambda.getEventSourceMapping(r -> r.uuid(uuid)).lastProcessingResult())
                    .containsPattern("is not authorized to perform: sqs:(ReceiveMessage|DeleteMessage)");
            assertThat(lambda.getEventSourceMapping(r -> r.uuid(uuid)).state()).isEqualTo("Enabled");
        }
    }

    @Test
    void aLabResetRemovesTheMappingsOfTheFunctionsItRemovesAndStopsTheirPollers() {
        try (LambdaClient lambda = cloud.client(LambdaClient.builder());
             SqsClient sqs = cloud.client(SqsClient.builder())) {
            sqs.createQueue(r -> r.queueName("esm-reset"));
            LambdaFixture.createActive(lambda, "esm-reset-fn", LambdaAsyncTest.HANDLERS + "SqsBatchHandler::handle",
                    role, 20);
            String uuid = lambda.createEventSourceMapping(r -> r.functionName("esm-reset-fn")
                    .eventSourceArn(QUEUE_PREFIX + "esm-reset")).uuid();
            assertThat(pollerThreads(uuid)).isEqualTo(QueuePollers.MAX_POLLERS);

            HttpResponse<String> reset = cloud.http(cloud.request("/_lab/reset?prefix=esm-reset-")
                    .POST(HttpRequest.BodyPublishers.noBody()));

            assertThat(reset.statusCode()).isEqualTo(200);
            assertThat(pollerThreads(uuid)).isZero();
            assertThatThrownBy(() -> lambda.getEventSourceMapping(r -> r.uuid(uuid)))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    static long pollerThreads(String uuid) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("lambda-sqs-poller-" + uuid)).count();
    }
}
