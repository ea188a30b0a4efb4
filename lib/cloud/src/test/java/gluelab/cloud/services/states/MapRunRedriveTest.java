package gluelab.cloud.services.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.testing.ChildLabCloud;
import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveFilter;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.MapRunStatus;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * Redriving a Distributed Map's map run by redriving its parent execution, as the Step Functions Developer Guide
 * describes it ("Redriving Map Runs"): the same map run runs again (same ARN, {@code MapRunRedriven} in the parent's
 * history, DescribeMapRun's redriveCount and redriveDate); its succeeded children keep their results; its
 * unsuccessful STANDARD children are redriven from the state they failed in, its unsuccessful EXPRESS ones started
 * again from the ItemProcessor's first state; pendingRedrive counts those waiting to run; the tolerated failure
 * threshold and the ResultWriter's files are over all the items; and a map run child is redriven only through its
 * parent.
 *
 * <p>The children fail until an S3 object, the flag, exists: items with {@code "needs":true} read it, then wait a
 * minute on the lab clock (so a redrive can be watched while it runs).
 */
class MapRunRedriveTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "maprun-redrive";
    private static String role;

    @BeforeAll
    static void bucket() {
        role = StepFunctionsFixture.role(cloud, "sfn-maprun-redrive", "s3:GetObject", "s3:ListBucket",
                "s3:PutObject");
        try (S3Client s3 = s3(cloud)) {
            s3.createBucket(r -> r.bucket(BUCKET));
        }
    }

    private static S3Client s3(RunningLabCloud on) {
        return on.client(S3Client.builder().forcePathStyle(true));
    }

    /**
     * A machine of one Distributed Map {@code M} (with these extra fields) whose children of {@code type} read the
     * flag {@code flag} for items that need it, then hold for a minute; every child outputs its {@code n}.
     */
    private static String definition(String type, String fields, String flag) {
        return """
                {"StartAt":"M","States":{"M":{"Type":"Map",%s"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED",\
                "ExecutionType":"%s"},"StartAt":"Needs","States":{\
                "Needs":{"Type":"Choice","Choices":[{"Variable":"$.needs","BooleanEquals":true,"Next":"Fetch"}],\
                "Default":"Done"},\
                "Fetch":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:headObject",\
                "Parameters":{"Bucket":"%s","Key":"%s"},"ResultPath":null,"Next":"Hold"},\
                "Hold":{"Type":"Wait","Seconds":60,"Next":"Done"},\
                "Done":{"Type":"Pass","Parameters":{"n.$":"$.n"},"End":true}}},"End":true}}}"""
                .formatted(fields, type, BUCKET, flag);
    }

    /** Items 1..count; those listed need the flag. */
    private static String items(int count, int... needing) {
        StringBuilder items = new StringBuilder("[");
        for (int n = 1; n <= count; n++) {
            boolean needs = false;
            for (int i : needing) {
                needs |= i == n;
            }
            items.append(n == 1 ? "" : ",").append("{\"n\":").append(n).append(",\"needs\":").append(needs)
                    .append('}');
        }
        return items.append(']').toString();
    }

    private static String flag() {
        return "flags/" + UUID.randomUUID();
    }

    private static void raise(RunningLabCloud on, String flag) {
        try (S3Client s3 = s3(on)) {
            s3.putObject(r -> r.bucket(BUCKET).key(flag), RequestBody.fromString("up"));
        }
    }

    private static List<HistoryEvent> history(SfnClient sfn, String executionArn) {
        return StepFunctionsFixture.history(sfn, executionArn);
    }

    private static List<String> types(SfnClient sfn, String executionArn) {
        return history(sfn, executionArn).stream().map(HistoryEvent::typeAsString).toList();
    }

    private static String mapRunArn(SfnClient sfn, String executionArn) {
        return history(sfn, executionArn).stream().filter(e -> e.typeAsString().equals("MapRunStarted"))
                .findFirst().orElseThrow().mapRunStartedEventDetails().mapRunArn();
    }

    /** The map run's children in item order (each child's input names its item). */
    private static List<ExecutionListItem> children(SfnClient sfn, String mapRun) {
        return sfn.listExecutions(r -> r.mapRunArn(mapRun)).executions().stream()
                .sorted(java.util.Comparator.comparingInt(child -> item(sfn, child.executionArn())))
                .toList();
    }

    private static int item(SfnClient sfn, String childArn) {
        try {
            return JSON.readTree(sfn.describeExecution(r -> r.executionArn(childArn)).input()).path("n").asInt();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Advances the lab clock a minute at a time until the execution has ended. */
    private static DescribeExecutionResponse holdsReleased(SfnClient sfn, String executionArn) {
        for (int i = 0; i < 50; i++) {
            DescribeExecutionResponse now = sfn.describeExecution(r -> r.executionArn(executionArn));
            if (now.status() != ExecutionStatus.RUNNING) {
                return now;
            }
            LabAdmin.advanceClock(cloud, Duration.ofSeconds(61));
            sleep(50);
        }
        return StepFunctionsFixture.finished(sfn, executionArn);
    }

    private static void eventually(String what, BooleanSupplier condition) {
        for (int i = 0; i < 1000; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            sleep(10);
        }
        throw new AssertionError("never: " + what);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void assertNotRedrivable(SfnClient sfn, String executionArn) {
        assertThatThrownBy(() -> sfn.redriveExecution(r -> r.executionArn(executionArn)))
                .isInstanceOfSatisfying(SfnException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExecutionNotRedrivable");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
    }

    @Test
    void aFailedMapRunIsRedrivenInPlaceAndOnlyItsUnsuccessfulStandardChildrenRunAgain() throws Exception {
        String flag = flag();
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            String machine = StepFunctionsFixture.machine(sfn, role, definition("STANDARD",
                    "\"ToleratedFailureCount\":1,\"MaxConcurrency\":1,", flag));
            String parent = sfn.startExecution(r -> r.stateMachineArn(machine).input(items(6, 2, 5)))
                    .executionArn();
            // One at a time: 1 succeeds, 2 fails (tolerated), 3 and 4 succeed, 5 fails past the threshold, 6 waits.
            DescribeExecutionResponse failed = StepFunctionsFixture.finished(sfn, parent);
            assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(failed.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
            String mapRun = mapRunArn(sfn, parent);
            DescribeMapRunResponse before = sfn.describeMapRun(r -> r.mapRunArn(mapRun));
            assertThat(before.status()).isEqualTo(MapRunStatus.FAILED);
            assertThat(before.redriveCount()).isZero();
            assertThat(before.redriveDate()).isNull();
            assertThat(before.executionCounts().succeeded()).isEqualTo(3);
            assertThat(before.executionCounts().failed()).isEqualTo(2);
            assertThat(before.executionCounts().pending()).isEqualTo(1);
            List<ExecutionListItem> firstChildren = children(sfn, mapRun);
            assertThat(firstChildren).hasSize(5);
            // A failed child is one its map run can redrive, through its parent only.
            DescribeExecutionResponse failedChild = sfn.describeExecution(r -> r.executionArn(firstChildren.get(1)
                    .executionArn()));
            assertThat(failedChild.redriveStatus()).isEqualTo(ExecutionRedriveStatus.REDRIVABLE);
            assertThat(failedChild.mapRunArn()).isEqualTo(mapRun);
            assertThatThrownBy(() -> sfn.redriveExecution(r -> r.executionArn(failedChild.executionArn())))
                    .isInstanceOfSatisfying(SfnException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExecutionNotRedrivable");
                        assertThat(e.awsErrorDetails().errorMessage()).contains(mapRun);
                    });

            // Redriven with the flag still down: 2 and 5 fail again; the threshold counts over all six items.
            sfn.redriveExecution(r -> r.executionArn(parent));
            DescribeExecutionResponse again = StepFunctionsFixture.finished(sfn, parent);
            assertThat(again.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(again.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
            DescribeMapRunResponse once = sfn.describeMapRun(r -> r.mapRunArn(mapRun));
            assertThat(once.status()).isEqualTo(MapRunStatus.FAILED);
            assertThat(once.redriveCount()).isEqualTo(1);
            assertThat(once.redriveDate()).isNotNull();
            assertThat(once.executionCounts().succeeded()).isEqualTo(3);
            assertThat(once.executionCounts().failed()).isEqualTo(2);
            assertThat(once.executionCounts().pendingRedrive()).isZero();

            raise(cloud, flag);
            var redrive = sfn.redriveExecution(r -> r.executionArn(parent));
            // Child 2 redriven reads the flag and holds; 5 waits to be redriven, 6 to be started.
            eventually("child 2 holding", () -> sfn.describeMapRun(r -> r.mapRunArn(mapRun))
                    .executionCounts().running() == 1);
            DescribeMapRunResponse running = sfn.describeMapRun(r -> r.mapRunArn(mapRun));
            assertThat(running.status()).isEqualTo(MapRunStatus.RUNNING);
            assertThat(running.stopDate()).isNull();
            assertThat(running.redriveCount()).isEqualTo(2);
            assertThat(running.redriveDate()).isAfterOrEqualTo(redrive.redriveDate());
            assertThat(running.executionCounts().pendingRedrive()).isEqualTo(1);
            assertThat(running.executionCounts().pending()).isEqualTo(1);
            assertThat(running.executionCounts().failed()).isZero();
            assertThat(running.executionCounts().succeeded()).isEqualTo(3);
            assertThat(running.itemCounts().pendingRedrive()).isEqualTo(1);

            DescribeExecutionResponse done = holdsReleased(sfn, parent);
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(done.redriveCount()).isEqualTo(2);
            assertThat(JSON.readTree(done.output())).isEqualTo(JSON.readTree(
                    "[{\"n\":1},{\"n\":2},{\"n\":3},{\"n\":4},{\"n\":5},{\"n\":6}]"));

            DescribeMapRunResponse after = sfn.describeMapRun(r -> r.mapRunArn(mapRun));
            assertThat(after.status()).isEqualTo(MapRunStatus.SUCCEEDED);
            assertThat(after.redriveCount()).isEqualTo(2);
            assertThat(after.executionCounts().succeeded()).isEqualTo(6);
            assertThat(after.executionCounts().total()).isEqualTo(6);
            assertThat(after.executionCounts().failed()).isZero();
            assertThat(after.executionCounts().pendingRedrive()).isZero();
            assertThat(after.executionCounts().failuresNotRedrivable()).isZero();
            assertThat(after.itemCounts().succeeded()).isEqualTo(6);
            assertThat(sfn.listMapRuns(r -> r.executionArn(parent)).mapRuns()).singleElement()
                    .satisfies(item -> assertThat(item.mapRunArn()).isEqualTo(mapRun));

            List<HistoryEvent> events = history(sfn, parent);
            assertThat(events).extracting(HistoryEvent::typeAsString).containsSubsequence(
                    "MapRunStarted", "MapRunFailed", "MapStateFailed", "ExecutionFailed",
                    "ExecutionRedriven", "MapStateEntered", "MapStateStarted", "MapRunRedriven", "MapRunFailed",
                    "ExecutionFailed", "ExecutionRedriven", "MapRunRedriven", "MapRunSucceeded",
                    "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded");
            assertThat(events).filteredOn(e -> e.typeAsString().equals("MapRunStarted")).hasSize(1);
            assertThat(events).filteredOn(e -> e.typeAsString().equals("MapRunRedriven"))
                    .extracting(e -> e.mapRunRedrivenEventDetails().mapRunArn() + " "
                            + e.mapRunRedrivenEventDetails().redriveCount())
                    .containsExactly(mapRun + " 1", mapRun + " 2");

            // The succeeded children ran once; 2 and 5 were redriven from Fetch, twice; 6 started on the last.
            List<ExecutionListItem> kids = children(sfn, mapRun);
            assertThat(kids).extracting(ExecutionListItem::executionArn)
                    .startsWith(firstChildren.stream().map(ExecutionListItem::executionArn).toArray(String[]::new));
            assertThat(kids).extracting(ExecutionListItem::redriveCount).containsExactly(0, 2, 0, 0, 2, 0);
            assertThat(sfn.listExecutions(r -> r.mapRunArn(mapRun).redriveFilter(ExecutionRedriveFilter.REDRIVEN))
                    .executions()).hasSize(2);
            assertThat(types(sfn, kids.get(0).executionArn())).doesNotContain("ExecutionRedriven");
            List<String> second = types(sfn, kids.get(1).executionArn());
            assertThat(second).containsSubsequence("TaskFailed", "ExecutionFailed", "ExecutionRedriven",
                    "TaskFailed", "ExecutionFailed", "ExecutionRedriven", "TaskStateEntered", "TaskSucceeded",
                    "WaitStateEntered", "ExecutionSucceeded");
            assertThat(second).filteredOn("ChoiceStateEntered"::equals).hasSize(1);

            assertNotRedrivable(sfn, parent);
            assertNotRedrivable(sfn, kids.get(1).executionArn());
            assertThat(sfn.describeExecution(r -> r.executionArn(kids.get(1).executionArn())).redriveStatus())
                    .isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);
        }
    }

    @Test
    void unsuccessfulExpressChildrenAreStartedAgainUnderTheSameArnAndTheResultWriterListsEveryItem()
            throws Exception {
        String flag = flag();
        try (SfnClient sfn = cloud.client(SfnClient.builder()); S3Client s3 = s3(cloud)) {
            String machine = StepFunctionsFixture.machine(sfn, role, definition("EXPRESS", """
                    "MaxConcurrency":1,"ResultWriter":{"Resource":"arn:aws:states:::s3:putObject",\
                    "Parameters":{"Bucket":"%s","Prefix":"express"}},""".formatted(BUCKET), flag));
            String parent = sfn.startExecution(r -> r.stateMachineArn(machine).input(items(3, 2))).executionArn();
            // None tolerated: 1 succeeds, 2 fails, 3 is never started.
            assertThat(StepFunctionsFixture.finished(sfn, parent).status()).isEqualTo(ExecutionStatus.FAILED);
            String mapRun = mapRunArn(sfn, parent);
            String failedChild = children(sfn, mapRun).get(1).executionArn();
            long firstStart = sfn.describeExecution(r -> r.executionArn(failedChild)).startDate().toEpochMilli();

            raise(cloud, flag);
            LabAdmin.advanceClock(cloud, Duration.ofSeconds(5));
            sfn.redriveExecution(r -> r.executionArn(parent));
            DescribeExecutionResponse done = holdsReleased(sfn, parent);
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);

            DescribeExecutionResponse child = sfn.describeExecution(r -> r.executionArn(failedChild));
            assertThat(child.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(child.redriveCount()).isZero();
            assertThat(child.startDate().toEpochMilli()).isGreaterThan(firstStart);
            List<String> childEvents = types(sfn, failedChild);
            assertThat(childEvents.get(0)).isEqualTo("ExecutionStarted");
            assertThat(childEvents).doesNotContain("ExecutionRedriven", "TaskFailed");
            assertThat(childEvents).filteredOn("ChoiceStateEntered"::equals).hasSize(1);

            DescribeMapRunResponse run = sfn.describeMapRun(r -> r.mapRunArn(mapRun));
            assertThat(run.redriveCount()).isEqualTo(1);
            assertThat(run.executionCounts().succeeded()).isEqualTo(3);
            assertThat(run.executionCounts().resultsWritten()).isEqualTo(3);
            String key = JSON.readTree(done.output()).path("ResultWriterDetails").path("Key").asText();
            JsonNode manifest = JSON.readTree(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asUtf8String());
            assertThat(manifest.path("MapRunArn").asText()).isEqualTo(mapRun);
            assertThat(manifest.path("ResultFiles").path("FAILED")).isEmpty();
            assertThat(manifest.path("ResultFiles").path("PENDING")).isEmpty();
            JsonNode succeeded = JSON.readTree(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(manifest
                    .path("ResultFiles").path("SUCCEEDED").get(0).path("Key").asText())).asUtf8String());
            assertThat(succeeded).extracting(c -> c.path("Output").asText())
                    .containsExactlyInAnyOrder("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
        }
    }

    @Test
    void aStoppedParentRedrivesItsAbortedMapRunAndTheAbortedChildrenRunOnFromWhereTheyStopped() {
        String flag = flag();
        raise(cloud, flag);
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            String machine = StepFunctionsFixture.machine(sfn, role, definition("STANDARD", "\"MaxConcurrency\":2,",
                    flag));
            String parent = sfn.startExecution(r -> r.stateMachineArn(machine).input(items(3, 1, 2, 3)))
                    .executionArn();
            eventually("two children holding", () -> types(sfn, parent).contains("MapRunStarted")
                    && sfn.describeMapRun(r -> r.mapRunArn(mapRunArn(sfn, parent))).executionCounts().running() == 2);
            String mapRun = mapRunArn(sfn, parent);
            sfn.stopExecution(r -> r.executionArn(parent));
            eventually("map run aborted", () -> sfn.describeMapRun(r -> r.mapRunArn(mapRun)).status()
                    == MapRunStatus.ABORTED);
            assertThat(sfn.describeMapRun(r -> r.mapRunArn(mapRun)).executionCounts().aborted()).isEqualTo(2);

            sfn.redriveExecution(r -> r.executionArn(parent));
            DescribeExecutionResponse done = holdsReleased(sfn, parent);
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            DescribeMapRunResponse run = sfn.describeMapRun(r -> r.mapRunArn(mapRun));
            assertThat(run.redriveCount()).isEqualTo(1);
            assertThat(run.executionCounts().succeeded()).isEqualTo(3);
            assertThat(run.executionCounts().aborted()).isZero();
            List<ExecutionListItem> kids = children(sfn, mapRun);
            assertThat(kids).extracting(ExecutionListItem::redriveCount).containsExactly(1, 1, 0);
            // Redriven from the Wait they were stopped in: their Task ran once.
            assertThat(types(sfn, kids.get(0).executionArn())).containsSubsequence("ExecutionAborted",
                    "ExecutionRedriven", "WaitStateEntered", "ExecutionSucceeded")
                    .filteredOn("TaskStateEntered"::equals).hasSize(1);
        }
    }

    @Test
    void aMapRunThatFailedBeforeKillNineIsRedrivenAfterTheRestart(@TempDir Path stateDir) throws Exception {
        String flag = flag();
        String parent;
        String mapRun;
        try (ChildLabCloud first = ChildLabCloud.start(stateDir); SfnClient sfn = first.client(SfnClient.builder());
             S3Client s3 = first.client(S3Client.builder().forcePathStyle(true));
             IamClient iam = first.client(IamClient.builder())) {
            s3.createBucket(r -> r.bucket(BUCKET));
            String roleArn = iam.createRole(r -> r.roleName("sfn-durable").assumeRolePolicyDocument(
                    StepFunctionsFixture.TRUST)).role().arn();
            iam.putRolePolicy(r -> r.roleName("sfn-durable").policyName("work").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"""));
            String machine = StepFunctionsFixture.machine(sfn, roleArn, definition("STANDARD",
                    "\"MaxConcurrency\":1,", flag).replace("\"Seconds\":60", "\"Seconds\":0"));
            parent = sfn.startExecution(r -> r.stateMachineArn(machine).input(items(3, 2))).executionArn();
            assertThat(StepFunctionsFixture.finished(sfn, parent).status()).isEqualTo(ExecutionStatus.FAILED);
            mapRun = mapRunArn(sfn, parent);
            first.kill();
        }
        try (ChildLabCloud second = ChildLabCloud.start(stateDir);
             SfnClient sfn = second.client(SfnClient.builder());
             S3Client s3 = second.client(S3Client.builder().forcePathStyle(true))) {
            s3.putObject(r -> r.bucket(BUCKET).key(flag), RequestBody.fromString("up"));
            sfn.redriveExecution(r -> r.executionArn(parent));
            DescribeExecutionResponse done = StepFunctionsFixture.finished(sfn, parent);
            assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(JSON.readTree(done.output())).hasSize(3);
            DescribeMapRunResponse run = sfn.describeMapRun(r -> r.mapRunArn(mapRun));
            assertThat(run.redriveCount()).isEqualTo(1);
            assertThat(run.executionCounts().succeeded()).isEqualTo(3);
            assertThat(sfn.listExecutions(r -> r.mapRunArn(mapRun)).executions())
                    .extracting(ExecutionListItem::redriveCount).containsExactlyInAnyOrder(0, 1, 0);
        }
    }
}
