package gluelab.cloud.services.events;

import static gluelab.cloud.testing.ConsolePages.field;
import static gluelab.cloud.testing.ConsolePages.links;
import static gluelab.cloud.testing.ConsolePages.page;
import static gluelab.cloud.testing.ConsolePages.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.testing.RunningLabCloud;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** EventBridge in the web console: the rules of every bus, and a rule's pattern and targets. */
class RulesConsoleViewTest {

    private static final String PATTERN = "{\"source\":[\"aws.s3\"],\"detail-type\":[\"Object Created\"]}";

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void rulesOfEveryBusAreListedAndARuleShowsItsPatternAndTargets() {
        try (EventBridgeClient events = cloud.client(EventBridgeClient.builder())) {
            events.createEventBus(r -> r.name("console-bus"));
            events.putRule(r -> r.name("on-upload").eventPattern(PATTERN));
            events.putRule(r -> r.name("nightly").scheduleExpression("cron(0 2 * * ? *)"));
            events.putRule(r -> r.name("orders").eventBusName("console-bus").eventPattern("{\"source\":[\"shop\"]}"));
            events.putTargets(r -> r.rule("on-upload").targets(t -> t.id("queue")
                    .arn("arn:aws:sqs:us-east-1:000000000000:uploads")));
        }

        JsonNode list = page(cloud, "events");
        assertThat(rows(list, "Rules")).extracting(row -> row.subList(0, 4)).containsExactlyInAnyOrder(
                List.of("on-upload", "default", "ENABLED", PATTERN),
                List.of("nightly", "default", "ENABLED", "cron(0 2 * * ? *)"),
                List.of("orders", "console-bus", "ENABLED", "{\"source\":[\"shop\"]}"));
        assertThat(links(list, "Rules")).contains("events/rules/console-bus/orders");

        JsonNode rule = page(cloud, "events/rules/default/on-upload");
        assertThat(field(rule, "Rule", "Event pattern")).isEqualTo(PATTERN);
        assertThat(rows(rule, "Targets")).extracting(row -> row.subList(0, 2))
                .containsExactly(List.of("queue", "arn:aws:sqs:us-east-1:000000000000:uploads"));
    }
}
