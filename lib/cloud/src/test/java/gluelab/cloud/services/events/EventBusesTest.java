package gluelab.cloud.services.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.EventBus;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Tag;

class EventBusesTest {

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
    void everyAccountHasADefaultBusThatCannotBeDeleted() {
        DescribeEventBusResponse bus = events.describeEventBus(r -> { });

        assertThat(bus.name()).isEqualTo("default");
        assertThat(bus.arn()).isEqualTo("arn:aws:events:us-east-1:000000000000:event-bus/default");
        assertThat(bus.creationTime()).isNotNull();
        assertThatThrownBy(() -> events.deleteEventBus(r -> r.name("default")))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cannot delete event bus default.");
                });
    }

    @Test
    void aCustomBusIsCreatedDescribedListedAndDeleted() {
        String arn = events.createEventBus(r -> r.name("orders").description("order events")
                .tags(Tag.builder().key("team").value("data").build())).eventBusArn();

        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:000000000000:event-bus/orders");
        assertThat(events.describeEventBus(r -> r.name("orders")).description()).isEqualTo("order events");
        assertThat(events.describeEventBus(r -> r.name(arn)).name()).as("by ARN too").isEqualTo("orders");
        assertThat(events.listEventBuses(r -> r.namePrefix("ord")).eventBuses()).extracting(EventBus::name)
                .containsExactly("orders");
        assertThat(events.listTagsForResource(r -> r.resourceARN(arn)).tags())
                .containsExactly(Tag.builder().key("team").value("data").build());
        assertThatThrownBy(() -> events.createEventBus(r -> r.name("orders")))
                .isInstanceOf(ResourceAlreadyExistsException.class).hasMessageContaining("Event bus orders already exists.");

        events.deleteEventBus(r -> r.name("orders"));

        assertThatThrownBy(() -> events.describeEventBus(r -> r.name("orders")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Event bus orders does not exist.");
        events.deleteEventBus(r -> r.name("orders"));
    }

    @Test
    void listEventBusesPagesWithLimitAndNextToken() {
        for (String name : List.of("page-a", "page-b", "page-c", "page-d", "page-e")) {
            events.createEventBus(r -> r.name(name));
        }
        ListEventBusesResponse first = events.listEventBuses(r -> r.namePrefix("page-").limit(3));
        ListEventBusesResponse second = events.listEventBuses(r -> r.namePrefix("page-").limit(3).nextToken(first.nextToken()));

        assertThat(first.eventBuses()).extracting(EventBus::name).containsExactly("page-a", "page-b", "page-c");
        assertThat(second.eventBuses()).extracting(EventBus::name).containsExactly("page-d", "page-e");
        assertThat(second.nextToken()).isNull();
        assertThatThrownBy(() -> events.listEventBuses(r -> r.limit(0)))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }

    @Test
    void putPermissionWritesTheBusPolicyAndRemovePermissionTakesStatementsOut() {
        events.createEventBus(r -> r.name("shared"));
        events.putPermission(r -> r.eventBusName("shared").statementId("partner").principal("111122223333")
                .action("events:PutEvents"));

        String policy = events.describeEventBus(r -> r.name("shared")).policy();
        assertThat(policy).contains("\"Sid\":\"partner\"", "\"AWS\":\"arn:aws:iam::111122223333:root\"",
                "\"Resource\":\"arn:aws:events:us-east-1:000000000000:event-bus/shared\"");

        assertThatThrownBy(() -> events.removePermission(r -> r.eventBusName("shared").statementId("nobody")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Statement with the provided id does not exist.");
        events.removePermission(r -> r.eventBusName("shared").statementId("partner"));
        assertThat(events.describeEventBus(r -> r.name("shared")).policy()).isNull();
    }

    @Test
    void aBusNameOutsideTheModelPatternIsAValidationError() {
        assertThatThrownBy(() -> events.createEventBus(r -> r.name("no spaces")))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("1 validation error detected: Value 'no spaces' at 'name' failed to satisfy constraint: "
                                + "Member must satisfy regular expression pattern: [/\\.\\-_A-Za-z0-9]+"));
    }
}
