package gluelab.cloud.services.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.Await;
import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * No secret value reaches a log: after creating, reading, replacing, batch-reading, rotating and a refused request
 * carrying a value, none of the values is in Lab Cloud's timeline, its CloudTrail event history, any CloudWatch Logs
 * stream (the rotation function's included), or any line Lab Cloud logged in this JVM; while the secret's name is
 * in each of the first three, so the search is known to look where the calls were recorded.
 */
class SecretValuesNeverLoggedTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static final List<String> LOGGED = new ArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringWriter text = new StringWriter();
            text.append(String.valueOf(record.getMessage()));
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(text));
            }
            synchronized (LOGGED) {
                LOGGED.add(text.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void captureEveryLogLine() {
        Logger root = Logger.getLogger("");
        root.addHandler(CAPTURE);
        CAPTURE.setLevel(Level.ALL);
    }

    @AfterAll
    static void stopCapturing() {
        Logger.getLogger("").removeHandler(CAPTURE);
    }

    @Test
    void noValueCreatedReadPutOrRotatedAppearsInTheTimelineCloudTrailCloudWatchLogsOrLabCloudsOwnLog() {
        String rotator = RotationFixture.rotationFunction(cloud, "leak-rotator", true);
        String created = "created-" + UUID.randomUUID();
        String put = "put-" + UUID.randomUUID();
        String updated = "updated-" + UUID.randomUUID();
        String refused = "refused-" + UUID.randomUUID();
        String binary = "binary-" + UUID.randomUUID();
        List<String> values = new ArrayList<>(List.of(created, put, updated, refused, binary));
        try (SecretsManagerClient sm = cloud.client(SecretsManagerClient.builder())) {
            sm.createSecret(r -> r.name("leak/db").secretString("{\"username\":\"app\",\"password\":\"" + created + "\"}"));
            sm.getSecretValue(r -> r.secretId("leak/db"));
            sm.putSecretValue(r -> r.secretId("leak/db").secretString("{\"username\":\"app\",\"password\":\"" + put + "\"}"));
            sm.updateSecret(r -> r.secretId("leak/db").secretString("{\"username\":\"app\",\"password\":\"" + updated + "\"}"));
            sm.batchGetSecretValue(r -> r.secretIdList("leak/db"));
            sm.createSecret(r -> r.name("leak/binary").secretBinary(SdkBytes.fromUtf8String(binary)));
            assertThatThrownBy(() -> sm.putSecretValue(r -> r.secretId("leak/db").secretString(refused)
                    .secretBinary(SdkBytes.fromUtf8String(refused)))).isInstanceOf(SecretsManagerException.class);
            assertThatThrownBy(() -> sm.createSecret(r -> r.name("leak/db").secretString(refused)))
                    .isInstanceOf(SecretsManagerException.class);
            sm.rotateSecret(r -> r.secretId("leak/db").rotationLambdaARN(rotator));
            String rotated = sm.getSecretValue(r -> r.secretId("leak/db")).secretString();
            String password = rotated.replaceAll(".*\"password\":\"([^\"]*)\".*", "$1");
            assertThat(password).isNotEqualTo(updated).hasSize(32);
            values.add(password);
            values.add(sm.getRandomPassword(r -> r.passwordLength(40L)).randomPassword());
        }

        String timeline = LabAdmin.get(cloud, "/_lab/events?limit=100000").toString();
        assertThat(timeline).contains("PutSecretValue").contains("leak/db").contains("RotationSucceeded");

        List<String> trail = cloudTrailHistory();
        assertThat(String.join("\n", trail)).contains("\"eventName\":\"PutSecretValue\"").contains("leak/db");

        List<String> logLines = logEvents();
        assertThat(String.join("\n", logLines)).contains("rotation step finishSecret");

        List<String> labCloudLog;
        synchronized (LOGGED) {
            labCloudLog = List.copyOf(LOGGED);
        }
        for (String value : values) {
            assertThat(timeline).as("the timeline").doesNotContain(value);
            assertThat(trail).as("CloudTrail's event history").noneMatch(event -> event.contains(value));
            assertThat(logLines).as("CloudWatch Logs").noneMatch(line -> line.contains(value));
            assertThat(labCloudLog).as("Lab Cloud's own log").noneMatch(line -> line.contains(value));
        }
    }

    /** Every management event CloudTrail's history holds for Secrets Manager, once the last call is in it. */
    private static List<String> cloudTrailHistory() {
        try (CloudTrailClient cloudtrail = cloud.client(CloudTrailClient.builder())) {
            Await.until(() -> cloudtrail.lookupEvents(r -> r.lookupAttributes(a -> a
                            .attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("RotateSecret"))).events(),
                    events -> !events.isEmpty(), "RotateSecret in CloudTrail's event history");
            return cloudtrail.lookupEventsPaginator(r -> r.lookupAttributes(a -> a
                            .attributeKey(LookupAttributeKey.EVENT_SOURCE).attributeValue("secretsmanager.amazonaws.com")))
                    .events().stream().map(Event::cloudTrailEvent).toList();
        }
    }

    /** Every event of every log stream in CloudWatch Logs. */
    private static List<String> logEvents() {
        List<String> lines = new ArrayList<>();
        try (CloudWatchLogsClient logs = cloud.client(CloudWatchLogsClient.builder())) {
            logs.describeLogGroupsPaginator(r -> r.build()).logGroups().forEach(group ->
                    logs.filterLogEventsPaginator(r -> r.logGroupName(group.logGroupName())).events()
                            .forEach(event -> lines.add(event.message())));
        }
        return lines;
    }
}
