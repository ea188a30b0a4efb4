package gluelab.cloud.services.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.LimitExceededException;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;

class EventTargetsTest {

    static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:handler";

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

    private static void rule(String name) {
        events.putRule(r -> r.name(name).eventPattern("{\"source\":[\"lab.app\"]}"));
    }

    @Test
    void targetsArePutListedReplacedAndRemoved() {
        rule("with-targets");
        PutTargetsResponse put = events.putTargets(r -> r.rule("with-targets").targets(
                t -> t.id("fn").arn(FUNCTION).input("{\"fixed\":true}"),
                t -> t.id("bus").arn("arn:aws:events:us-east-1:000000000000:event-bus/default")
                        .retryPolicy(p -> p.maximumRetryAttempts(3).maximumEventAgeInSeconds(600))
                        .deadLetterConfig(d -> d.arn("arn:aws:sqs:us-east-1:000000000000:dlq"))));

        assertThat(put.failedEntryCount()).isZero();
        assertThat(put.failedEntries()).isEmpty();
        ListTargetsByRuleResponse listed = events.listTargetsByRule(r -> r.rule("with-targets"));
        assertThat(listed.targets()).extracting(Target::id).containsExactly("bus", "fn");
        assertThat(listed.targets().get(0).retryPolicy().maximumRetryAttempts()).isEqualTo(3);
        assertThat(listed.targets().get(1).input()).isEqualTo("{\"fixed\":true}");

        events.putTargets(r -> r.rule("with-targets").targets(t -> t.id("fn").arn(FUNCTION).inputPath("$.detail")));
        assertThat(events.listTargetsByRule(r -> r.rule("with-targets")).targets())
                .filteredOn(t -> t.id().equals("fn")).extracting(Target::inputPath).containsExactly("$.detail");

        assertThat(events.removeTargets(r -> r.rule("with-targets").ids("fn", "bus")).failedEntryCount()).isZero();
        assertThat(events.listTargetsByRule(r -> r.rule("with-targets")).targets()).isEmpty();
    }

    @Test
    void aRuleTakesAtMostFiveTargets() {
        rule("crowded");
        List<Target> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(Target.builder().id("t" + i).arn(FUNCTION).build());
        }
        events.putTargets(r -> r.rule("crowded").targets(five));

        assertThatThrownBy(() -> events.putTargets(r -> r.rule("crowded").targets(t -> t.id("t5").arn(FUNCTION))))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("The requested resource exceeds the maximum number allowed.");
        events.putTargets(r -> r.rule("crowded").targets(t -> t.id("t0").arn(FUNCTION).input("{}")));
    }

    @Test
    void targetIdsAndRetryPoliciesAreCheckedAsTheModelSays() {
        rule("checked");
        assertThatThrownBy(() -> events.putTargets(r -> r.rule("checked").targets(t -> t.id("!@#").arn(FUNCTION))))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("1 validation error detected: Value '!@#' at 'targets.1.member.id' failed to satisfy "
                                + "constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+"));
        assertThatThrownBy(() -> events.putTargets(r -> r.rule("checked").targets(t -> t.id("r").arn(FUNCTION)
                .retryPolicy(p -> p.maximumRetryAttempts(186).maximumEventAgeInSeconds(59)))))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("2 validation errors detected")
                .hasMessageContaining("Value '186' at 'targets.1.member.retryPolicy.maximumRetryAttempts' failed to satisfy "
                        + "constraint: Member must have value less than or equal to 185")
                .hasMessageContaining("Value '59' at 'targets.1.member.retryPolicy.maximumEventAgeInSeconds'");
        assertThatThrownBy(() -> events.putTargets(r -> r.rule("checked").targets(t -> t.id("x").arn("not-an-arn"))))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Parameter not-an-arn is not valid. Reason: Provided Arn is not in correct format.");
    }

    @Test
    void aTargetTakesOnlyOneOfInputInputPathAndInputTransformerWithKnownPlaceholders() {
        rule("inputs");
        assertThatThrownBy(() -> events.putTargets(r -> r.rule("inputs").targets(t -> t.id("both").arn(FUNCTION)
                .input("{}").inputPath("$.detail"))))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Only one of Input, InputPath, or InputTransformer must be provided for target both.");
        assertThatThrownBy(() -> events.putTargets(r -> r.rule("inputs").targets(t -> t.id("tpl").arn(FUNCTION)
                .inputTransformer(x -> x.inputPathsMap(java.util.Map.of("state", "$.detail.state"))
                        .inputTemplate("\"<state> and <notdefinedkey>\"")))))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("InputTemplate for target tpl contains invalid placeholder notdefinedkey.");
    }

    @Test
    void aDeadLetterQueueThatIsNotAnSqsQueueFailsOnlyItsOwnEntry() {
        rule("dlq");
        PutTargetsResponse put = events.putTargets(r -> r.rule("dlq").targets(
                t -> t.id("good").arn(FUNCTION),
                t -> t.id("bad").arn(FUNCTION).deadLetterConfig(d -> d.arn("arn:aws:sns:us-east-1:000000000000:topic"))));

        assertThat(put.failedEntryCount()).isEqualTo(1);
        assertThat(put.failedEntries()).singleElement().satisfies(entry -> {
            assertThat(entry.targetId()).isEqualTo("bad");
            assertThat(entry.errorCode()).isEqualTo("ValidationException");
        });
        assertThat(events.listTargetsByRule(r -> r.rule("dlq")).targets()).extracting(Target::id).containsExactly("good");
    }
}
