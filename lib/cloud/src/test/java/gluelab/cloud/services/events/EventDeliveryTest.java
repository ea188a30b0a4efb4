package gluelab.cloud.services.events;

import static gluelab.cloud.services.glue.jobs.GlueLabSupport.advanceClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.state.Json;
import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** Scheduled rules, retries on the lab clock, and what is given up: the timeline shows each step. */
class EventDeliveryTest {

    /** A queue of a service Lab Cloud does not have yet: every delivery fails as retryable, so retries can be watched. */
    static final String AWAITED_TOPIC = "arn:aws:sns:us-east-1:000000000000:not-here-yet";

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();
    static EventBridgeClient events;

    @BeforeAll
    static void client() {
        events = cloud.client(EventBridgeClient.builder());
    }

    @AfterAll
    static void closeClient() {
        events.close();
    }

    @Test
    void aScheduledRuleSendsOneScheduledEventPerFireTimeWhenTheClockIsAdvanced() throws Exception {
        events.createEventBus(r -> r.name("ticks"));
        events.putRule(r -> r.name("tick-seen").eventBusName("ticks").eventPattern("{\"source\":[\"aws.events\"]}"));
        String ruleArn = events.putRule(r -> r.name("every-10").scheduleExpression("rate(10 minutes)")).ruleArn();
        events.putTargets(r -> r.rule("every-10").targets(t -> t.id("ticks")
                .arn("arn:aws:events:us-east-1:000000000000:event-bus/ticks")));

        JsonNode advance = advanceClock(cloud, Duration.ofMinutes(60));

        List<String> fired = new ArrayList<>();
        advance.path("fired").forEach(f -> {
            if (f.path("name").asText().equals("ScheduledRule")) {
                fired.add(f.path("time").asText());
            }
        });
        assertThat(fired).hasSizeBetween(6, 7);
        List<JsonNode> delivered = EventsTimeline.await(cloud, EventTimeline.TARGET_DELIVERED, fired.size(),
                EventsTimeline.forRule(ruleArn));
        assertThat(delivered).hasSize(fired.size());
        List<String> eventTimes = new ArrayList<>();
        for (JsonNode entry : delivered) {
            JsonNode event = Json.MAPPER.readTree(entry.path("detail").path("input").asText());
            assertThat(event.path("detail-type").asText()).isEqualTo("Scheduled Event");
            assertThat(event.path("source").asText()).isEqualTo("aws.events");
            assertThat(event.path("resources")).extracting(JsonNode::asText).containsExactly(ruleArn);
            assertThat(event.path("detail").isObject() && event.path("detail").isEmpty()).isTrue();
            eventTimes.add(event.path("time").asText());
        }
        assertThat(eventTimes).containsExactlyElementsOf(fired.stream()
                .map(t -> EventEnvelope.time(Instant.parse(t))).toList());

        events.disableRule(r -> r.name("every-10"));
        JsonNode quiet = advanceClock(cloud, Duration.ofMinutes(30));
        assertThat(quiet.path("fired").findValuesAsText("name")).doesNotContain("ScheduledRule");
    }

    @Test
    void aFailedDeliveryIsRetriedWithBackoffOnTheLabClockThenSentToTheDeadLetterQueue() {
        String ruleArn = events.putRule(r -> r.name("retried").eventPattern("{\"source\":[\"lab.retry\"]}")).ruleArn();
        events.putTargets(r -> r.rule("retried").targets(t -> t.id("topic").arn(AWAITED_TOPIC)
                .retryPolicy(p -> p.maximumRetryAttempts(3).maximumEventAgeInSeconds(3600))
                .deadLetterConfig(d -> d.arn("arn:aws:sqs:us-east-1:000000000000:retried-dlq"))));

        events.putEvents(r -> r.entries(e -> e.source("lab.retry").detailType("Try").detail("{}")));
        EventsTimeline.await(cloud, EventTimeline.DELIVERY_FAILED, 1, EventsTimeline.forRule(ruleArn));
        advanceClock(cloud, Duration.ofMinutes(1));

        List<JsonNode> attempts = EventsTimeline.await(cloud, EventTimeline.DELIVERY_FAILED, 4, EventsTimeline.forRule(ruleArn));
        assertThat(attempts).extracting(a -> a.path("detail").path("attempt").asInt()).containsExactly(1, 2, 3, 4);
        assertThat(attempts).allSatisfy(a -> {
            assertThat(a.path("detail").path("errorCode").asText()).isEqualTo("SERVICE_NOT_AVAILABLE");
            assertThat(a.path("detail").path("errorMessage").asText()).contains("sns");
        });
        for (int i = 1; i < attempts.size(); i++) {
            // Each retry is due 1 s, 2 s, 4 s after the failure before it was recorded, on the lab clock.
            Instant due = Instant.parse(attempts.get(i - 1).path("detail").path("nextAttempt").asText());
            long backoff = due.toEpochMilli() - attempts.get(i - 1).path("epochMillis").asLong();
            assertThat(backoff).as("backoff before retry " + i).isBetween((1000L << (i - 1)) - 50, (1000L << (i - 1)) + 50);
            assertThat(attempts.get(i).path("epochMillis").asLong()).as("retry " + i + " at its due time")
                    .isBetween(due.toEpochMilli(), due.toEpochMilli() + 500);
        }
        assertThat(attempts.get(3).path("detail").has("nextAttempt")).isFalse();
        List<JsonNode> deadLettered = EventsTimeline.await(cloud, EventTimeline.DEAD_LETTERED, 1, EventsTimeline.forRule(ruleArn));
        assertThat(deadLettered).singleElement().satisfies(d -> {
            assertThat(d.path("detail").path("deadLetterQueue").asText()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:retried-dlq");
            assertThat(d.path("detail").path("event").path("source").asText()).isEqualTo("lab.retry");
        });
    }

    @Test
    void aFailureNoRetryCouldFixIsGivenUpAtOnce() {
        String ruleArn = events.putRule(r -> r.name("hopeless").eventPattern("{\"source\":[\"lab.hopeless\"]}")).ruleArn();
        events.putTargets(r -> r.rule("hopeless").targets(t -> t.id("kinesis")
                .arn("arn:aws:kinesis:us-east-1:000000000000:stream/s")));

        events.putEvents(r -> r.entries(e -> e.source("lab.hopeless").detailType("Try").detail("{}")));

        List<JsonNode> dropped = EventsTimeline.await(cloud, EventTimeline.DROPPED, 1, EventsTimeline.forRule(ruleArn));
        assertThat(dropped).singleElement().satisfies(d -> assertThat(d.path("detail").path("errorMessage").asText())
                .isEqualTo("Lab Cloud's EventBridge cannot deliver to kinesis targets"));
        assertThat(EventsTimeline.entries(cloud, EventTimeline.DELIVERY_FAILED, EventsTimeline.forRule(ruleArn))).hasSize(1);
    }
}
