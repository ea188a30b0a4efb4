package gluelab.cloud.services.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Task states that call SQS, DynamoDB and EventBridge through their optimized integrations, and any operation
 * through {@code aws-sdk:*}, with PascalCase parameters and results and errors named
 * {@code <Service>.<Error>Exception}, and a task that waits for a callback with its token
 * ({@code .waitForTaskToken}), as the Step Functions Developer Guide describes them.
 */
class ServiceTasksTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String role() {
        return StepFunctionsFixture.role(cloud, "sfn-services", "sqs:SendMessage", "sqs:GetQueueUrl",
                "dynamodb:PutItem", "dynamodb:GetItem", "events:PutEvents");
    }

    @Test
    void sqsSendMessageSendsTheBodyAndAnswersWithTheMessageId() throws Exception {
        try (SqsClient sqs = cloud.client(SqsClient.builder()); SfnClient sfn = cloud.client(SfnClient.builder())) {
            String url = sqs.createQueue(r -> r.queueName("sfn-orders")).queueUrl();
            DescribeExecutionResponse done = StepFunctionsFixture.run(sfn, role(), """
                    {"StartAt":"Send","States":{"Send":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",\
                    "Parameters":{"QueueUrl":"%s","MessageBody.$":"States.JsonToString($.order)"},"End":true}}}"""
                    .formatted(url), "{\"order\":{\"id\":5}}");
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            String messageId = JSON.readTree(done.output()).path("MessageId").asText();
            List<Message> received = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(5)).messages();
            assertThat(received).extracting(Message::body).containsExactly("{\"id\":5}");
            assertThat(received.get(0).messageId()).isEqualTo(messageId);
        }
    }

    @Test
    void aWaitForTaskTokenTaskWaitsUntilSendTaskSuccessOrFailureWithItsToken() throws Exception {
        try (SqsClient sqs = cloud.client(SqsClient.builder()); SfnClient sfn = cloud.client(SfnClient.builder())) {
            String url = sqs.createQueue(r -> r.queueName("sfn-approvals")).queueUrl();
            String machine = StepFunctionsFixture.machine(sfn, role(), """
                    {"StartAt":"Ask","States":{"Ask":{"Type":"Task",\
                    "Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",\
                    "Parameters":{"QueueUrl":"%s","MessageBody":{"token.$":"$$.Task.Token","order.$":"$.order"}},\
                    "End":true}}}""".formatted(url));
            String approved = sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"order\":1}"))
                    .executionArn();
            JsonNode asked = JSON.readTree(sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(10)).messages()
                    .get(0).body());
            assertThat(asked.path("order").asInt()).isEqualTo(1);
            assertThat(sfn.describeExecution(r -> r.executionArn(approved)).status())
                    .isEqualTo(ExecutionStatus.RUNNING);
            assertThat(sfn.getExecutionHistory(r -> r.executionArn(approved)).events())
                    .extracting(e -> e.typeAsString()).contains("TaskSubmitted");
            sfn.sendTaskHeartbeat(r -> r.taskToken(asked.path("token").asText()));
            sfn.sendTaskSuccess(r -> r.taskToken(asked.path("token").asText()).output("{\"approved\":true}"));
            DescribeExecutionResponse done = StepFunctionsFixture.finished(sfn, approved);
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(done.output()).isEqualTo("{\"approved\":true}");

            String rejected = sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"order\":2}"))
                    .executionArn();
            String token = JSON.readTree(sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(10)).messages()
                    .get(0).body()).path("token").asText();
            sfn.sendTaskFailure(r -> r.taskToken(token).error("Rejected").cause("not in stock"));
            DescribeExecutionResponse failed = StepFunctionsFixture.finished(sfn, rejected);
            assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(failed.error()).isEqualTo("Rejected");
            assertThat(failed.cause()).isEqualTo("not in stock");
            assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken(token).output("{}")))
                    .isInstanceOfSatisfying(SfnException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidToken"));
        }
    }

    @Test
    void aCallbackTaskWithoutAHeartbeatWithinHeartbeatSecondsTimesOutOnTheLabClock() throws Exception {
        try (SqsClient sqs = cloud.client(SqsClient.builder()); SfnClient sfn = cloud.client(SfnClient.builder())) {
            String url = sqs.createQueue(r -> r.queueName("sfn-heartbeats")).queueUrl();
            String machine = StepFunctionsFixture.machine(sfn, role(), """
                    {"StartAt":"Work","States":{"Work":{"Type":"Task","HeartbeatSeconds":60,\
                    "Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",\
                    "Parameters":{"QueueUrl":"%s","MessageBody.$":"$$.Task.Token"},"End":true}}}""".formatted(url));
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
            String token = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(10)).messages().get(0).body();
            LabAdmin.advanceClock(cloud, Duration.ofSeconds(45));
            sfn.sendTaskHeartbeat(r -> r.taskToken(token));
            LabAdmin.advanceClock(cloud, Duration.ofSeconds(45));
            assertThat(sfn.describeExecution(r -> r.executionArn(execution)).status())
                    .as("a heartbeat 45 s ago keeps it waiting").isEqualTo(ExecutionStatus.RUNNING);
            LabAdmin.advanceClock(cloud, Duration.ofSeconds(20));
            DescribeExecutionResponse done = StepFunctionsFixture.finished(sfn, execution);
            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(done.error()).isEqualTo("States.HeartbeatTimeout");
            assertThat(sfn.getExecutionHistory(r -> r.executionArn(execution)).events())
                    .extracting(e -> e.typeAsString()).contains("TaskTimedOut");
        }
    }

    @Test
    void dynamodbPutItemThenGetItemReadsTheItemBack() throws Exception {
        try (DynamoDbClient ddb = cloud.client(DynamoDbClient.builder());
             SfnClient sfn = cloud.client(SfnClient.builder())) {
            ddb.createTable(r -> r.tableName("sfn-items").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
            ddb.waiter().waitUntilTableExists(r -> r.tableName("sfn-items"));
            DescribeExecutionResponse done = StepFunctionsFixture.run(sfn, role(), """
                    {"StartAt":"Put","States":{\
                    "Put":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","ResultPath":null,\
                    "Parameters":{"TableName":"sfn-items","Item":{"pk":{"S.$":"$.id"},"n":{"N":"3"}}},"Next":"Get"},\
                    "Get":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem",\
                    "Parameters":{"TableName":"sfn-items","Key":{"pk":{"S.$":"$.id"}}},\
                    "ResultSelector":{"n.$":"$.Item.n.N"},"End":true}}}""", "{\"id\":\"item-1\"}");
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(JSON.readTree(done.output())).isEqualTo(JSON.readTree("{\"n\":\"3\"}"));
            assertThat(ddb.getItem(r -> r.tableName("sfn-items").key(Map.of("pk", AttributeValue.fromS("item-1"))))
                    .item()).containsEntry("n", AttributeValue.fromN("3"));
        }
    }

    @Test
    void eventsPutEventsTakesTheDetailAsJsonAndRulesMatchIt() throws Exception {
        try (EventBridgeClient events = cloud.client(EventBridgeClient.builder());
             SfnClient sfn = cloud.client(SfnClient.builder())) {
            String rule = events.putRule(r -> r.name("sfn-published").eventPattern("""
                    {"source":["lab.sfn"],"detail":{"step":["priced"]}}""")).ruleArn();
            DescribeExecutionResponse done = StepFunctionsFixture.run(sfn, role(), """
                    {"StartAt":"Publish","States":{"Publish":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents",\
                    "Parameters":{"Entries":[{"Source":"lab.sfn","DetailType":"Order Step",\
                    "Detail":{"step":"priced","id.$":"$.id"}}]},"End":true}}}""", "{\"id\":9}");
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            JsonNode output = JSON.readTree(done.output());
            assertThat(output.path("FailedEntryCount").asInt()).isZero();
            assertThat(output.path("Entries").get(0).path("EventId").asText()).isNotBlank();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (LabAdmin.events(cloud, "events", "Rule Matched").stream()
                    .noneMatch(e -> e.path("detail").path("rule").asText().equals(rule))) {
                assertThat(System.nanoTime()).as("the rule matched").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    @Test
    void anAwsSdkCallsErrorIsNamedServiceAndErrorWithTheExceptionSuffixAndCatchable() throws Exception {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            DescribeExecutionResponse failed = StepFunctionsFixture.run(sfn, role(), """
                    {"StartAt":"Find","States":{"Find":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:sqs:getQueueUrl",\
                    "Parameters":{"QueueName":"sfn-no-such-queue"},"End":true}}}""", "{}");
            assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(failed.error()).isEqualTo("Sqs.QueueDoesNotExistException");

            DescribeExecutionResponse caught = StepFunctionsFixture.run(sfn, role(), """
                    {"StartAt":"Find","States":{"Find":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:sqs:getQueueUrl",\
                    "Parameters":{"QueueName":"sfn-no-such-queue"},\
                    "Catch":[{"ErrorEquals":["Sqs.QueueDoesNotExistException"],"Next":"Missing"}],"End":true},\
                    "Missing":{"Type":"Pass","Result":"no queue","End":true}}}""", "{}");
            assertThat(caught.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(caught.output()).isEqualTo("\"no queue\"");
        }
    }
}
