package gluelab.cloud.services.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.MapRunStatus;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;

/**
 * Distributed Map states, as the Step Functions Developer Guide describes them ("Using Map state in Distributed
 * mode", "ItemReader (Map)", "ItemBatcher (Map)", "ResultWriter (Map)", "Tolerated failure threshold"): items read
 * from S3 as the machine's role, batched, run as child workflow executions of their own in a map run, the results
 * written back to S3; and the map run operations.
 */
class DistributedMapTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "dmap-data";
    private static String role;

    @BeforeAll
    static void data() {
        role = StepFunctionsFixture.role(cloud, "sfn-dmap", "s3:GetObject", "s3:ListBucket", "s3:PutObject");
        try (S3Client s3 = s3()) {
            s3.createBucket(r -> r.bucket(BUCKET));
            StringBuilder csv = new StringBuilder("id,name\n");
            for (int i = 1; i <= 1000; i++) {
                csv.append(i).append(",\"row, ").append(i).append("\"\n");
            }
            s3.putObject(r -> r.bucket(BUCKET).key("in/rows.csv"), RequestBody.fromString(csv.toString()));
            s3.putObject(r -> r.bucket(BUCKET).key("in/items.json"),
                    RequestBody.fromString("[{\"n\":1},{\"n\":2},{\"n\":3},{\"n\":4}]"));
            s3.putObject(r -> r.bucket(BUCKET).key("logs/a.txt"), RequestBody.fromString("aaa"));
            s3.putObject(r -> r.bucket(BUCKET).key("logs/b.txt"), RequestBody.fromString("bbbbb"));
        }
    }

    private static S3Client s3() {
        return cloud.client(S3Client.builder().forcePathStyle(true));
    }

    /** A machine of one Distributed Map {@code M} with these fields and this processor's states. */
    private static String distributed(String fields, String processorStates) {
        return "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\"," + fields + "\"ItemProcessor\":{"
                + "\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},"
                + "\"StartAt\":\"P\",\"States\":{" + processorStates + "}},\"End\":true}}}";
    }

    private static final String PASS = "\"P\":{\"Type\":\"Pass\",\"End\":true}";

    private static List<HistoryEvent> history(SfnClient sfn, String executionArn) {
        return sfn.getExecutionHistory(r -> r.executionArn(executionArn).maxResults(1000)).events();
    }

    private static String mapRunArn(SfnClient sfn, String executionArn) {
        return history(sfn, executionArn).stream().filter(e -> e.typeAsString().equals("MapRunStarted"))
                .findFirst().orElseThrow().mapRunStartedEventDetails().mapRunArn();
    }

    @Test
    void aCsvOfAThousandRowsIsMappedInBatchesEachAChildExecutionOfItsOwnInAMapRun() throws Exception {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            String machine = StepFunctionsFixture.machine(sfn, role, distributed("""
                    "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV",\
                    "CSVHeaderLocation":"FIRST_ROW"},"Parameters":{"Bucket.$":"$.bucket","Key":"in/rows.csv"}},\
                    "ItemBatcher":{"MaxItemsPerBatch":100,"BatchInput":{"run.$":"$.run"}},"MaxConcurrency":4,\
                    "Label":"rows",""", """
                    "P":{"Type":"Pass","Parameters":{"count.$":"States.ArrayLength($.Items)",\
                    "first.$":"$.Items[0]","run.$":"$.BatchInput.run"},"End":true}"""));
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine)
                    .input("{\"bucket\":\"" + BUCKET + "\",\"run\":\"r1\"}")).executionArn();
            DescribeExecutionResponse done = StepFunctionsFixture.finished(sfn, execution);
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);

            JsonNode output = JSON.readTree(done.output());
            assertThat(output).hasSize(10);
            assertThat(output.get(0).path("count").asInt()).isEqualTo(100);
            // CSV values stay strings, as on AWS; a quoted field keeps its comma.
            assertThat(output.get(0).path("first").toString()).isEqualTo("{\"id\":\"1\",\"name\":\"row, 1\"}");
            assertThat(output.get(9).path("first").path("id").asText()).isEqualTo("901");
            assertThat(output.get(3).path("run").asText()).isEqualTo("r1");

            String mapRun = mapRunArn(sfn, execution);
            String machineName = machine.substring(machine.lastIndexOf(':') + 1);
            assertThat(mapRun).contains(":mapRun:" + machineName + "/rows:");
            assertThat(history(sfn, execution)).extracting(HistoryEvent::typeAsString).containsSubsequence(
                    "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded",
                    "MapStateExited", "ExecutionSucceeded");

            DescribeMapRunResponse run = sfn.describeMapRun(r -> r.mapRunArn(mapRun));
            assertThat(run.status()).isEqualTo(MapRunStatus.SUCCEEDED);
            assertThat(run.executionArn()).isEqualTo(execution);
            assertThat(run.maxConcurrency()).isEqualTo(4);
            assertThat(run.itemCounts().total()).isEqualTo(1000);
            assertThat(run.itemCounts().succeeded()).isEqualTo(1000);
            assertThat(run.executionCounts().total()).isEqualTo(10);
            assertThat(run.executionCounts().succeeded()).isEqualTo(10);
            assertThat(sfn.listMapRuns(r -> r.executionArn(execution)).mapRuns())
                    .singleElement().satisfies(item -> assertThat(item.mapRunArn()).isEqualTo(mapRun));

            List<ExecutionListItem> children = sfn.listExecutions(r -> r.mapRunArn(mapRun)).executions();
            assertThat(children).hasSize(10).allSatisfy(child -> {
                assertThat(child.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                assertThat(child.executionArn()).contains(":execution:" + machineName + "/rows:");
                assertThat(child.stateMachineArn()).endsWith(":stateMachine:" + machineName + "/rows");
            });
            DescribeExecutionResponse child = sfn.describeExecution(r -> r.executionArn(children.get(0)
                    .executionArn()));
            assertThat(child.mapRunArn()).isEqualTo(mapRun);
            assertThat(JSON.readTree(child.input()).path("Items")).hasSize(100);
            assertThat(sfn.listExecutions(r -> r.stateMachineArn(machine)).executions())
                    .extracting(ExecutionListItem::executionArn).containsExactly(execution);
        }
    }

    @Test
    void aJsonArrayObjectIsMappedItemByItemThroughItemSelectorUpToMaxItems() throws Exception {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            DescribeExecutionResponse done = StepFunctionsFixture.run(sfn, role, distributed("""
                    "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON",\
                    "MaxItems":3},"Parameters":{"Bucket":"%s","Key":"in/items.json"}},\
                    "ItemSelector":{"n.$":"$$.Map.Item.Value.n","index.$":"$$.Map.Item.Index","k.$":"$.k"},"""
                    .formatted(BUCKET), PASS), "{\"k\":\"x\"}");
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(JSON.readTree(done.output())).isEqualTo(JSON.readTree(
                    "[{\"n\":1,\"index\":0,\"k\":\"x\"},{\"n\":2,\"index\":1,\"k\":\"x\"},"
                            + "{\"n\":3,\"index\":2,\"k\":\"x\"}]"));
        }
    }

    @Test
    void listObjectsV2MakesEachObjectUnderThePrefixAnItem() throws Exception {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            DescribeExecutionResponse done = StepFunctionsFixture.run(sfn, role, distributed("""
                    "ItemReader":{"Resource":"arn:aws:states:::s3:listObjectsV2",\
                    "Parameters":{"Bucket":"%s","Prefix":"logs/"}},""".formatted(BUCKET), PASS), "{}");
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            JsonNode output = JSON.readTree(done.output());
            assertThat(output).hasSize(2);
            assertThat(output.get(0).path("Key").asText()).isEqualTo("logs/a.txt");
            assertThat(output.get(0).path("Size").asInt()).isEqualTo(3);
            assertThat(output.get(1).path("Size").asInt()).isEqualTo(5);
            assertThat(output.get(0).path("Etag").asText()).startsWith("\"");
            assertThat(output.get(0).path("StorageClass").asText()).isEqualTo("STANDARD");
            assertThat(output.get(0).path("LastModified").isIntegralNumber()).isTrue();
        }
    }

    @Test
    void aResultWriterWritesTheManifestAndTheResultFilesAndOutputsWhereTheManifestIs() throws Exception {
        try (SfnClient sfn = cloud.client(SfnClient.builder()); S3Client s3 = s3()) {
            String execution;
            String machine = StepFunctionsFixture.machine(sfn, role, distributed("""
                    "ToleratedFailureCount":1,"ResultWriter":{"Resource":"arn:aws:states:::s3:putObject",\
                    "Parameters":{"Bucket":"%s","Prefix":"out"}},""".formatted(BUCKET), """
                    "P":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":2,"Next":"Bad"}],\
                    "Default":"Good"},"Good":{"Type":"Pass","Result":"ok","End":true},\
                    "Bad":{"Type":"Fail","Error":"Two","Cause":"item 2"}"""));
            execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("[1,2,3]")).executionArn();
            DescribeExecutionResponse done = StepFunctionsFixture.finished(sfn, execution);
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            String mapRun = mapRunArn(sfn, execution);
            String runId = mapRun.substring(mapRun.lastIndexOf(':') + 1);
            JsonNode output = JSON.readTree(done.output());
            assertThat(output.path("MapRunArn").asText()).isEqualTo(mapRun);
            assertThat(output.path("ResultWriterDetails").path("Bucket").asText()).isEqualTo(BUCKET);
            String manifestKey = "out/" + runId + "/manifest.json";
            assertThat(output.path("ResultWriterDetails").path("Key").asText()).isEqualTo(manifestKey);

            JsonNode manifest = JSON.readTree(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(manifestKey))
                    .asUtf8String());
            assertThat(manifest.path("DestinationBucket").asText()).isEqualTo(BUCKET);
            assertThat(manifest.path("MapRunArn").asText()).isEqualTo(mapRun);
            assertThat(manifest.path("ResultFiles").path("PENDING")).isEmpty();
            JsonNode succeededFile = manifest.path("ResultFiles").path("SUCCEEDED").get(0);
            assertThat(succeededFile.path("Key").asText()).isEqualTo("out/" + runId + "/SUCCEEDED_0.json");
            String succeededText = s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(succeededFile.path("Key")
                    .asText())).asUtf8String();
            assertThat(succeededFile.path("Size").asLong()).isEqualTo(succeededText.length());
            JsonNode succeeded = JSON.readTree(succeededText);
            assertThat(succeeded).hasSize(2).allSatisfy(child -> {
                assertThat(child.path("Status").asText()).isEqualTo("SUCCEEDED");
                assertThat(child.path("Output").asText()).isEqualTo("\"ok\"");
                assertThat(child.path("ExecutionArn").asText()).contains(":execution:");
            });
            assertThat(succeeded).extracting(child -> child.path("Input").asText()).containsExactlyInAnyOrder(
                    "1", "3");
            JsonNode failed = JSON.readTree(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(manifest
                    .path("ResultFiles").path("FAILED").get(0).path("Key").asText())).asUtf8String());
            assertThat(failed).singleElement().satisfies(child -> {
                assertThat(child.path("Status").asText()).isEqualTo("FAILED");
                assertThat(child.path("Error").asText()).isEqualTo("Two");
                assertThat(child.path("Cause").asText()).isEqualTo("item 2");
            });
        }
    }

    @Test
    void writerConfigFlattensTheChildrensArrayOutputsIntoJsonLinesInS3() throws Exception {
        try (SfnClient sfn = cloud.client(SfnClient.builder()); S3Client s3 = s3()) {
            DescribeExecutionResponse done = StepFunctionsFixture.run(sfn, role, distributed("""
                    "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject",\
                    "Parameters":{"Bucket":"%s","Prefix":"flat"},\
                    "WriterConfig":{"Transformation":"FLATTEN","OutputType":"JSONL"}},""".formatted(BUCKET), """
                    "P":{"Type":"Pass","Parameters":{"twice.$":"States.Array($, $)"},"OutputPath":"$.twice",\
                    "End":true}"""), "[1,2,3]");
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            String key = JSON.readTree(done.output()).path("ResultWriterDetails").path("Key").asText();
            JsonNode manifest = JSON.readTree(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asUtf8String());
            String lines = s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(manifest.path("ResultFiles")
                    .path("SUCCEEDED").get(0).path("Key").asText())).asUtf8String();
            assertThat(lines.split("\n")).containsExactlyInAnyOrder("1", "1", "2", "2", "3", "3");
            DescribeMapRunResponse run = sfn.describeMapRun(r -> r.mapRunArn(manifest.path("MapRunArn").asText()));
            assertThat(run.itemCounts().resultsWritten()).isEqualTo(3);
            assertThat(run.executionCounts().resultsWritten()).isEqualTo(3);
        }
    }

    @Test
    void writerConfigAloneMakesTheFormattedResultsTheStatesOutputWithoutS3() throws Exception {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            DescribeExecutionResponse compact = StepFunctionsFixture.run(sfn, role, distributed("""
                    "ResultWriter":{"WriterConfig":{"Transformation":"COMPACT","OutputType":"JSON"}},""", """
                    "P":{"Type":"Pass","Parameters":{"n.$":"$"},"End":true}"""), "[1,2]");
            assertThat(compact.status()).as(compact.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(JSON.readTree(compact.output())).isEqualTo(JSON.readTree("[{\"n\":1},{\"n\":2}]"));
            DescribeExecutionResponse none = StepFunctionsFixture.run(sfn, role, distributed("""
                    "ResultWriter":{"WriterConfig":{"Transformation":"NONE"}},""", PASS), "[7]");
            assertThat(JSON.readTree(none.output()).get(0).path("Status").asText()).isEqualTo("SUCCEEDED");
            assertThat(JSON.readTree(none.output()).get(0).path("Output").asText()).isEqualTo("7");
            assertThat(sfn.validateStateMachineDefinition(r -> r.definition(distributed("""
                    "ResultWriter":{"WriterConfig":{"Transformation":"SQUASH"}},""", PASS))).diagnostics())
                    .extracting(d -> d.location()).containsExactly("/States/M/ResultWriter/WriterConfig/Transformation");
        }
    }

    @Test
    void maxConcurrencyPathAboveFortyRunsThatManyChildrenAtOnce() throws Exception {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            String machine = StepFunctionsFixture.machine(sfn, role, distributed("""
                    "ItemsPath":"$.items","MaxConcurrencyPath":"$.limit",""",
                    "\"P\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}"));
            StringBuilder items = new StringBuilder("[0");
            for (int i = 1; i < 60; i++) {
                items.append(',').append(i);
            }
            String input = "{\"limit\":50,\"items\":" + items + "]}";
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input(input)).executionArn();
            String mapRun = eventually(() -> history(sfn, execution).stream()
                    .filter(e -> e.typeAsString().equals("MapRunStarted")).findFirst()
                    .map(e -> e.mapRunStartedEventDetails().mapRunArn()).orElse(null));
            eventually(() -> sfn.describeMapRun(r -> r.mapRunArn(mapRun)).executionCounts().running() == 50
                    ? true : null);
            DescribeMapRunResponse running = sfn.describeMapRun(r -> r.mapRunArn(mapRun));
            assertThat(running.maxConcurrency()).isEqualTo(50);
            assertThat(running.executionCounts().pending()).isEqualTo(10);
            sfn.stopExecution(r -> r.executionArn(execution));
            eventually(() -> sfn.describeMapRun(r -> r.mapRunArn(mapRun)).status() == MapRunStatus.ABORTED
                    ? true : null);
        }
    }

    @Test
    void aFailingParallelSiblingAbortsTheMapRunWithAMapRunAbortedEvent() throws Exception {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            String mapBranch = distributed("", "\"P\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}");
            DescribeExecutionResponse done = StepFunctionsFixture.run(sfn, role, """
                    {"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,"Branches":[%s,\
                    {"StartAt":"Later","States":{"Later":{"Type":"Wait","Seconds":1,"Next":"Boom"},\
                    "Boom":{"Type":"Fail","Error":"Boom"}}}]}}}""".formatted(mapBranch), "[1,2]");
            assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
            List<String> types = history(sfn, done.executionArn()).stream().map(HistoryEvent::typeAsString).toList();
            assertThat(types).contains("MapRunStarted", "MapRunAborted").doesNotContain("MapRunSucceeded");
            String mapRun = mapRunArn(sfn, done.executionArn());
            eventually(() -> sfn.describeMapRun(r -> r.mapRunArn(mapRun)).status() == MapRunStatus.ABORTED
                    ? true : null);
        }
    }

    @Test
    void failuresPastTheToleratedThresholdFailTheMapRunAndTheState() throws Exception {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            String failOnEven = """
                    "P":{"Type":"Choice","Choices":[{"Variable":"$","NumericGreaterThan":2,"Next":"Bad"}],\
                    "Default":"Good"},"Good":{"Type":"Pass","End":true},\
                    "Bad":{"Type":"Fail","Error":"Big","Cause":"too big"}""";
            DescribeExecutionResponse within = StepFunctionsFixture.run(sfn, role,
                    distributed("\"ToleratedFailurePercentage\":50,", failOnEven), "[1,2,3,4]");
            assertThat(within.status()).as(within.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(JSON.readTree(within.output()).get(3)).isEqualTo(JSON.readTree(
                    "{\"Error\":\"Big\",\"Cause\":\"too big\"}"));

            String machine = StepFunctionsFixture.machine(sfn, role,
                    distributed("\"ToleratedFailureCount\":1,\"MaxConcurrency\":1,", failOnEven));
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("[1,2,3,4,5,6]"))
                    .executionArn();
            DescribeExecutionResponse past = StepFunctionsFixture.finished(sfn, execution);
            assertThat(past.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(past.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
            assertThat(history(sfn, execution)).extracting(HistoryEvent::typeAsString)
                    .containsSubsequence("MapRunStarted", "MapRunFailed", "MapStateFailed", "ExecutionFailed");
            DescribeMapRunResponse run = sfn.describeMapRun(r -> r.mapRunArn(mapRunArn(sfn, execution)));
            assertThat(run.status()).isEqualTo(MapRunStatus.FAILED);
            assertThat(run.toleratedFailureCount()).isEqualTo(1);
            // One at a time: the second failure (item 4) ends the run before items 5 and 6 start.
            assertThat(run.executionCounts().failed()).isEqualTo(2);
            assertThat(run.executionCounts().pending()).isEqualTo(2);

            DescribeExecutionResponse untolerated = StepFunctionsFixture.run(sfn, role, distributed("",
                    failOnEven), "[1,3]");
            assertThat(untolerated.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        }
    }

    @Test
    void theItemReaderReadsAsTheMachinesRoleAndFailsWithItemReaderFailed() {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            String reader = """
                    "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},\
                    "Parameters":{"Bucket":"%s","Key":"%s"}},""";
            DescribeExecutionResponse denied = StepFunctionsFixture.run(sfn, StepFunctionsFixture.role(cloud),
                    distributed(reader.formatted(BUCKET, "in/items.json"), PASS), "{}");
            assertThat(denied.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(denied.error()).isEqualTo("States.ItemReaderFailed");
            assertThat(denied.cause()).contains("AccessDenied");

            DescribeExecutionResponse missing = StepFunctionsFixture.run(sfn, role,
                    distributed(reader.formatted(BUCKET, "in/none.json"), PASS), "{}");
            assertThat(missing.error()).isEqualTo("States.ItemReaderFailed");
            assertThat(missing.cause()).contains("NoSuchKey");

            DescribeExecutionResponse notAnArray = StepFunctionsFixture.run(sfn, role,
                    distributed(reader.formatted(BUCKET, "logs/a.txt"), PASS), "{}");
            assertThat(notAnArray.error()).isEqualTo("States.ItemReaderFailed");

            DescribeExecutionResponse caught = StepFunctionsFixture.run(sfn, role, """
                    {"StartAt":"M","States":{"M":{"Type":"Map",%s"ItemProcessor":{"ProcessorConfig":\
                    {"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P","States":{%s}},\
                    "Catch":[{"ErrorEquals":["States.ItemReaderFailed"],"Next":"Caught"}],"End":true},\
                    "Caught":{"Type":"Pass","End":true}}}""".formatted(reader.formatted(BUCKET, "in/none.json"),
                    PASS), "{}");
            assertThat(caught.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        }
    }

    @Test
    void aDistributedOnlyFieldOnAnInlineMapIsADefinitionError() {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            String inline = """
                    {"StartAt":"M","States":{"M":{"Type":"Map","ItemReader":{"Resource":\
                    "arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},\
                    "Parameters":{"Bucket":"b","Key":"k"}},"ItemProcessor":{"StartAt":"P","States":{%s}},\
                    "End":true}}}""".formatted(PASS);
            ValidateStateMachineDefinitionResponse answer = sfn.validateStateMachineDefinition(
                    r -> r.definition(inline));
            assertThat(answer.resultAsString()).isEqualTo("FAIL");
            assertThat(answer.diagnostics()).singleElement().satisfies(d -> {
                assertThat(d.code()).isEqualTo("SCHEMA_VALIDATION_FAILED");
                assertThat(d.location()).isEqualTo("/States/M/ItemReader");
            });
            assertThatThrownBy(() -> StepFunctionsFixture.machine(sfn, role, inline))
                    .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("ItemReader");
            String noType = distributed("", PASS).replace(",\"ExecutionType\":\"STANDARD\"", "");
            assertThat(sfn.validateStateMachineDefinition(r -> r.definition(noType)).diagnostics())
                    .singleElement().satisfies(d -> assertThat(d.message()).contains("ExecutionType"));
            String csvWithoutHeaders = distributed("""
                    "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV",\
                    "CSVHeaderLocation":"GIVEN"},"Parameters":{"Bucket":"b","Key":"k"}},""", PASS);
            assertThat(sfn.validateStateMachineDefinition(r -> r.definition(csvWithoutHeaders)).diagnostics())
                    .singleElement().satisfies(d -> assertThat(d.message()).contains("CSVHeaders"));
        }
    }

    @Test
    void updateMapRunChangesARunningMapRunsConcurrencyAndStoppingTheExecutionAbortsIt() throws Exception {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            String machine = StepFunctionsFixture.machine(sfn, role, distributed("\"MaxConcurrency\":1,",
                    "\"P\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}"));
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("[1,2,3]"))
                    .executionArn();
            String mapRun = eventually(() -> history(sfn, execution).stream()
                    .filter(e -> e.typeAsString().equals("MapRunStarted")).findFirst()
                    .map(e -> e.mapRunStartedEventDetails().mapRunArn()).orElse(null));
            eventually(() -> sfn.describeMapRun(r -> r.mapRunArn(mapRun)).executionCounts().running() == 1
                    ? true : null);
            assertThat(sfn.describeMapRun(r -> r.mapRunArn(mapRun)).executionCounts().pending()).isEqualTo(2);

            sfn.updateMapRun(r -> r.mapRunArn(mapRun).maxConcurrency(3).toleratedFailurePercentage(10f));
            eventually(() -> sfn.describeMapRun(r -> r.mapRunArn(mapRun)).executionCounts().running() == 3
                    ? true : null);
            DescribeMapRunResponse updated = sfn.describeMapRun(r -> r.mapRunArn(mapRun));
            assertThat(updated.maxConcurrency()).isEqualTo(3);
            assertThat(updated.toleratedFailurePercentage()).isEqualTo(10f);
            assertThat(updated.status()).isEqualTo(MapRunStatus.RUNNING);

            sfn.stopExecution(r -> r.executionArn(execution));
            eventually(() -> sfn.describeMapRun(r -> r.mapRunArn(mapRun)).status() == MapRunStatus.ABORTED
                    ? true : null);
            assertThat(sfn.listExecutions(r -> r.mapRunArn(mapRun)).executions()).hasSize(3)
                    .allSatisfy(child -> assertThat(child.status()).isEqualTo(ExecutionStatus.ABORTED));
            assertThatThrownBy(() -> sfn.updateMapRun(r -> r.mapRunArn(mapRun).maxConcurrency(5)))
                    .isInstanceOf(SfnException.class).hasMessageContaining("not running");
        }
    }

    @Test
    void mapRunOperationsAnswerAwsErrorsForUnknownOrMalformedArns() {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            String unknown = "arn:aws:states:us-east-1:000000000000:mapRun:nope/M:00000000-0000-0000-0000-000000000000";
            assertThatThrownBy(() -> sfn.describeMapRun(r -> r.mapRunArn(unknown)))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> sfn.updateMapRun(r -> r.mapRunArn(unknown).maxConcurrency(2)))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> sfn.updateMapRun(r -> r.mapRunArn(unknown)))
                    .isInstanceOf(SfnException.class).satisfies(e -> assertThat(((SfnException) e)
                            .awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
            assertThatThrownBy(() -> sfn.describeMapRun(r -> r.mapRunArn("not-an-arn")))
                    .isInstanceOf(SfnException.class).satisfies(e -> assertThat(((SfnException) e)
                            .awsErrorDetails().errorCode()).isEqualTo("InvalidArn"));
        }
    }

    private static <T> T eventually(Supplier<T> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 20 seconds");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
