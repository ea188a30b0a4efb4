package gluelab.cloud.services.states;

import static gluelab.cloud.testing.ConsolePages.block;
import static gluelab.cloud.testing.ConsolePages.field;
import static gluelab.cloud.testing.ConsolePages.page;
import static gluelab.cloud.testing.ConsolePages.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.testing.RunningLabCloud;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.SfnClient;

/** Step Functions in the web console: machines, executions, and an execution's graph coloured by how it went. */
class StateMachinesConsoleViewTest {

    private static final String CHECK_THEN_FAIL = """
            {"StartAt":"Check","States":{
              "Check":{"Type":"Pass","Next":"Route"},
              "Route":{"Type":"Choice","Choices":[{"Variable":"$.ok","BooleanEquals":true,"Next":"Done"}],
                       "Default":"Reject"},
              "Done":{"Type":"Succeed"},
              "Reject":{"Type":"Fail","Error":"Rejected","Cause":"not ok"}}}""";

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    @Test
    void anExecutionsGraphMarksTheStatesItPassedAndTheOneWhereItFailed() {
        String execution;
        String machine;
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            String arn = StepFunctionsFixture.machine(sfn, StepFunctionsFixture.role(cloud), CHECK_THEN_FAIL);
            machine = arn.substring(arn.lastIndexOf(':') + 1);
            execution = sfn.startExecution(r -> r.stateMachineArn(arn).name("first").input("{\"ok\":false}"))
                    .executionArn();
            StepFunctionsFixture.finished(sfn, execution);
        }

        JsonNode machines = page(cloud, "states");
        assertThat(rows(machines, "State machines")).extracting(row -> row.get(0)).contains(machine);
        JsonNode executions = page(cloud, "states/machines/" + machine);
        assertThat(rows(executions, "Executions")).extracting(row -> row.subList(0, 2))
                .containsExactly(List.of("first", "FAILED"));

        JsonNode detail = page(cloud, "states/machines/" + machine + "/executions/first");
        assertThat(field(detail, "Execution", "Error")).isEqualTo("Rejected");
        JsonNode graph = block(detail, "Graph");
        assertThat(graph.get("definition").get("StartAt").asText()).isEqualTo("Check");
        assertThat(graph.get("states").get("Check").asText()).isEqualTo("SUCCEEDED");
        assertThat(graph.get("states").get("Route").asText()).isEqualTo("SUCCEEDED");
        assertThat(graph.get("states").get("Reject").asText()).isEqualTo("FAILED");
        assertThat(graph.get("states").has("Done")).isFalse();
    }
}
