package gluelab.cloud.services.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gluelab.cloud.testing.RunningLabCloud;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * IAM as AWS enforces it, end to end through the real SDK: a role's trust policy decides who may assume it, and its
 * policies decide what its sessions may do, explicit denies first; account access keys stay administrators.
 */
class IamEnforcementTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static final AwsCredentialsProvider ACCOUNT_B =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test-b", "test-b"));
    static final String TRUST_ACCOUNT_A = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:root"},
             "Action":"sts:AssumeRole"}]}""";
    static final String READ_RAW_ONLY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::raw/*"}]}""";

    @BeforeAll
    static void dataAndRoles() {
        try (S3Client s3 = cloud.client(S3Client.builder()); IamClient iam = cloud.client(IamClient.builder())) {
            for (String bucket : new String[] {"raw", "curated"}) {
                s3.createBucket(r -> r.bucket(bucket));
                s3.putObject(r -> r.bucket(bucket).key("in/orders.csv"), RequestBody.fromString("id,total\n1,42\n"));
                s3.putObject(r -> r.bucket(bucket).key("secret/pay.csv"), RequestBody.fromString("salary\n1\n"));
            }
            iam.createRole(r -> r.roleName("raw-reader").assumeRolePolicyDocument(TRUST_ACCOUNT_A));
            iam.putRolePolicy(r -> r.roleName("raw-reader").policyName("read-raw").policyDocument(READ_RAW_ONLY));
        }
    }

    private static Credentials assume(AwsCredentialsProvider caller, AssumeRoleRequest request) {
        try (StsClient sts = cloud.client(StsClient.builder(), caller)) {
            return sts.assumeRole(request).credentials();
        }
    }

    private static AwsCredentialsProvider session(String roleArn) {
        return session(assume(RunningLabCloud.TEST_CREDENTIALS,
                AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName("s1").build()));
    }

    private static AwsCredentialsProvider session(Credentials credentials) {
        return StaticCredentialsProvider.create(AwsSessionCredentials.create(credentials.accessKeyId(),
                credentials.secretAccessKey(), credentials.sessionToken()));
    }

    @Test
    void aSessionMayDoWhatItsRolesPolicyAllowsAndIsRefusedTheRestInAwsWords() {
        try (S3Client asReader = cloud.client(S3Client.builder(), session("arn:aws:iam::000000000000:role/raw-reader"))) {
            assertThat(asReader.getObjectAsBytes(r -> r.bucket("raw").key("in/orders.csv")).asUtf8String())
                    .isEqualTo("id,total\n1,42\n");

            assertThatThrownBy(() -> asReader.putObject(r -> r.bucket("raw").key("in/new.csv"), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: "
                                + "arn:aws:sts::000000000000:assumed-role/raw-reader/s1 is not authorized to perform: "
                                + "s3:PutObject on resource: \"arn:aws:s3:::raw/in/new.csv\" because no identity-based "
                                + "policy allows the s3:PutObject action");
                    });
            assertThatThrownBy(() -> asReader.getObjectAsBytes(r -> r.bucket("curated").key("in/orders.csv")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
        try (S3Client admin = cloud.client(S3Client.builder())) {
            assertThat(admin.headObject(r -> r.bucket("raw").key("in/new.csv")))
                    .as("nothing refused was written").isNull();
        } catch (S3Exception notThere) {
            assertThat(notThere.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void anExplicitDenyWinsOverAnyAllow() {
        try (IamClient iam = cloud.client(IamClient.builder())) {
            iam.createRole(r -> r.roleName("raw-all-but-secret").assumeRolePolicyDocument(TRUST_ACCOUNT_A));
            iam.attachRolePolicy(r -> r.roleName("raw-all-but-secret")
                    .policyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
            iam.putRolePolicy(r -> r.roleName("raw-all-but-secret").policyName("no-secrets").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::*/secret/*"}]}"""));
        }
        try (S3Client asRole = cloud.client(S3Client.builder(), session("arn:aws:iam::000000000000:role/raw-all-but-secret"))) {
            assertThat(asRole.listObjectsV2(r -> r.bucket("curated")).contents()).hasSize(2);
            assertThat(asRole.getObjectAsBytes(r -> r.bucket("curated").key("in/orders.csv")).asUtf8String())
                    .startsWith("id,total");

            assertThatThrownBy(() -> asRole.getObjectAsBytes(r -> r.bucket("curated").key("secret/pay.csv")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("User: arn:aws:sts::000000000000:assumed-role/raw-all-but-secret/s1 is not "
                                    + "authorized to perform: s3:GetObject on resource: "
                                    + "\"arn:aws:s3:::curated/secret/pay.csv\" with an explicit deny in an identity-based "
                                    + "policy"));
        }
    }

    @Test
    void aRoleMayBeAssumedOnlyByWhomItsTrustPolicyNames() {
        try (IamClient iam = cloud.client(IamClient.builder())) {
            iam.createRole(r -> r.roleName("glue-only").assumeRolePolicyDocument(IamRolesTest.TRUST_GLUE));
        }

        assertThatThrownBy(() -> session("arn:aws:iam::000000000000:role/glue-only"))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: arn:aws:iam::000000000000:root is "
                            + "not authorized to perform: sts:AssumeRole on resource: "
                            + "arn:aws:iam::000000000000:role/glue-only");
                });
        assertThatThrownBy(() -> session("arn:aws:iam::000000000000:role/does-not-exist"))
                .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }

    @Test
    void anotherAccountsRoleIsAssumedOnlyWithTheExternalIdItsTrustPolicyAsksFor() {
        try (IamClient iamB = cloud.client(IamClient.builder(), ACCOUNT_B)) {
            iamB.createRole(r -> r.roleName("partner-reader").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"000000000000"},
                     "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"lab-7741"}}}]}"""));
            iamB.attachRolePolicy(r -> r.roleName("partner-reader").policyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
        }
        try (S3Client s3B = cloud.client(S3Client.builder(), ACCOUNT_B)) {
            s3B.createBucket(r -> r.bucket("partner-share"));
            s3B.putObject(r -> r.bucket("partner-share").key("feed.json"), RequestBody.fromString("{}"));
        }
        String roleArn = "arn:aws:iam::111111111111:role/partner-reader";

        assertThatThrownBy(() -> assume(RunningLabCloud.TEST_CREDENTIALS,
                AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName("no-id").build()))
                .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("AccessDenied"));
        assertThatThrownBy(() -> assume(RunningLabCloud.TEST_CREDENTIALS,
                AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName("bad-id").externalId("guess").build()))
                .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("AccessDenied"));
        Credentials partner = assume(RunningLabCloud.TEST_CREDENTIALS,
                AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName("with-id").externalId("lab-7741").build());

        try (StsClient sts = cloud.client(StsClient.builder(), session(partner));
             S3Client s3 = cloud.client(S3Client.builder(), session(partner))) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:sts::111111111111:assumed-role/partner-reader/with-id");
            assertThat(s3.getObjectAsBytes(r -> r.bucket("partner-share").key("feed.json")).asUtf8String()).isEqualTo("{}");
            assertThatThrownBy(() -> s3.putObject(r -> r.bucket("partner-share").key("x"), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void aSessionCallingIamIsJudgedOnTheRoleItActsOn() {
        try (IamClient iam = cloud.client(IamClient.builder())) {
            iam.createRole(r -> r.roleName("self-inspector").assumeRolePolicyDocument(TRUST_ACCOUNT_A));
            iam.putRolePolicy(r -> r.roleName("self-inspector").policyName("see-self").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:GetRole","iam:ListRolePolicies"],
                     "Resource":"arn:aws:iam::000000000000:role/self-inspector"}]}"""));
        }
        try (IamClient asRole = cloud.client(IamClient.builder(), session("arn:aws:iam::000000000000:role/self-inspector"))) {
            assertThat(asRole.getRole(r -> r.roleName("self-inspector")).role().roleName()).isEqualTo("self-inspector");
            assertThat(asRole.listRolePolicies(r -> r.roleName("self-inspector")).policyNames()).containsExactly("see-self");

            assertThatThrownBy(() -> asRole.getRole(r -> r.roleName("raw-reader")))
                    .isInstanceOfSatisfying(IamException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: "
                                + "arn:aws:sts::000000000000:assumed-role/self-inspector/s1 is not authorized to perform: "
                                + "iam:GetRole on resource: arn:aws:iam::000000000000:role/raw-reader because no "
                                + "identity-based policy allows the iam:GetRole action");
                    });
            assertThatThrownBy(() -> asRole.putRolePolicy(r -> r.roleName("self-inspector").policyName("escalate")
                    .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                            + "\"Resource\":\"*\"}]}")))
                    .as("a session cannot grant itself more").isInstanceOfSatisfying(IamException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
    }

    @Test
    void policyChangesApplyToSessionsAlreadyIssued() {
        try (IamClient iam = cloud.client(IamClient.builder())) {
            iam.createRole(r -> r.roleName("growing").assumeRolePolicyDocument(TRUST_ACCOUNT_A));
        }
        try (S3Client asRole = cloud.client(S3Client.builder(), session("arn:aws:iam::000000000000:role/growing"));
             IamClient iam = cloud.client(IamClient.builder())) {
            assertThatThrownBy(() -> asRole.getObjectAsBytes(r -> r.bucket("raw").key("in/orders.csv")))
                    .isInstanceOf(S3Exception.class);

            iam.putRolePolicy(r -> r.roleName("growing").policyName("read-raw").policyDocument(READ_RAW_ONLY));

            assertThat(asRole.getObjectAsBytes(r -> r.bucket("raw").key("in/orders.csv")).asUtf8String()).contains("42");
        }
    }
}
