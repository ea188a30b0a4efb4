package gluelab.lab.states;

import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import gluelab.lab.DataTable;
import gluelab.lab.svg.SvgDocuments;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Executions drawn and listed the way the Step Functions console shows them, from what the service reports. */
class ExecutionGraphTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static SfnClient sfn;
    static String role;

    static final String CHOICE_MACHINE = """
            {"StartAt":"Prepare","States":{
              "Prepare":{"Type":"Pass","Result":{"ok":true},"ResultPath":"$.check","Next":"Check"},
              "Check":{"Type":"Choice","Choices":[{"Variable":"$.check.ok","BooleanEquals":true,"Next":"Done"}],
                       "Default":"Broken"},
              "Done":{"Type":"Succeed"},
              "Broken":{"Type":"Fail","Error":"Broken","Cause":"not ok"}}}""";

    static final String CAUGHT_PARALLEL = """
            {"StartAt":"Both","States":{
              "Both":{"Type":"Parallel","Branches":[
                  {"StartAt":"Fine","States":{"Fine":{"Type":"Pass","End":true}}},
                  {"StartAt":"Explode","States":{"Explode":{"Type":"Fail","Error":"Boom","Cause":"on purpose"}}}],
                "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Recover"}],"Next":"Done"},
              "Recover":{"Type":"Pass","End":true},
              "Done":{"Type":"Succeed"}}}""";

    static final String MAP_MACHINE = """
            {"StartAt":"Each","States":{
              "Each":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"Double","States":{
                  "Double":{"Type":"Pass","End":true}}},"End":true}}}""";

    @BeforeAll
    static void client() {
        sfn = cloud.client(SfnClient.builder());
        try (IamClient iam = cloud.client(IamClient.builder())) {
            role = iam.createRole(r -> r.roleName("sfn-pictures").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":\
                    {"Service":"states.amazonaws.com"},"Action":"sts:AssumeRole"}]}""")).role().arn();
        }
    }

    @AfterAll
    static void close() {
        sfn.close();
    }

    @Test
    void aChoiceShowsTheBranchTakenAsSucceededAndTheOtherAsNotRun() throws Exception {
        ExecutionGraph graph = ExecutionGraph.of(sfn, run(CHOICE_MACHINE, "{}"));

        assertThat(graph.outcome("Prepare")).isEqualTo(StateOutcome.SUCCEEDED);
        assertThat(graph.outcome("Check")).isEqualTo(StateOutcome.SUCCEEDED);
        assertThat(graph.outcome("Done")).isEqualTo(StateOutcome.SUCCEEDED);
        assertThat(graph.outcome("Broken")).isEqualTo(StateOutcome.NOT_RUN);
        Document picture = SvgDocuments.parse(graph.svg());
        assertThat(SvgDocuments.texts(picture)).contains("Prepare", "Check", "Done", "Broken", "Start", "End",
                "SUCCEEDED", "Default");
    }

    @Test
    void aFailureCaughtOnAParallelStateShowsTheBranchThatFailedAndTheCatchPathTaken() throws Exception {
        ExecutionGraph graph = ExecutionGraph.of(sfn, run(CAUGHT_PARALLEL, "{}"));

        assertThat(graph.outcome("Both")).isEqualTo(StateOutcome.CAUGHT);
        assertThat(graph.outcome("Explode")).isEqualTo(StateOutcome.FAILED);
        assertThat(graph.outcome("Recover")).isEqualTo(StateOutcome.SUCCEEDED);
        assertThat(graph.outcome("Done")).isEqualTo(StateOutcome.NOT_RUN);
        assertThat(SvgDocuments.texts(SvgDocuments.parse(graph.svg()))).contains("Catch", "Fine", "Explode");
    }

    @Test
    void anUncaughtFailureShowsTheFailStateFailedAndTheExecutionFailed() {
        String execution = run(CHOICE_MACHINE.replace("\"ok\":true", "\"ok\":false"), "{}");
        ExecutionGraph graph = ExecutionGraph.of(sfn, execution);

        assertThat(graph.outcome("Broken")).isEqualTo(StateOutcome.FAILED);
        assertThat(graph.outcome("Done")).isEqualTo(StateOutcome.NOT_RUN);
        assertThat(graph.toString()).startsWith("Execution ").contains(": FAILED");
    }

    @Test
    void aMapCountsTheIterationsOfItsProcessorsStates() {
        ExecutionGraph graph = ExecutionGraph.of(sfn, run(MAP_MACHINE, "{\"items\":[1,2,3]}"));

        assertThat(graph.outcome("Each")).isEqualTo(StateOutcome.SUCCEEDED);
        assertThat(graph.toString()).contains("Double (Pass): Succeeded · ×3");
    }

    @Test
    void theHistoryTableListsEveryEventInOrderWithTheStateItHappenedIn() {
        String execution = run(CAUGHT_PARALLEL, "{}");
        DataTable history = ExecutionHistoryTable.of(ExecutionEvents.read(sfn, execution));

        long events = sfn.getExecutionHistory(r -> r.executionArn(execution).maxResults(1000)).events().size();
        assertThat(history.rowCount()).isEqualTo((int) events);
        assertThat(history.values("type").get(0)).isEqualTo("ExecutionStarted");
        assertThat(history.values("type").get(history.rowCount() - 1)).isEqualTo("ExecutionSucceeded");
        assertThat(history.values("state").get(history.rowCount() - 1)).as("the execution's own event").isNull();
        assertThat(history.values("previous_id").get(0)).as("as the API reports it").isEqualTo(0L);
        int failed = history.values("type").indexOf("FailStateEntered");
        assertThat(history.values("state").get(failed)).isEqualTo("Explode");
        int caught = history.values("type").indexOf("ParallelStateFailed");
        assertThat(history.values("state").get(caught)).isEqualTo("Both");
        assertThat(history.values("detail")).anySatisfy(d -> assertThat(String.valueOf(d)).contains("Boom"));
    }

    @Test
    void aLinkThatSkipsALayerPassesBesideTheStatesInBetweenNotThroughThem() throws Exception {
        // Check's Default skips the layer of Middle: drawn straight, its line would cross Middle's box.
        String definition = """
                {"StartAt":"Check","States":{
                  "Check":{"Type":"Choice","Choices":[{"Variable":"$.go","BooleanEquals":true,"Next":"Middle"}],
                           "Default":"Last"},
                  "Middle":{"Type":"Pass","Next":"Last"},
                  "Last":{"Type":"Succeed"}}}""";
        ExecutionGraph graph = ExecutionGraph.of(sfn, run(definition, "{\"go\":true}"));

        Document picture = SvgDocuments.parse(graph.svg());
        org.w3c.dom.Element middle = null;
        var rects = picture.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            var title = ((org.w3c.dom.Element) rects.item(i)).getElementsByTagName("title");
            if (title.getLength() > 0 && title.item(0).getTextContent().startsWith("Middle ")) {
                middle = (org.w3c.dom.Element) rects.item(i);
            }
        }
        assertThat(middle).isNotNull();
        double left = Double.parseDouble(middle.getAttribute("x"));
        double right = left + Double.parseDouble(middle.getAttribute("width"));
        double top = Double.parseDouble(middle.getAttribute("y"));
        double bottom = top + Double.parseDouble(middle.getAttribute("height"));
        var paths = picture.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) {
            String[] numbers = ((org.w3c.dom.Element) paths.item(i)).getAttribute("d").replaceAll("[MC]", " ").trim()
                    .split("[ ,]+");
            for (int n = 0; n + 1 < numbers.length; n += 2) {
                double x = Double.parseDouble(numbers[n]);
                double y = Double.parseDouble(numbers[n + 1]);
                boolean inside = x > left + 1 && x < right - 1 && y > top + 1 && y < bottom - 1;
                assertThat(inside).as("point %s,%s of an arrow inside Middle's box", x, y).isFalse();
            }
        }
    }

    private static String run(String definition, String input) {
        String name = "m-" + UUID.randomUUID().toString().substring(0, 8);
        String machine = sfn.createStateMachine(r -> r.name(name).roleArn(role).definition(definition))
                .stateMachineArn();
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input(input)).executionArn();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (sfn.describeExecution(r -> r.executionArn(execution)).status() == ExecutionStatus.RUNNING
                && System.nanoTime() < deadline) {
            sleep();
        }
        return execution;
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
