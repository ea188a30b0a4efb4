package gluelab.cloud.services.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.state.Json;
import gluelab.cloud.testing.RunningLabCloud;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * SQS queues as rule targets: the event arrives as a message when the queue's policy lets
 * {@code events.amazonaws.com} send to it, as on AWS; a FIFO queue gets the target's MessageGroupId; a queue is also
 * where an event given up on goes, as the target's dead-letter queue.
 */
class EventSqsTargetsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static EventBridgeClient events;
    static SqsClient sqs;

    @BeforeAll
    static void clients() {
        events = cloud.client(EventBridgeClient.builder());
        sqs = cloud.client(SqsClient.builder());
    }

    @AfterAll
    static void closeClients() {
        events.close();
        sqs.close();
    }

    private static String queueForEvents(String name, Map<String, String> attributes, String ruleArn) {
        String arn = "arn:aws:sqs:us-east-1:000000000000:" + name;
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"events.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + arn + "\","
                + "\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"" + ruleArn + "\"}}}]}";
        Map<String, String> all = new java.util.HashMap<>(attributes);
        all.put("Policy", policy);
        return sqs.createQueue(r -> r.queueName(name).attributesWithStrings(all)).queueUrl();
    }

    @Test
    void aMatchedEventArrivesAsAMessageInAQueueWhosePolicyLetsEventBridgeSend() throws Exception {
        String ruleArn = events.putRule(r -> r.name("to-queue").eventPattern("{\"source\":[\"lab.orders\"]}"))
                .ruleArn();
        String url = queueForEvents("order-events", Map.of(), ruleArn);
        events.putTargets(r -> r.rule("to-queue").targets(t -> t.id("q")
                .arn("arn:aws:sqs:us-east-1:000000000000:order-events")));

        events.putEvents(r -> r.entries(e -> e.source("lab.orders").detailType("Order Placed").detail("{\"id\":7}")));

        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(10)).messages();
        assertThat(messages).hasSize(1);
        JsonNode event = Json.MAPPER.readTree(messages.get(0).body());
        assertThat(event.path("source").asText()).isEqualTo("lab.orders");
        assertThat(event.path("detail").path("id").asInt()).isEqualTo(7);
    }

    @Test
    void aQueueWithoutAPolicyForEventBridgeGetsNothingAndTheFailureIsOnTheTimeline() {
        String url = sqs.createQueue(r -> r.queueName("closed")).queueUrl();
        String ruleArn = events.putRule(r -> r.name("to-closed").eventPattern("{\"source\":[\"lab.closed\"]}"))
                .ruleArn();
        events.putTargets(r -> r.rule("to-closed").targets(t -> t.id("q")
                .arn("arn:aws:sqs:us-east-1:000000000000:closed")));

        events.putEvents(r -> r.entries(e -> e.source("lab.closed").detailType("X").detail("{}")));

        List<JsonNode> failed = EventsTimeline.await(cloud, EventTimeline.DELIVERY_FAILED, 1,
                EventsTimeline.forRule(ruleArn));
        assertThat(failed.get(0).path("detail").path("errorCode").asText()).isEqualTo("NO_PERMISSIONS");
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).isEmpty();
    }

    @Test
    void aFifoQueueTargetGetsTheTargetsMessageGroupId() {
        String ruleArn = events.putRule(r -> r.name("to-fifo").eventPattern("{\"source\":[\"lab.fifo\"]}"))
                .ruleArn();
        String url = queueForEvents("ordered.fifo", Map.of("FifoQueue", "true", "ContentBasedDeduplication", "true"),
                ruleArn);
        events.putTargets(r -> r.rule("to-fifo").targets(t -> t.id("q")
                .arn("arn:aws:sqs:us-east-1:000000000000:ordered.fifo").sqsParameters(p -> p.messageGroupId("g-1"))));

        events.putEvents(r -> r.entries(e -> e.source("lab.fifo").detailType("X").detail("{}")));

        Message message = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID)).messages().get(0);
        assertThat(message.attributesAsStrings()).containsEntry("MessageGroupId", "g-1");
    }

    @Test
    void anEventGivenUpOnGoesToTheTargetsDeadLetterQueueWithWhyAsMessageAttributes() throws Exception {
        String ruleArn = events.putRule(r -> r.name("doomed").eventPattern("{\"source\":[\"lab.doomed\"]}"))
                .ruleArn();
        String url = queueForEvents("doomed-dlq", Map.of(), ruleArn);
        String topic = "arn:aws:sns:us-east-1:000000000000:not-here-yet";
        events.putTargets(r -> r.rule("doomed").targets(t -> t.id("topic").arn(topic)
                .retryPolicy(p -> p.maximumRetryAttempts(0))
                .deadLetterConfig(d -> d.arn("arn:aws:sqs:us-east-1:000000000000:doomed-dlq"))));

        events.putEvents(r -> r.entries(e -> e.source("lab.doomed").detailType("X").detail("{\"n\":1}")));

        Message dead = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(10).messageAttributeNames("All"))
                .messages().get(0);
        assertThat(Json.MAPPER.readTree(dead.body()).path("source").asText()).isEqualTo("lab.doomed");
        assertThat(dead.messageAttributes().get("ERROR_CODE").stringValue()).isEqualTo("SERVICE_NOT_AVAILABLE");
        assertThat(dead.messageAttributes().get("RULE_ARN").stringValue()).isEqualTo(ruleArn);
        assertThat(dead.messageAttributes().get("TARGET_ARN").stringValue()).isEqualTo(topic);
        assertThat(dead.messageAttributes().get("RETRY_ATTEMPTS").stringValue()).isEqualTo("0");
    }
}
