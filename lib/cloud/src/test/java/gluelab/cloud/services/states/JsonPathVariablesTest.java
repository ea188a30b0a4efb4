package gluelab.cloud.services.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.testing.RunningLabCloud;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Workflow variables in JSONPath states, through the AWS SDK (developer guide, "Passing data between states with
 * variables"): Assign with constants and {@code name.$} paths over the state's result, {@code $name} in every JSONPath
 * field and intrinsic argument, one Assign's values all evaluated against the variables from before the state,
 * Map and Parallel branches reading the outer variables without changing them, the StateExited event's
 * {@code assignedVariables}, and the definition errors for names Step Functions refuses.
 */
class JsonPathVariablesTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode succeeded(String definition, String input) throws Exception {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            DescribeExecutionResponse done = StepFunctionsFixture.run(sfn, StepFunctionsFixture.role(cloud),
                    definition, input);
            assertThat(done.status()).as(done.error() + ": " + done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            return JSON.readTree(done.output());
        }
    }

    @Test
    void aPassAssignsConstantsAndPathsOverItsResultAndALaterStateReadsThemInParameters() throws Exception {
        JsonNode output = succeeded("""
                {"StartAt":"Set","States":{"Set":{"Type":"Pass","Result":{"answer":42},\
                "Assign":{"answer.$":"$.answer","label":"life","state.$":"$$.State.Name",\
                "text.$":"States.Format('n={}', $.answer)"},"Next":"Use"},\
                "Use":{"Type":"Pass","Parameters":{"a.$":"$answer","l.$":"$label","s.$":"$state","t.$":"$text",\
                "sum.$":"States.MathAdd($answer, 1)"},"End":true}}}""", "{}");
        assertThat(output).isEqualTo(JSON.readTree("{\"a\":42,\"l\":\"life\",\"s\":\"Set\",\"t\":\"n=42\",\"sum\":43}"));
    }

    @Test
    void aVariableIsReadByInputPathOutputPathChoiceWaitAndFailPaths() throws Exception {
        JsonNode output = succeeded("""
                {"StartAt":"Set","States":{"Set":{"Type":"Pass","Assign":{"cfg":{"wait":0,"limit":3},\
                "rows":[1,2,3]},"Next":"Wait"},\
                "Wait":{"Type":"Wait","SecondsPath":"$cfg.wait","Next":"Check"},\
                "Check":{"Type":"Choice","Choices":[{"Variable":"$cfg.limit","NumericLessThanPath":"$.max",\
                "Next":"Bad"}],"Default":"Read"},\
                "Bad":{"Type":"Fail","ErrorPath":"$cfg.limit"},\
                "Read":{"Type":"Pass","InputPath":"$rows","OutputPath":"$cfg","End":true}}}""", "{\"max\":2}");
        assertThat(output).isEqualTo(JSON.readTree("{\"wait\":0,\"limit\":3}"));
    }

    @Test
    void everyValueOfOneAssignSeesTheVariablesFromBeforeTheState() throws Exception {
        JsonNode output = succeeded("""
                {"StartAt":"One","States":{"One":{"Type":"Pass","Assign":{"x":1},"Next":"Two"},\
                "Two":{"Type":"Pass","Assign":{"x":2,"old.$":"$x"},"Next":"Three"},\
                "Three":{"Type":"Pass","Parameters":{"x.$":"$x","old.$":"$old"},"End":true}}}""", "{}");
        assertThat(output).isEqualTo(JSON.readTree("{\"x\":2,\"old\":1}"));
    }

    @Test
    void aTasksAssignReadsItsResultAfterResultSelectorAndACatchersAssignReadsTheErrorOutput() throws Exception {
        JsonNode output = succeeded("""
                {"StartAt":"Fan","States":{"Fan":{"Type":"Parallel","Branches":[\
                {"StartAt":"A","States":{"A":{"Type":"Pass","Result":5,"End":true}}}],\
                "ResultSelector":{"first.$":"$[0]"},"Assign":{"first.$":"$.first"},"Next":"Fail"},\
                "Fail":{"Type":"Parallel","Branches":[{"StartAt":"F","States":{"F":{"Type":"Fail",\
                "Error":"Boom","Cause":"no"}}}],"Catch":[{"ErrorEquals":["States.ALL"],"Next":"Report",\
                "Assign":{"error.$":"$.Error"}}],"Next":"Report"},\
                "Report":{"Type":"Pass","Parameters":{"first.$":"$first","error.$":"$error"},"End":true}}}""", "{}");
        assertThat(output).isEqualTo(JSON.readTree("{\"first\":5,\"error\":\"Boom\"}"));
    }

    @Test
    void aMapIterationReadsTheOuterVariablesAndWhatItAssignsStaysInIt() throws Exception {
        JsonNode output = succeeded("""
                {"StartAt":"Set","States":{"Set":{"Type":"Pass","Assign":{"bias":10,"items":[1,2]},"Next":"Map"},\
                "Map":{"Type":"Map","ItemsPath":"$items","ItemSelector":{"v.$":"$$.Map.Item.Value","b.$":"$bias"},\
                "ItemProcessor":{"StartAt":"Add","States":{"Add":{"Type":"Pass","Assign":{"bias":0},\
                "Parameters":{"sum.$":"States.MathAdd($.v, $.b)"},"Next":"Seen"},\
                "Seen":{"Type":"Pass","Parameters":{"sum.$":"$.sum","inner.$":"$bias"},"End":true}}},\
                "ResultPath":"$.results","Next":"After"},\
                "After":{"Type":"Pass","Parameters":{"results.$":"$.results","bias.$":"$bias"},"End":true}}}""", "{}");
        assertThat(output).isEqualTo(JSON.readTree("""
                {"results":[{"sum":11,"inner":0},{"sum":12,"inner":0}],"bias":10}"""));
    }

    @Test
    void aVariableNoStateAssignedFailsTheReadingStateWithStatesRuntime() throws Exception {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            DescribeExecutionResponse done = StepFunctionsFixture.run(sfn, StepFunctionsFixture.role(cloud), """
                    {"StartAt":"S","States":{"S":{"Type":"Pass","Parameters":{"v.$":"$never"},"End":true}}}""",
                    "{}");
            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(done.error()).isEqualTo("States.Runtime");
            assertThat(done.cause()).contains("$never");
        }
    }

    @Test
    void oneAssignSettingMoreThan256KibTogetherFailsTheStateWithDataLimitExceeded() throws Exception {
        String big = "x".repeat(200 * 1024);
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            DescribeExecutionResponse done = StepFunctionsFixture.run(sfn, StepFunctionsFixture.role(cloud), """
                    {"StartAt":"S","States":{"S":{"Type":"Pass","Assign":{"a.$":"$.big","b.$":"$.big"},\
                    "End":true}}}""", JSON.writeValueAsString(Map.of("big", big)));
            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(done.error()).isEqualTo("States.DataLimitExceeded");
            assertThat(done.cause()).contains("together");
        }
    }

    @Test
    void theStateExitedEventListsTheAssignedVariablesAsJsonText() throws Exception {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            String machine = StepFunctionsFixture.machine(sfn, StepFunctionsFixture.role(cloud), """
                    {"StartAt":"S","States":{"S":{"Type":"Pass","Result":{"n":4},\
                    "Assign":{"n.$":"$.n","name":"four"},"End":true}}}""");
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{}")).executionArn();
            assertThat(StepFunctionsFixture.finished(sfn, execution).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            List<HistoryEvent> events = sfn.getExecutionHistory(r -> r.executionArn(execution)).events();
            HistoryEvent exited = events.stream().filter(e -> e.typeAsString().equals("PassStateExited"))
                    .findFirst().orElseThrow();
            assertThat(exited.stateExitedEventDetails().assignedVariables())
                    .isEqualTo(Map.of("n", "4", "name", "\"four\""));
            assertThat(exited.stateExitedEventDetails().assignedVariablesDetails().truncated()).isFalse();
        }
    }

    @Test
    void aReservedInvalidOrWritingVariableNameIsADefinitionError() {
        Map<String, String> refused = Map.of(
                """
                {"StartAt":"S","States":{"S":{"Type":"Pass","Assign":{"states":1},"End":true}}}""",
                "/States/S/Assign/states",
                """
                {"StartAt":"S","States":{"S":{"Type":"Pass","Assign":{"1st":1},"End":true}}}""",
                "/States/S/Assign/1st",
                """
                {"StartAt":"S","States":{"S":{"Type":"Pass","Assign":{"a-b.$":"$.x"},"End":true}}}""",
                "/States/S/Assign/a-b.$",
                """
                {"StartAt":"S","States":{"S":{"Type":"Pass","Assign":[1],"End":true}}}""",
                "/States/S/Assign",
                """
                {"StartAt":"S","States":{"S":{"Type":"Pass","Result":1,"ResultPath":"$x","End":true}}}""",
                "/States/S/ResultPath");
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            refused.forEach((definition, location) -> assertThat(sfn.validateStateMachineDefinition(
                    r -> r.definition(definition)).diagnostics()).as(definition)
                    .extracting(d -> d.code() + " " + d.location())
                    .containsExactly("SCHEMA_VALIDATION_FAILED " + location));
        }
    }
}
