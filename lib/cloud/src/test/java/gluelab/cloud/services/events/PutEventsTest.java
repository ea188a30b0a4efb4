package gluelab.cloud.services.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.LabCloudConfig;
import gluelab.cloud.state.Json;
import gluelab.cloud.testing.RunningLabCloud;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

class PutEventsTest {

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

    private static PutEventsRequestEntry entry(String source, String detailType, String detail) {
        return PutEventsRequestEntry.builder().source(source).detailType(detailType).detail(detail).build();
    }

    @Test
    void eachEntryIsAcceptedOrRefusedOnItsOwnWithAwsErrorCodes() {
        PutEventsResponse response = events.putEvents(r -> r.entries(
                entry("lab.app", "Order Placed", "{\"id\":1}"),
                entry(null, "Order Placed", "{}"),
                entry("lab.app", null, "{}"),
                entry("lab.app", "Order Placed", null),
                entry("lab.app", "Order Placed", "[1,2]"),
                entry("aws.s3", "Object Created", "{}"),
                entry("lab.app", "Order Placed", "{}").toBuilder().eventBusName("no-such-bus").build()));

        assertThat(response.failedEntryCount()).isEqualTo(6);
        List<PutEventsResultEntry> results = response.entries();
        assertThat(results.get(0).eventId()).matches("[0-9a-f-]{36}");
        assertThat(results.subList(1, 7)).extracting(PutEventsResultEntry::errorCode).containsExactly(
                "InvalidArgument", "InvalidArgument", "InvalidArgument", "MalformedDetail",
                "NotAuthorizedForSourceException", "ResourceNotFoundException");
        assertThat(results.get(1).errorMessage()).isEqualTo("Parameter Source is not valid. Reason: Source is a required argument.");
        assertThat(results.get(2).errorMessage())
                .isEqualTo("Parameter DetailType is not valid. Reason: DetailType is a required argument.");
        assertThat(results.get(3).errorMessage()).isEqualTo("Parameter Detail is not valid. Reason: Detail is a required argument.");
        assertThat(results.get(4).errorMessage()).isEqualTo("Detail is malformed.");
        assertThat(results.get(5).errorMessage()).isEqualTo("Not authorized for the source.");
        assertThat(results.get(6).errorMessage()).isEqualTo("Event bus no-such-bus does not exist.");
    }

    @Test
    void aRequestTakesAtMostTenEntriesAnd256Kilobytes() {
        List<PutEventsRequestEntry> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(entry("lab.app", "Tick", "{}"));
        }
        assertThatThrownBy(() -> events.putEvents(r -> r.entries(eleven)))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .endsWith("at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10"));

        String big = "{\"blob\":\"" + "x".repeat(130 * 1024) + "\"}";
        assertThatThrownBy(() -> events.putEvents(r -> r.entries(entry("lab.app", "Big", big), entry("lab.app", "Big", big))))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Total size of the entries in the request is over the limit.");
                });
        assertThat(events.putEvents(r -> r.entries(entry("lab.app", "Big", big))).failedEntryCount()).isZero();
    }

    @Test
    void anEventMatchingARuleReachesABusTargetAndItsRulesInAwsEnvelope() throws Exception {
        events.createEventBus(r -> r.name("downstream"));
        String downstreamRule = events.putRule(r -> r.name("arrivals").eventBusName("downstream")
                .eventPattern("{\"source\":[\"lab.shop\"]}")).ruleArn();
        String forwardRule = events.putRule(r -> r.name("forward-orders")
                .eventPattern("{\"source\":[\"lab.shop\"],\"detail\":{\"total\":[{\"numeric\":[\">\",100]}]}}")).ruleArn();
        events.putTargets(r -> r.rule("forward-orders").targets(t -> t.id("downstream")
                .arn("arn:aws:events:us-east-1:000000000000:event-bus/downstream")));

        String small = events.putEvents(r -> r.entries(entry("lab.shop", "Order Placed", "{\"total\":20}")))
                .entries().get(0).eventId();
        String large = events.putEvents(r -> r.entries(entry("lab.shop", "Order Placed", "{\"total\":250}")
                .toBuilder().resources("arn:aws:lab:order/7").build())).entries().get(0).eventId();

        List<JsonNode> delivered = EventsTimeline.await(cloud, EventTimeline.TARGET_DELIVERED, 1,
                EventsTimeline.forRule(forwardRule));
        assertThat(delivered).singleElement().satisfies(e -> assertThat(e.path("detail").path("eventId").asText()).isEqualTo(large));
        JsonNode envelope = Json.MAPPER.readTree(delivered.get(0).path("detail").path("input").asText());
        assertThat(envelope.path("version").asText()).isEqualTo("0");
        assertThat(envelope.path("id").asText()).isEqualTo(large);
        assertThat(envelope.path("detail-type").asText()).isEqualTo("Order Placed");
        assertThat(envelope.path("source").asText()).isEqualTo("lab.shop");
        assertThat(envelope.path("account").asText()).isEqualTo("000000000000");
        assertThat(envelope.path("region").asText()).isEqualTo("us-east-1");
        assertThat(envelope.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(envelope.path("resources").get(0).asText()).isEqualTo("arn:aws:lab:order/7");
        assertThat(envelope.path("detail").path("total").asInt()).isEqualTo(250);

        List<JsonNode> arrived = EventsTimeline.await(cloud, EventTimeline.RULE_MATCHED, 1,
                EventsTimeline.forRule(downstreamRule));
        assertThat(arrived).extracting(e -> e.path("detail").path("eventId").asText()).containsExactly(large)
                .doesNotContain(small);
    }

    @Test
    void anotherAccountPutsEventsOnASharedBusOnlyOnceItsPolicyAllowsIt() {
        events.createEventBus(r -> r.name("central"));
        String busArn = "arn:aws:events:us-east-1:000000000000:event-bus/central";
        try (EventBridgeClient partner = cloud.client(EventBridgeClient.builder(), StaticCredentialsProvider.create(
                AwsBasicCredentials.create("test-b", "test-b")))) {
            PutEventsRequestEntry toCentral = entry("partner.app", "Hello", "{}").toBuilder().eventBusName(busArn).build();

            PutEventsResultEntry refused = partner.putEvents(r -> r.entries(toCentral)).entries().get(0);
            assertThat(refused.errorCode()).isEqualTo("AccessDeniedException");
            assertThat(refused.errorMessage()).contains("is not authorized to perform: events:PutEvents on resource: " + busArn);

            events.putPermission(r -> r.eventBusName("central").statementId("partner").principal(LabCloudConfig.SECOND_ACCOUNT)
                    .action("events:PutEvents"));
            assertThat(partner.putEvents(r -> r.entries(toCentral)).failedEntryCount()).isZero();
        }
    }
}
