package gluelab.lab.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.lab.LabSetupException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class TargetConfigTest {

    @Test
    void withNothingSetTheLabRunsOnLabCloudAtTheEdgePortSignedWithTestTest() {
        TargetConfig config = TargetConfig.fromEnvironment(Map.of());

        assertThat(config.target()).isEqualTo(Target.EMBEDDED);
        assertThat(config.endpoint()).isEqualTo(URI.create("http://127.0.0.1:4566"));
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.credentials()).isInstanceOf(StaticCredentialsProvider.class);
        AwsCredentials credentials = config.credentials().resolveCredentials();
        assertThat(credentials.accessKeyId()).isEqualTo("test");
        assertThat(credentials.secretAccessKey()).isEqualTo("test");
        assertThat(config.pathStyle()).isTrue();
        assertThat(config.namePrefix()).isEmpty();
        assertThat(config.startLabCloud()).isTrue();
    }

    @Test
    void labEndpointOnThisMachineIsWhereLabCloudRunsOrIsStarted() {
        TargetConfig config = TargetConfig.fromEnvironment(Map.of("LAB_TARGET", "embedded",
                "LAB_ENDPOINT", "http://localhost:4599/"));

        assertThat(config.endpoint()).isEqualTo(URI.create("http://localhost:4599"));
        assertThat(config.startLabCloud()).isTrue();
    }

    @Test
    void labEndpointOnAnotherHostIsUsedAsItIsAndNeverStarted() {
        TargetConfig config = TargetConfig.fromEnvironment(Map.of("LAB_ENDPOINT", "http://moto.internal:5000"));

        assertThat(config.target()).isEqualTo(Target.EMBEDDED);
        assertThat(config.endpoint()).isEqualTo(URI.create("http://moto.internal:5000"));
        assertThat(config.startLabCloud()).isFalse();
        assertThat(config.pathStyle()).isTrue();
    }

    @Test
    void aLabPrefixOffAwsStartsEveryNameToo() {
        assertThat(TargetConfig.fromEnvironment(Map.of("LAB_PREFIX", "Ada")).namePrefix()).isEqualTo("ada-");
        assertThat(TargetConfig.fromEnvironment(Map.of("LAB_TARGET", "localstack", "LOCALSTACK_ENDPOINT",
                "http://localhost:4566", "LAB_PREFIX", "ada-")).namePrefix()).isEqualTo("ada-");
        assertThat(TargetConfig.fromEnvironment(Map.of("LAB_PREFIX", " ")).namePrefix()).isEmpty();
    }

    @Test
    void localstackWithATokenStartsThePinnedImageInDocker() {
        TargetConfig config = TargetConfig.fromEnvironment(Map.of("LAB_TARGET", "localstack",
                "LOCALSTACK_AUTH_TOKEN", "ls-token"));

        assertThat(config.target()).isEqualTo(Target.LOCALSTACK);
        assertThat(config.needsLocalStackContainer()).isTrue();
        assertThat(config.endpoint()).isNull();
        assertThat(config.localStackImage()).isEqualTo(TargetConfig.DEFAULT_LOCALSTACK_IMAGE).startsWith("localstack/localstack:");
        assertThat(config.localStackAuthToken()).isEqualTo("ls-token");
        assertThat(config.credentials().resolveCredentials().accessKeyId()).isEqualTo("test");
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.pathStyle()).isTrue();
        assertThat(config.startLabCloud()).isFalse();
        assertThat(config.withEndpoint(URI.create("http://127.0.0.1:32768")).needsLocalStackContainer()).isFalse();
    }

    @Test
    void localstackImageCanBeChosen() {
        TargetConfig config = TargetConfig.fromEnvironment(Map.of("LAB_TARGET", "LocalStack",
                "LOCALSTACK_AUTH_TOKEN", "t", "LOCALSTACK_IMAGE", "localstack/localstack-pro:2026.06.0"));

        assertThat(config.localStackImage()).isEqualTo("localstack/localstack-pro:2026.06.0");
    }

    @Test
    void aRunningLocalstackNeedsNoTokenAndNoDocker() {
        TargetConfig config = TargetConfig.fromEnvironment(Map.of("LAB_TARGET", "localstack",
                "LOCALSTACK_ENDPOINT", "http://localhost:4566", "AWS_REGION", "eu-west-1"));

        assertThat(config.endpoint()).isEqualTo(URI.create("http://localhost:4566"));
        assertThat(config.needsLocalStackContainer()).isFalse();
        assertThat(config.localStackImage()).isNull();
        assertThat(config.region()).isEqualTo("eu-west-1");
    }

    @Test
    void localstackWithoutTokenOrEndpointSaysWhatToSet() {
        assertThatThrownBy(() -> TargetConfig.fromEnvironment(Map.of("LAB_TARGET", "localstack")))
                .isInstanceOf(LabSetupException.class)
                .hasMessageContaining("LOCALSTACK_AUTH_TOKEN")
                .hasMessageContaining("LOCALSTACK_ENDPOINT");
    }

    @Test
    void awsUsesTheDefaultCredentialChainAndPrefixesEveryName() {
        TargetConfig config = TargetConfig.fromEnvironment(Map.of("LAB_TARGET", "aws", "LAB_PREFIX", "JDoe-",
                "AWS_REGION", "eu-central-1", "LAB_GLUE_ROLE_ARN", "arn:aws:iam::123456789012:role/glue"));

        assertThat(config.target()).isEqualTo(Target.AWS);
        assertThat(config.endpoint()).isNull();
        assertThat(config.credentials()).isInstanceOf(DefaultCredentialsProvider.class);
        assertThat(config.region()).isEqualTo("eu-central-1");
        assertThat(config.namePrefix()).isEqualTo("jdoe-");
        assertThat(config.pathStyle()).isFalse();
        assertThat(config.glueRoleArn()).isEqualTo("arn:aws:iam::123456789012:role/glue");
        assertThat(config.startLabCloud()).isFalse();
    }

    @Test
    void awsWithoutRegionLeavesItToTheSdksRegionChain() {
        TargetConfig config = TargetConfig.fromEnvironment(Map.of("LAB_TARGET", "aws", "LAB_PREFIX", "jd"));

        assertThat(config.region()).isNull();
        assertThat(config.glueRoleArn()).isNull();
    }

    @Test
    void awsWithoutPrefixExplainsWhyOneIsNeeded() {
        assertThatThrownBy(() -> TargetConfig.fromEnvironment(Map.of("LAB_TARGET", "aws")))
                .isInstanceOf(LabSetupException.class)
                .hasMessageContaining("LAB_PREFIX")
                .hasMessageContaining("bucket");
    }

    @Test
    void aPrefixThatCannotStartABucketNameIsRefused() {
        assertThatThrownBy(() -> TargetConfig.fromEnvironment(Map.of("LAB_TARGET", "aws", "LAB_PREFIX", "j_doe!")))
                .isInstanceOf(LabSetupException.class)
                .hasMessageContaining("LAB_PREFIX=j_doe!");
    }

    @Test
    void anUnknownTargetListsTheKnownOnes() {
        assertThatThrownBy(() -> TargetConfig.fromEnvironment(Map.of("LAB_TARGET", "azure")))
                .isInstanceOf(LabSetupException.class)
                .hasMessageContaining("embedded").hasMessageContaining("localstack").hasMessageContaining("aws");
    }

    @Test
    void anEndpointThatIsNotAUrlIsRefused() {
        assertThatThrownBy(() -> TargetConfig.fromEnvironment(Map.of("LAB_ENDPOINT", "localhost:4566")))
                .isInstanceOf(LabSetupException.class)
                .hasMessageContaining("LAB_ENDPOINT");
    }

    @Test
    void labEndpointAlsoAimsTheAwsTargetElsewhere() {
        TargetConfig config = TargetConfig.fromEnvironment(Map.of("LAB_TARGET", "aws", "LAB_PREFIX", "jd",
                "LAB_ENDPOINT", "http://127.0.0.1:9000"));

        assertThat(config.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(config.pathStyle()).isTrue();
        assertThat(config.startLabCloud()).isFalse();
    }
}
