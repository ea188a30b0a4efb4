package gluelab.cloud.services.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import gluelab.cloud.testing.TestRoles;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Step Functions and EventBridge, as on AWS: every status change of an execution is a "Step Functions Execution
 * Status Change" event on the default bus (source aws.states), which rules match; a rule can target a state
 * machine, starting an execution with the event as its input, as the target's role; and so can a schedule of
 * EventBridge Scheduler, with its input.
 */
class StepFunctionsEventsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENTS_TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},\
            "Action":"sts:AssumeRole"}]}""";

    @Test
    void eachStatusChangeIsAnEventOnTheDefaultBusThatRulesMatch() throws Exception {
        try (SfnClient sfn = cloud.client(SfnClient.builder());
             EventBridgeClient events = cloud.client(EventBridgeClient.builder())) {
            String ruleArn = events.putRule(r -> r.name("sfn-failures").eventPattern("""
                    {"source":["aws.states"],"detail-type":["Step Functions Execution Status Change"],\
                    "detail":{"status":["FAILED"]}}""")).ruleArn();
            String machine = StepFunctionsFixture.machine(sfn, StepFunctionsFixture.role(cloud), """
                    {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Broke","Cause":"on purpose"}}}""");
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine).name("status-1")).executionArn();
            StepFunctionsFixture.finished(sfn, execution);

            List<JsonNode> changes = await(() -> LabAdmin.events(cloud, "states",
                    "Step Functions Execution Status Change").stream()
                    .filter(e -> e.path("detail").path("executionArn").asText().equals(execution)).toList(), 2);
            assertThat(changes).extracting(e -> e.path("detail").path("status").asText())
                    .containsExactly("RUNNING", "FAILED");
            JsonNode failed = changes.get(1).path("detail");
            assertThat(failed.path("stateMachineArn").asText()).isEqualTo(machine);
            assertThat(failed.path("name").asText()).isEqualTo("status-1");
            assertThat(failed.path("error").asText()).isEqualTo("Broke");
            assertThat(failed.path("cause").asText()).isEqualTo("on purpose");
            assertThat(failed.path("stopDate").asLong()).isGreaterThanOrEqualTo(failed.path("startDate").asLong());

            List<JsonNode> matched = await(() -> LabAdmin.events(cloud, "events", "Rule Matched").stream()
                    .filter(e -> e.path("detail").path("rule").asText().equals(ruleArn)).toList(), 1);
            assertThat(matched).singleElement().satisfies(m ->
                    assertThat(m.path("detail").path("source").asText()).isEqualTo("aws.states"));
        }
    }

    @Test
    void aRuleTargetingAStateMachineStartsAnExecutionWithTheEventAsTheTargetsRole() throws Exception {
        String role;
        try (IamClient iam = cloud.client(IamClient.builder())) {
            role = iam.createRole(r -> r.roleName("events-start-sfn").assumeRolePolicyDocument(EVENTS_TRUST))
                    .role().arn();
            iam.putRolePolicy(r -> r.roleName("events-start-sfn").policyName("start").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"states:StartExecution",\
                    "Resource":"*"}]}"""));
        }
        try (SfnClient sfn = cloud.client(SfnClient.builder());
             EventBridgeClient events = cloud.client(EventBridgeClient.builder())) {
            String machine = StepFunctionsFixture.machine(sfn, StepFunctionsFixture.role(cloud), """
                    {"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.detail","End":true}}}""");
            events.putRule(r -> r.name("orders-to-sfn").eventPattern("{\"source\":[\"lab.orders\"]}"));
            events.putTargets(r -> r.rule("orders-to-sfn").targets(t -> t.id("machine").arn(machine).roleArn(role)));
            events.putEvents(r -> r.entries(e -> e.source("lab.orders").detailType("Order Placed")
                    .detail("{\"order\":17}")));

            List<ExecutionListItem> started = await(() -> sfn.listExecutions(r -> r.stateMachineArn(machine))
                    .executions(), 1);
            var done = StepFunctionsFixture.finished(sfn, started.get(0).executionArn());
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(JSON.readTree(done.output())).isEqualTo(JSON.readTree("{\"order\":17}"));
            assertThat(JSON.readTree(done.input()).path("detail-type").asText()).isEqualTo("Order Placed");
        }
    }

    @Test
    void aScheduleTargetingAStateMachineStartsAnExecutionWithItsInputWhenItFires() throws Exception {
        String role;
        try (IamClient iam = cloud.client(IamClient.builder())) {
            role = TestRoles.createSchedulerRole(iam, "SchedulerStartsMachines", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"states:StartExecution",\
                    "Resource":"*"}]}""");
        }
        try (SfnClient sfn = cloud.client(SfnClient.builder());
             SchedulerClient scheduler = cloud.client(SchedulerClient.builder())) {
            String machine = StepFunctionsFixture.machine(sfn, StepFunctionsFixture.role(cloud), """
                    {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");
            Instant fire = LabAdmin.now(cloud).plusSeconds(300).truncatedTo(ChronoUnit.SECONDS);
            scheduler.createSchedule(r -> r.name("nightly-machine")
                    .scheduleExpression("at(" + fire.toString().replace("Z", "") + ")")
                    .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                    .target(t -> t.arn(machine).roleArn(role).input("{\"report\":\"nightly\"}")));
            LabAdmin.advanceClock(cloud, Duration.ofMinutes(10));

            List<ExecutionListItem> started = await(() -> sfn.listExecutions(r -> r.stateMachineArn(machine))
                    .executions(), 1);
            assertThat(started).hasSize(1);
            var done = StepFunctionsFixture.finished(sfn, started.get(0).executionArn());
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(done.output()).isEqualTo("{\"report\":\"nightly\"}");
        }
    }

    private static <T> List<T> await(java.util.function.Supplier<List<T>> read, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<T> items = read.get();
        while (items.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
            items = read.get();
        }
        return items;
    }
}
