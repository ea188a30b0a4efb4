package gluelab.cloud.services.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.testing.RunningLabCloud;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * What a target receives from an InputTransformer, AWS's quoting rules as a table: inside quotes a placeholder is
 * inserted as text, outside quotes as JSON; a path that reaches nothing is an empty string. The input is read from the
 * timeline, where every delivery attempt records it (the Lambda target's delivery fails: Lambda is not here yet).
 */
class InputTransformerTest {

    static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:transformed";
    static final Map<String, String> PATHS = Map.of("state", "$.detail.state", "size", "$.detail.size",
            "obj", "$.detail.obj", "quote", "$.detail.quote", "missing", "$.detail.nothing", "first", "$.detail.items[0]");
    static final AtomicInteger RULES = new AtomicInteger();

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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"s": <state>}                         | {"s": "RUNNING"}
            {"s": "<state>"}                       | {"s": "RUNNING"}
            {"n": <size>, "t": "<size> bytes"}      | {"n": 42, "t": "42 bytes"}
            {"o": <obj>}                           | {"o": {"a":1}}
            {"o": "<obj>"}                         | {"o": "{\\"a\\":1}"}
            {"q": "said <quote>"}                  | {"q": "said \\"hi\\""}
            {"q": <quote>}                         | {"q": "\\"hi\\""}
            {"m": <missing>, "t": "<missing>"}      | {"m": "", "t": ""}
            {"f": <first>}                         | {"f": "one"}
            "instance is <state>"                  | "instance is RUNNING"
            <state> is <size>                      | RUNNING is 42
            {"rule": "<aws.events.rule-name>"}     | {"rule": "RULE"}
            """)
    void theTemplateIsFilledInAsAwsQuotesIt(String template, String expected) {
        String rule = "transform-" + RULES.incrementAndGet();
        String ruleArn = events.putRule(r -> r.name(rule).eventPattern("{\"source\":[\"lab.transform\"],\"detail\":{\"rule\":[\"" + rule + "\"]}}")).ruleArn();
        events.putTargets(r -> r.rule(rule).targets(t -> t.id("fn").arn(FUNCTION)
                .retryPolicy(p -> p.maximumRetryAttempts(0))
                .inputTransformer(x -> x.inputPathsMap(PATHS).inputTemplate(template))));

        events.putEvents(r -> r.entries(e -> e.source("lab.transform").detailType("Test").detail(
                "{\"rule\":\"" + rule + "\",\"state\":\"RUNNING\",\"size\":42,\"obj\":{\"a\":1},\"quote\":\"\\\"hi\\\"\","
                        + "\"items\":[\"one\",\"two\"]}")));

        List<JsonNode> attempts = EventsTimeline.await(cloud, EventTimeline.DELIVERY_FAILED, 1, EventsTimeline.forRule(ruleArn));
        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0).path("detail").path("input").asText()).isEqualTo(expected.replace("RULE", rule));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            $.detail      | {"rule":"RULE"}
            $.detail.rule | "RULE"
            """)
    void anInputPathSendsThePartOfTheEventItSelectsAsJson(String path, String expected) {
        String rule = "path-" + RULES.incrementAndGet();
        String ruleArn = events.putRule(r -> r.name(rule).eventPattern("{\"detail\":{\"rule\":[\"" + rule + "\"]}}")).ruleArn();
        events.putTargets(r -> r.rule(rule).targets(t -> t.id("fn").arn(FUNCTION).inputPath(path)
                .retryPolicy(p -> p.maximumRetryAttempts(0))));

        events.putEvents(r -> r.entries(e -> e.source("lab.transform").detailType("Test")
                .detail("{\"rule\":\"" + rule + "\"}")));
        events.putEvents(r -> r.entries(e -> e.source("lab.transform").detailType("Test").detail("{}")));

        List<JsonNode> attempts = EventsTimeline.await(cloud, EventTimeline.DELIVERY_FAILED, 1, EventsTimeline.forRule(ruleArn));
        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0).path("detail").path("input").asText()).isEqualTo(expected.replace("RULE", rule));
    }
}
