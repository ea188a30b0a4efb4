package gluelab.cloud.services.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

class StsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static final AwsCredentialsProvider ACCOUNT_B =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test-b", "test-b"));

    /** A role in the account of {@code owner} that account 000000000000 may assume, as STS requires one to exist. */
    private static void roleTrustingTheDefaultAccount(AwsCredentialsProvider owner, String name) {
        try (IamClient iam = cloud.client(IamClient.builder(), owner)) {
            iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
                    + "[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},"
                    + "\"Action\":\"sts:AssumeRole\"}]}"));
        }
    }

    @Test
    void getCallerIdentityNamesTheDefaultAccountRoot() {
        try (StsClient sts = cloud.client(StsClient.builder())) {
            GetCallerIdentityResponse me = sts.getCallerIdentity();
            assertThat(me.account()).isEqualTo("000000000000");
            assertThat(me.arn()).isEqualTo("arn:aws:iam::000000000000:root");
        }
    }

    @Test
    void assumeRoleReturnsTemporaryCredentialsThatSignLaterRequestsInTheRolesAccount() {
        roleTrustingTheDefaultAccount(ACCOUNT_B, "etl-runner");
        AssumeRoleResponse assumed;
        try (StsClient sts = cloud.client(StsClient.builder())) {
            assumed = sts.assumeRole(r -> r.roleArn("arn:aws:iam::111111111111:role/etl-runner")
                    .roleSessionName("nightly").durationSeconds(900));
        }
        assertThat(assumed.credentials().accessKeyId()).startsWith("ASIA");
        assertThat(assumed.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::111111111111:assumed-role/etl-runner/nightly");
        AwsSessionCredentials session = AwsSessionCredentials.create(assumed.credentials().accessKeyId(),
                assumed.credentials().secretAccessKey(), assumed.credentials().sessionToken());
        try (StsClient asRole = cloud.client(StsClient.builder(), StaticCredentialsProvider.create(session))) {
            GetCallerIdentityResponse me = asRole.getCallerIdentity();
            assertThat(me.account()).isEqualTo("111111111111");
            assertThat(me.arn()).isEqualTo(assumed.assumedRoleUser().arn());
        }
    }

    @Test
    void temporaryCredentialsWithoutTheirSessionTokenAreRefused() {
        roleTrustingTheDefaultAccount(RunningLabCloud.TEST_CREDENTIALS, "x");
        AssumeRoleResponse assumed;
        try (StsClient sts = cloud.client(StsClient.builder())) {
            assumed = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/x").roleSessionName("s1"));
        }
        AwsBasicCredentials noToken = AwsBasicCredentials.create(assumed.credentials().accessKeyId(),
                assumed.credentials().secretAccessKey());
        try (StsClient sts = cloud.client(StsClient.builder(), StaticCredentialsProvider.create(noToken))) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
    }

    @Test
    void temporaryCredentialsExpireOnTheLabClock() {
        roleTrustingTheDefaultAccount(RunningLabCloud.TEST_CREDENTIALS, "short");
        AssumeRoleResponse assumed;
        try (StsClient sts = cloud.client(StsClient.builder())) {
            assumed = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/short").roleSessionName("brief")
                    .durationSeconds(900));
        }
        cloud.http(cloud.request("/_lab/clock/advance")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"seconds\":1000}")));
        AwsSessionCredentials session = AwsSessionCredentials.create(assumed.credentials().accessKeyId(),
                assumed.credentials().secretAccessKey(), assumed.credentials().sessionToken());
        try (StsClient expired = cloud.client(StsClient.builder(), StaticCredentialsProvider.create(session))) {
            assertThatThrownBy(expired::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken"));
        }
    }

    @Test
    void assumeRoleOfARoleThatDoesNotExistIsAccessDenied() {
        try (StsClient sts = cloud.client(StsClient.builder())) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/never-created")
                    .roleSessionName("s1"))).isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    });
        }
    }

    @Test
    void durationSecondsMayNotPassTheRolesMaxSessionDuration() {
        roleTrustingTheDefaultAccount(RunningLabCloud.TEST_CREDENTIALS, "one-hour");
        try (StsClient sts = cloud.client(StsClient.builder())) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/one-hour")
                    .roleSessionName("s1").durationSeconds(7200))).isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
                    });
        }
    }

    @Test
    void assumeRoleRejectsAMalformedRoleArnWithValidationError() {
        try (StsClient sts = cloud.client(StsClient.builder())) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("not-an-arn").roleSessionName("s1")))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    });
        }
    }

    @Test
    void aWrongSecretIsRefusedWithSignatureDoesNotMatch() {
        var wrong = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "not-the-secret"));
        try (StsClient sts = cloud.client(StsClient.builder(), wrong)) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
            });
        }
    }

    @Test
    void anUnknownAccessKeyIsRefusedWithInvalidClientTokenId() {
        var unknown = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAUNKNOWN", "x"));
        try (StsClient sts = cloud.client(StsClient.builder(), unknown)) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            });
        }
    }

    @Test
    void aSignatureVersion2RequestIsRefusedBecauseOnlyS3AcceptsIt() {
        var refused = cloud.http(cloud.request("/?Action=GetCallerIdentity&Version=2011-06-15")
                .header("Date", "Tue, 27 Mar 2007 19:36:42 +0000")
                .header("Authorization", "AWS test:bWq2s1WEIj+Ydj0vQ697zp+IXMU=").GET());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("<Code>IncompleteSignature</Code>")
                .contains("Unsupported authorization type AWS: sts accepts only AWS4-HMAC-SHA256");
    }
}
