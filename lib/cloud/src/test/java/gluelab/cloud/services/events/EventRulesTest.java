package gluelab.cloud.services.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Tag;

class EventRulesTest {

    static final String PATTERN = "{\"source\":[\"lab.orders\"]}";

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
    void aRuleIsPutDescribedDisabledEnabledAndDeleted() {
        String arn = events.putRule(r -> r.name("orders").eventPattern(PATTERN).description("all orders")).ruleArn();

        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/orders");
        DescribeRuleResponse rule = events.describeRule(r -> r.name("orders"));
        assertThat(rule.eventPattern()).isEqualTo(PATTERN);
        assertThat(rule.state()).isEqualTo(RuleState.ENABLED);
        assertThat(rule.eventBusName()).isEqualTo("default");
        assertThat(rule.createdBy()).isEqualTo("000000000000");

        events.disableRule(r -> r.name("orders"));
        assertThat(events.describeRule(r -> r.name("orders")).state()).isEqualTo(RuleState.DISABLED);
        events.enableRule(r -> r.name("orders"));
        assertThat(events.describeRule(r -> r.name("orders")).state()).isEqualTo(RuleState.ENABLED);

        events.deleteRule(r -> r.name("orders"));
        assertThatThrownBy(() -> events.describeRule(r -> r.name("orders")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Rule orders does not exist on EventBus default.");
    }

    @Test
    void aRuleOnACustomBusHasTheBusInItsArn() {
        events.createEventBus(r -> r.name("sales"));
        String arn = events.putRule(r -> r.name("big").eventBusName("sales").eventPattern(PATTERN)
                .tags(Tag.builder().key("k").value("v").build())).ruleArn();

        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/sales/big");
        assertThat(events.listRules(r -> r.eventBusName("sales")).rules()).extracting(Rule::name).containsExactly("big");
        assertThat(events.listTagsForResource(r -> r.resourceARN(arn)).tags()).extracting(Tag::key).containsExactly("k");
        assertThatThrownBy(() -> events.describeRule(r -> r.name("big")))
                .as("not on the default bus").isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void deletingARuleThatStillHasTargetsIsRefused() {
        events.putRule(r -> r.name("busy").eventPattern(PATTERN));
        events.putTargets(r -> r.rule("busy").targets(t -> t.id("fn")
                .arn("arn:aws:lambda:us-east-1:000000000000:function:handler")));

        assertThatThrownBy(() -> events.deleteRule(r -> r.name("busy")))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rule can't be deleted since it has targets.");
                });
        events.removeTargets(r -> r.rule("busy").ids("fn"));
        events.deleteRule(r -> r.name("busy"));
    }

    @Test
    void anInvalidEventPatternIsRefusedWithEventRulersReason() {
        assertThatThrownBy(() -> events.putRule(r -> r.name("bad").eventPattern("{\"source\":\"lab.orders\"}")))
                .isInstanceOfSatisfying(InvalidEventPatternException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("Event pattern is not valid. Reason: \"source\" must be an object or an array"));
        assertThatThrownBy(() -> events.putRule(r -> r.name("bad").eventPattern("{\"detail\":{\"n\":[{\"numeric\":[\">\",\"x\"]}]}}")))
                .isInstanceOf(InvalidEventPatternException.class).hasMessageContaining("Value of > must be numeric");
        assertThatThrownBy(() -> events.putRule(r -> r.name("bad")))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Parameter(s) EventPattern or ScheduleExpression must be specified.");
    }

    @Test
    void aScheduleIsCheckedAndTakenOnlyByTheDefaultBus() {
        events.createEventBus(r -> r.name("no-schedules"));

        assertThatThrownBy(() -> events.putRule(r -> r.name("tick").eventBusName("no-schedules")
                .scheduleExpression("rate(5 minutes)")))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("ScheduleExpression is supported only on the default event bus.");
        assertThatThrownBy(() -> events.putRule(r -> r.name("tick").scheduleExpression("every five minutes")))
                .isInstanceOf(EventBridgeException.class).hasMessageContaining("Parameter ScheduleExpression is not valid.");
        assertThat(events.putRule(r -> r.name("tick").scheduleExpression("cron(0 12 * * ? *)")).ruleArn())
                .endsWith(":rule/tick");
        assertThat(events.describeRule(r -> r.name("tick")).scheduleExpression()).isEqualTo("cron(0 12 * * ? *)");
    }

    @Test
    void listRulesFiltersByPrefixAndPages() {
        for (int i = 1; i <= 5; i++) {
            int n = i;
            events.putRule(r -> r.name("paged-" + n).eventPattern(PATTERN));
        }
        ListRulesResponse first = events.listRules(r -> r.namePrefix("paged-").limit(3));
        ListRulesResponse second = events.listRules(r -> r.namePrefix("paged-").limit(3).nextToken(first.nextToken()));

        assertThat(first.rules()).extracting(Rule::name).containsExactly("paged-1", "paged-2", "paged-3");
        assertThat(second.rules()).extracting(Rule::name).containsExactly("paged-4", "paged-5");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void listRuleNamesByTargetNamesTheRulesThatTargetAnArn() {
        String function = "arn:aws:lambda:us-east-1:000000000000:function:shared-handler";
        events.putRule(r -> r.name("first-user").eventPattern(PATTERN));
        events.putRule(r -> r.name("second-user").eventPattern(PATTERN));
        events.putRule(r -> r.name("not-a-user").eventPattern(PATTERN));
        events.putTargets(r -> r.rule("first-user").targets(t -> t.id("a").arn(function)));
        events.putTargets(r -> r.rule("second-user").targets(t -> t.id("b").arn(function)));

        assertThat(events.listRuleNamesByTarget(r -> r.targetArn(function)).ruleNames())
                .containsExactly("first-user", "second-user");
    }
}
