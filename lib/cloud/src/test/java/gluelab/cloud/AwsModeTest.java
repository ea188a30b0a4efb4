package gluelab.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.clock.LabClock;
import gluelab.cloud.testing.RunningLabCloud;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code ./lab cloud --aws-mode}: Lab Cloud answering only what AWS answers, so that a suite run against it proves
 * a notebook needs nothing AWS lacks.
 */
class AwsModeTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.with(LabCloudConfig.defaults().withPort(0)
            .withGlueWorker(LabCloudConfig.GlueWorkerMode.OFF).withAwsMode(true));

    @Test
    void everyLabCloudRouteButHealthIsA404SayingItDoesNotExistOnAws() {
        List<HttpRequest.Builder> labRoutes = List.of(
                cloud.request("/_lab/clock").GET(),
                cloud.request("/_lab/clock/advance").POST(HttpRequest.BodyPublishers.ofString("{\"seconds\":3600}")),
                cloud.request("/_lab/reset").POST(HttpRequest.BodyPublishers.noBody()),
                cloud.request("/_lab/events?since=0").GET(),
                cloud.request("/_lab/ses/messages?account=000000000000").GET(),
                cloud.request("/_lab/ui/").GET(),
                cloud.request("/_lab/no-such-route").GET());
        for (HttpRequest.Builder route : labRoutes) {
            HttpResponse<String> answer = cloud.http(route);
            String what = answer.request().method() + " " + answer.request().uri().getPath();

            assertThat(answer.statusCode()).as(what).isEqualTo(404);
            assertThat(answer.headers().firstValue("x-amzn-ErrorType")).as(what).hasValue("UnknownOperationException");
            assertThat(answer.body()).as(what).contains("\"__type\":\"UnknownOperationException\"")
                    .contains(what + " does not exist on AWS");
        }
    }

    @Test
    void healthStillAnswersAndSaysTheCloudRunsInAwsMode() {
        HttpResponse<String> health = cloud.http(cloud.request("/_lab/health").GET());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ok\"").contains("\"awsMode\":true");
    }

    @Test
    void awsApisAnswerAsUsualOnWallClockTime() {
        S3Client s3 = cloud.client(S3Client.builder());
        Instant before = Instant.now().minusSeconds(1);

        s3.createBucket(r -> r.bucket("aws-mode-bucket"));
        s3.putObject(r -> r.bucket("aws-mode-bucket").key("k"), RequestBody.fromString("v"));
        Instant written = s3.headObject(r -> r.bucket("aws-mode-bucket").key("k")).lastModified();

        assertThat(written).isBetween(before, Instant.now().plusSeconds(1));
    }

    @Test
    void awsModeEnforcesIamAndDoesNotGoWithIamOff() {
        assertThat(cloud.cloud().platform().config().iamEnforced()).isTrue();
        assertThat(LabCloud.parseArguments(new String[] {"--aws-mode"}))
                .satisfies(config -> assertThat(config.awsMode()).isTrue())
                .satisfies(config -> assertThat(config.iamEnforced()).isTrue());
        assertThatThrownBy(() -> LabCloud.parseArguments(new String[] {"--aws-mode", "--iam", "off"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--iam off");
        assertThatThrownBy(() -> LabCloud.parseArguments(new String[] {"--iam", "off", "--aws-mode"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--iam off");
    }

    @Test
    void theWallTimeClockCannotBeMoved() {
        LabClock clock = LabClock.wallTimeOnly(Clock.systemUTC());

        assertThatThrownBy(() -> clock.advanceTo(Instant.now().plus(Duration.ofHours(1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("wall time");
        assertThat(clock.isMovable()).isFalse();
        assertThat(clock.offsetMillis()).isZero();
    }
}
