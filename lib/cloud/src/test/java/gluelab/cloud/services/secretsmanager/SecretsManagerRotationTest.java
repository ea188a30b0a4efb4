package gluelab.cloud.services.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import gluelab.cloud.testing.LabAdmin;
import gluelab.cloud.testing.RunningLabCloud;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Rotation as AWS Secrets Manager runs it, with a real Java rotation function that calls Secrets Manager back through
 * the SDK: the four steps in order, the labels moving (AWSPENDING to AWSCURRENT, the old version to AWSPREVIOUS), a
 * failed step leaving AWSPENDING where it was and saying why, the function's resource policy deciding whether Secrets
 * Manager may invoke it, and scheduled rotation on the lab clock.
 */
class SecretsManagerRotationTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static String rotator;

    @BeforeAll
    static void rotationFunction() {
        rotator = RotationFixture.rotationFunction(cloud, "rotator", true);
    }

    private static SecretsManagerClient client() {
        return cloud.client(SecretsManagerClient.builder());
    }

    private static String currentVersion(DescribeSecretResponse described) {
        return described.versionIdsToStages().entrySet().stream().filter(e -> e.getValue().contains("AWSCURRENT"))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    private static List<JsonNode> rotationEvents(String secret, String name) {
        return LabAdmin.events(cloud, "secretsmanager", name).stream()
                .filter(e -> e.path("resource").asText().equals(secret)).toList();
    }

    @Test
    void rotateSecretRunsTheFourStepsInOrderAndMovesAwsCurrentToTheNewPasswordAndTheOldOneToAwsPrevious() {
        try (SecretsManagerClient sm = client()) {
            String first = sm.createSecret(r -> r.name("rotate/app")
                    .secretString("{\"username\":\"app\",\"password\":\"first-password\"}")).versionId();
            String rotated = sm.rotateSecret(r -> r.secretId("rotate/app").rotationLambdaARN(rotator)
                    .rotationRules(rules -> rules.automaticallyAfterDays(30L))).versionId();

            DescribeSecretResponse described = sm.describeSecret(r -> r.secretId("rotate/app"));
            assertThat(described.versionIdsToStages())
                    .isEqualTo(Map.of(first, List.of("AWSPREVIOUS"), rotated, List.of("AWSCURRENT")));
            assertThat(described.rotationEnabled()).isTrue();
            assertThat(described.rotationLambdaARN()).isEqualTo(rotator);
            assertThat(described.rotationRules().automaticallyAfterDays()).isEqualTo(30L);
            assertThat(described.lastRotatedDate()).isNotNull();
            assertThat(described.nextRotationDate()).isEqualTo(described.lastRotatedDate().plus(Duration.ofDays(30)));
            String now = sm.getSecretValue(r -> r.secretId("rotate/app")).secretString();
            assertThat(now).startsWith("{\"username\":\"app\",\"password\":\"").doesNotContain("first-password");
            assertThat(sm.getSecretValue(r -> r.secretId("rotate/app").versionStage("AWSPREVIOUS")).secretString())
                    .contains("first-password");

            assertThat(rotationEvents("rotate/app", "RotationStepInvoked")).extracting(e -> e.path("detail")
                    .path("step").asText()).containsExactly("createSecret", "setSecret", "testSecret", "finishSecret");
            assertThat(rotationEvents("rotate/app", "RotationSucceeded")).singleElement()
                    .satisfies(e -> assertThat(e.path("detail").path("versionId").asText()).isEqualTo(rotated));
        }
    }

    @Test
    void aFailedTestSecretStepLeavesAwsCurrentUntouchedAndAwsPendingOnTheNewVersionWhichTheNextRotateSecretReattempts() {
        try (SecretsManagerClient sm = client()) {
            String first = sm.createSecret(r -> r.name("rotate/failing")
                    .secretString("{\"password\":\"kept\",\"failAt\":\"testSecret\"}")).versionId();
            String pending = sm.rotateSecret(r -> r.secretId("rotate/failing").rotationLambdaARN(rotator)).versionId();

            DescribeSecretResponse described = sm.describeSecret(r -> r.secretId("rotate/failing"));
            assertThat(described.versionIdsToStages())
                    .isEqualTo(Map.of(first, List.of("AWSCURRENT"), pending, List.of("AWSPENDING")));
            assertThat(described.lastRotatedDate()).isNull();
            assertThat(sm.getSecretValue(r -> r.secretId("rotate/failing")).secretString()).contains("kept");
            assertThat(rotationEvents("rotate/failing", "RotationFailed")).singleElement().satisfies(e -> {
                assertThat(e.path("detail").path("step").asText()).isEqualTo("testSecret");
                assertThat(e.path("detail").path("reason").asText()).contains("testSecret failed as the secret asked");
            });

            String fixed = sm.putSecretValue(r -> r.secretId("rotate/failing").secretString("{\"password\":\"kept\"}"))
                    .versionId();
            assertThatThrownBy(() -> sm.rotateSecret(r -> r.secretId("rotate/failing")))
                    .isInstanceOfSatisfying(SecretsManagerException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequestException");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("A previous rotation isn't complete. That rotation will be reattempted.");
                    });
            assertThat(rotationEvents("rotate/failing", "RotationSucceeded")).singleElement()
                    .satisfies(e -> assertThat(e.path("detail").path("versionId").asText()).isEqualTo(pending));
            assertThat(sm.describeSecret(r -> r.secretId("rotate/failing")).versionIdsToStages())
                    .isEqualTo(Map.of(fixed, List.of("AWSPREVIOUS"), pending, List.of("AWSCURRENT")));
        }
    }

    @Test
    void aFunctionWhoseFinishSecretDoesNotMoveAwsCurrentFailsTheRotation() {
        try (SecretsManagerClient sm = client()) {
            String first = sm.createSecret(r -> r.name("rotate/lazy")
                    .secretString("{\"password\":\"p\",\"forgetToFinish\":true}")).versionId();
            String pending = sm.rotateSecret(r -> r.secretId("rotate/lazy").rotationLambdaARN(rotator)).versionId();
            assertThat(currentVersion(sm.describeSecret(r -> r.secretId("rotate/lazy")))).isEqualTo(first);
            assertThat(sm.describeSecret(r -> r.secretId("rotate/lazy")).versionIdsToStages().get(pending))
                    .containsExactly("AWSPENDING");
            assertThat(rotationEvents("rotate/lazy", "RotationFailed")).singleElement().satisfies(e -> {
                assertThat(e.path("detail").path("step").asText()).isEqualTo("finishSecret");
                assertThat(e.path("detail").path("reason").asText()).contains("AWSCURRENT is not on version " + pending);
            });
        }
    }

    @Test
    void secretsManagerMayInvokeOnlyAFunctionWhosePolicyAdmitsItAndARefusedRotationLeavesNoPendingVersion() {
        String unpermitted = RotationFixture.rotationFunction(cloud, "rotator-unpermitted", false);
        try (SecretsManagerClient sm = client()) {
            String first = sm.createSecret(r -> r.name("rotate/refused").secretString("{\"password\":\"p\"}"))
                    .versionId();
            assertThatThrownBy(() -> sm.rotateSecret(r -> r.secretId("rotate/refused").rotationLambdaARN(unpermitted)))
                    .isInstanceOfSatisfying(SecretsManagerException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Secrets Manager cannot invoke the "
                                + "specified Lambda function. Ensure that the function policy grants access to the "
                                + "principal secretsmanager.amazonaws.com.");
                    });
            assertThat(sm.describeSecret(r -> r.secretId("rotate/refused")).versionIdsToStages())
                    .isEqualTo(Map.of(first, List.of("AWSCURRENT")));
        }
    }

    @Test
    void aScheduledRotationFiresWhenTheLabClockPassesItAndCancelRotateSecretStopsTheSchedule() {
        try (SecretsManagerClient sm = client()) {
            String first = sm.createSecret(r -> r.name("rotate/scheduled").secretString("{\"password\":\"p\"}"))
                    .versionId();
            assertThat(sm.rotateSecret(r -> r.secretId("rotate/scheduled").rotationLambdaARN(rotator)
                    .rotationRules(rules -> rules.scheduleExpression("rate(10 days)")).rotateImmediately(false))
                    .versionId()).isNull();
            DescribeSecretResponse before = sm.describeSecret(r -> r.secretId("rotate/scheduled"));
            assertThat(before.lastRotatedDate()).isNull();
            Instant due = before.nextRotationDate();
            assertThat(Duration.between(LabAdmin.now(cloud), due)).isBetween(Duration.ofDays(10).minusMinutes(1),
                    Duration.ofDays(10));

            LabAdmin.advanceClockTo(cloud, due.plusSeconds(1));
            DescribeSecretResponse after = sm.describeSecret(r -> r.secretId("rotate/scheduled"));
            assertThat(after.lastRotatedDate()).isBetween(due, due.plus(Duration.ofMinutes(1)));
            assertThat(currentVersion(after)).isNotEqualTo(first);
            assertThat(after.versionIdsToStages().get(first)).containsExactly("AWSPREVIOUS");
            assertThat(rotationEvents("rotate/scheduled", "RotationStarted")).singleElement()
                    .satisfies(e -> assertThat(e.path("detail").path("scheduled").asBoolean()).isTrue());

            sm.cancelRotateSecret(r -> r.secretId("rotate/scheduled"));
            DescribeSecretResponse cancelled = sm.describeSecret(r -> r.secretId("rotate/scheduled"));
            assertThat(cancelled.rotationEnabled()).isNull();
            assertThat(cancelled.nextRotationDate()).isNull();
            LabAdmin.advanceClock(cloud, Duration.ofDays(11));
            assertThat(rotationEvents("rotate/scheduled", "RotationStarted")).hasSize(1);
        }
    }
}
