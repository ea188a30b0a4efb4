package gluelab.cloud.services.s3;

import static gluelab.cloud.services.s3.S3Failures.errorCode;
import static gluelab.cloud.services.s3.S3Failures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Bucket policies as S3 keeps and judges them: stored exactly as put, checked with S3's MalformedPolicy words, refused
 * while Block Public Access forbids a public one, and evaluated with the caller's identity policies (an explicit deny
 * anywhere wins; within the bucket's account an allow in either is enough; from another account both must allow).
 * Unsigned requests are anonymous and get in only where the policy grants everyone.
 */
class S3BucketPolicyTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static final AwsCredentialsProvider ACCOUNT_B =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test-b", "test-b"));
    static S3Client s3;
    static S3Client s3B;

    @BeforeAll
    static void clients() {
        s3 = cloud.client(S3Client.builder());
        s3B = cloud.client(S3Client.builder(), ACCOUNT_B);
    }

    @AfterAll
    static void close() {
        s3.close();
        s3B.close();
    }

    static void bucketWith(String bucket, String... keys) {
        s3.createBucket(b -> b.bucket(bucket));
        for (String key : keys) {
            s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("content of " + key));
        }
    }

    static String allow(String principal, String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":" + principal
                + ",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    static String malformed(String bucket, String policy) {
        return failure(() -> s3.putBucketPolicy(b -> b.bucket(bucket).policy(policy))).awsErrorDetails().errorMessage();
    }

    static HttpResponse<String> anonymousGet(String path) {
        return cloud.http(cloud.request(path).GET());
    }

    @Test
    void aPolicyIsKeptExactlyAsPutReportedNotPublicAndDeleted() {
        bucketWith("policy-kept");
        String policy = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Sid\": \"PartnerReads\", \"Effect\": "
                + "\"Allow\", \"Principal\": {\"AWS\": \"111111111111\"},\n   \"Action\": \"s3:GetObject\", "
                + "\"Resource\": \"arn:aws:s3:::policy-kept/*\"}]\n}";
        assertThat(errorCode(() -> s3.getBucketPolicy(b -> b.bucket("policy-kept")))).isEqualTo("NoSuchBucketPolicy");

        s3.putBucketPolicy(b -> b.bucket("policy-kept").policy(policy));

        assertThat(s3.getBucketPolicy(b -> b.bucket("policy-kept")).policy()).isEqualTo(policy);
        assertThat(s3.getBucketPolicyStatus(b -> b.bucket("policy-kept")).policyStatus().isPublic()).isFalse();
        s3.deleteBucketPolicy(b -> b.bucket("policy-kept"));
        assertThat(errorCode(() -> s3.getBucketPolicy(b -> b.bucket("policy-kept")))).isEqualTo("NoSuchBucketPolicy");
        assertThat(errorCode(() -> s3.getBucketPolicyStatus(b -> b.bucket("policy-kept")))).isEqualTo("NoSuchBucketPolicy");
    }

    @Test
    void aMalformedPolicyIsRefusedInS3sOwnWords() {
        bucketWith("policy-malformed");
        assertThat(errorCode(() -> s3.putBucketPolicy(b -> b.bucket("policy-malformed").policy("[]"))))
                .isEqualTo("MalformedPolicy");
        assertThat(malformed("policy-malformed", "[]"))
                .isEqualTo("Policies must be valid JSON and the first byte must be '{'");
        assertThat(malformed("policy-malformed", "{\"Version\": \"2012-10-17\", \"Statement\": [")).isEqualTo(
                "This policy contains invalid Json");
        assertThat(malformed("policy-malformed", "{\"Version\":\"2012-10-17\"}"))
                .isEqualTo("Missing required field Statement");
        assertThat(malformed("policy-malformed", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::policy-malformed/*\"}]}"))
                .isEqualTo("Missing required field Principal");
        assertThat(malformed("policy-malformed", allow("\"*\"", "s3:GetObject", "arn:aws:s3:::another-bucket/*")))
                .isEqualTo("Policy has invalid resource");
        assertThat(malformed("policy-malformed", allow("\"*\"", "s3:GetObject", "*")))
                .isEqualTo("Policy has invalid resource");
        assertThat(malformed("policy-malformed", allow("\"*\"", "sqs:SendMessage", "arn:aws:s3:::policy-malformed/*")))
                .isEqualTo("Policy has invalid action");
        assertThat(malformed("policy-malformed", allow("\"*\"", "s3:PutObject", "arn:aws:s3:::policy-malformed")))
                .isEqualTo("Action does not apply to any resource(s) in statement");
        assertThat(malformed("policy-malformed", allow("{\"AWS\":\"someone\"}", "s3:GetObject",
                "arn:aws:s3:::policy-malformed/*"))).isEqualTo("Invalid principal in policy");
        assertThat(errorCode(() -> s3.getBucketPolicy(b -> b.bucket("policy-malformed"))))
                .as("nothing refused was stored").isEqualTo("NoSuchBucketPolicy");
    }

    @Test
    void aPublicPolicyIsRefusedWhileBlockPublicPolicyIsOnAndReportedPublicOnceAccepted() {
        bucketWith("policy-public");
        String everyoneReads = allow("\"*\"", "s3:GetObject", "arn:aws:s3:::policy-public/*");

        var refused = failure(() -> s3.putBucketPolicy(b -> b.bucket("policy-public").policy(everyoneReads)));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::000000000000:root is not "
                + "authorized to perform: s3:PutBucketPolicy on resource: \"arn:aws:s3:::policy-public\" because public "
                + "policies are prevented by the BlockPublicPolicy setting in S3 Block Public Access.");

        s3.putPublicAccessBlock(b -> b.bucket("policy-public").publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(false).restrictPublicBuckets(false)));
        s3.putBucketPolicy(b -> b.bucket("policy-public").policy(everyoneReads));
        assertThat(s3.getBucketPolicyStatus(b -> b.bucket("policy-public")).policyStatus().isPublic()).isTrue();

        String fromOneAddress = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::policy-public/*\","
                + "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"192.0.2.10/32\"}}}]}";
        s3.putBucketPolicy(b -> b.bucket("policy-public").policy(fromOneAddress));
        assertThat(s3.getBucketPolicyStatus(b -> b.bucket("policy-public")).policyStatus().isPublic())
                .as("a grant to everyone pinned to one address is not public").isFalse();
        String fromEverywhere = fromOneAddress.replace("192.0.2.10/32", "0.0.0.0/0");
        s3.putBucketPolicy(b -> b.bucket("policy-public").policy(fromEverywhere));
        assertThat(s3.getBucketPolicyStatus(b -> b.bucket("policy-public")).policyStatus().isPublic()).isTrue();
    }

    @Test
    void anotherAccountGetsInOnlyAsFarAsTheBucketPolicyGrants() {
        bucketWith("policy-shared", "shared/feed.csv", "private/pay.csv");
        assertThat(errorCode(() -> s3B.getObjectAsBytes(r -> r.bucket("policy-shared").key("shared/feed.csv"))))
                .isEqualTo("AccessDenied");

        s3.putBucketPolicy(b -> b.bucket("policy-shared").policy(
                allow("{\"AWS\":\"arn:aws:iam::111111111111:root\"}", "s3:GetObject", "arn:aws:s3:::policy-shared/shared/*")));

        assertThat(s3B.getObjectAsBytes(r -> r.bucket("policy-shared").key("shared/feed.csv")).asUtf8String())
                .isEqualTo("content of shared/feed.csv");
        var denied = failure(() -> s3B.getObjectAsBytes(r -> r.bucket("policy-shared").key("private/pay.csv")));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::111111111111:root is not "
                + "authorized to perform: s3:GetObject on resource: \"arn:aws:s3:::policy-shared/private/pay.csv\" "
                + "because no resource-based policy allows the s3:GetObject action");
        assertThat(errorCode(() -> s3B.putObject(r -> r.bucket("policy-shared").key("shared/new.csv"),
                RequestBody.fromString("x")))).isEqualTo("AccessDenied");
        assertThat(errorCode(() -> s3B.deleteBucketPolicy(b -> b.bucket("policy-shared")))).isEqualTo("AccessDenied");
    }

    @Test
    void aRoleFromAnotherAccountNeedsItsOwnPolicyAsWellAsTheBucketPolicy() {
        bucketWith("policy-cross-role", "feed.csv");
        s3.putBucketPolicy(b -> b.bucket("policy-cross-role").policy(
                allow("{\"AWS\":\"111111111111\"}", "s3:GetObject", "arn:aws:s3:::policy-cross-role/*")));
        String trustB = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"111111111111\"},\"Action\":\"sts:AssumeRole\"}]}";
        try (IamClient iamB = cloud.client(IamClient.builder(), ACCOUNT_B)) {
            iamB.createRole(r -> r.roleName("b-reader").assumeRolePolicyDocument(trustB));
            iamB.attachRolePolicy(r -> r.roleName("b-reader").policyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
            iamB.createRole(r -> r.roleName("b-nothing").assumeRolePolicyDocument(trustB));
        }
        try (S3Client reader = cloud.client(S3Client.builder(), session(ACCOUNT_B, "arn:aws:iam::111111111111:role/b-reader"));
             S3Client nothing = cloud.client(S3Client.builder(), session(ACCOUNT_B, "arn:aws:iam::111111111111:role/b-nothing"))) {
            assertThat(reader.getObjectAsBytes(r -> r.bucket("policy-cross-role").key("feed.csv")).asUtf8String())
                    .isEqualTo("content of feed.csv");
            var denied = failure(() -> nothing.getObjectAsBytes(r -> r.bucket("policy-cross-role").key("feed.csv")));
            assertThat(denied.awsErrorDetails().errorMessage()).endsWith(
                    "because no identity-based policy allows the s3:GetObject action");
        }
    }

    @Test
    void withinTheBucketsAccountAnAllowInTheBucketPolicyAloneIsEnoughAndAnExplicitDenyWins() {
        bucketWith("policy-same-account", "in/a.csv", "secret/b.csv");
        String trustA = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"000000000000\"},\"Action\":\"sts:AssumeRole\"}]}";
        try (IamClient iam = cloud.client(IamClient.builder())) {
            iam.createRole(r -> r.roleName("no-own-policy").assumeRolePolicyDocument(trustA));
        }
        s3.putBucketPolicy(b -> b.bucket("policy-same-account").policy("""
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:role/no-own-policy"},
                  "Action":"s3:GetObject","Resource":"arn:aws:s3:::policy-same-account/*"},
                 {"Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::policy-same-account/secret/*"}]}"""));
        try (S3Client role = cloud.client(S3Client.builder(),
                session(RunningLabCloud.TEST_CREDENTIALS, "arn:aws:iam::000000000000:role/no-own-policy"))) {
            assertThat(role.getObjectAsBytes(r -> r.bucket("policy-same-account").key("in/a.csv")).asUtf8String())
                    .isEqualTo("content of in/a.csv");
            assertThat(failure(() -> role.getObjectAsBytes(r -> r.bucket("policy-same-account").key("secret/b.csv")))
                    .awsErrorDetails().errorMessage()).endsWith("with an explicit deny in a resource-based policy");
        }
        assertThat(errorCode(() -> s3.getObjectAsBytes(r -> r.bucket("policy-same-account").key("secret/b.csv"))))
                .as("the deny binds the account's root too").isEqualTo("AccessDenied");
        assertThat(s3.getObjectAsBytes(r -> r.bucket("policy-same-account").key("in/a.csv")).asUtf8String())
                .isEqualTo("content of in/a.csv");
    }

    @Test
    void aDenyOnPlainHttpLocksEveryoneOutButTheOwnerMayStillRemoveThePolicy() {
        bucketWith("policy-tls-only", "a.csv");
        s3.putBucketPolicy(b -> b.bucket("policy-tls-only").policy("""
                {"Version":"2012-10-17","Statement":[{"Sid":"TlsOnly","Effect":"Deny","Principal":"*","Action":"s3:*",
                 "Resource":["arn:aws:s3:::policy-tls-only","arn:aws:s3:::policy-tls-only/*"],
                 "Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"""));

        assertThat(errorCode(() -> s3.getObjectAsBytes(r -> r.bucket("policy-tls-only").key("a.csv"))))
                .as("Lab Cloud speaks plain http").isEqualTo("AccessDenied");
        s3.deleteBucketPolicy(b -> b.bucket("policy-tls-only"));
        assertThat(s3.getObjectAsBytes(r -> r.bucket("policy-tls-only").key("a.csv")).asUtf8String())
                .isEqualTo("content of a.csv");
    }

    @Test
    void anAnonymousRequestIsDeniedUntilThePolicyGrantsEveryoneAndAgainWhenRestrictPublicBucketsIsOn() {
        bucketWith("policy-anonymous", "site/index.html", "logs/today.txt");
        HttpResponse<String> privately = anonymousGet("/policy-anonymous/site/index.html");
        assertThat(privately.statusCode()).isEqualTo(403);
        assertThat(privately.body()).contains("<Code>AccessDenied</Code>")
                .as("S3 tells an anonymous caller no more than this").contains("<Message>Access Denied</Message>");

        s3.putPublicAccessBlock(b -> b.bucket("policy-anonymous").publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(false).restrictPublicBuckets(false)));
        s3.putBucketPolicy(b -> b.bucket("policy-anonymous").policy(
                allow("{\"AWS\":\"*\"}", "s3:GetObject", "arn:aws:s3:::policy-anonymous/site/*")));

        HttpResponse<String> publicly = anonymousGet("/policy-anonymous/site/index.html");
        assertThat(publicly.statusCode()).isEqualTo(200);
        assertThat(publicly.body()).isEqualTo("content of site/index.html");
        HttpResponse<String> notGranted = anonymousGet("/policy-anonymous/logs/today.txt");
        assertThat(notGranted.statusCode()).isEqualTo(403);
        assertThat(notGranted.body()).contains("<Message>Access Denied</Message>").doesNotContain("User: ");
        assertThat(anonymousGet("/policy-anonymous").statusCode()).as("listing was not granted").isEqualTo(403);
        assertThat(cloud.http(cloud.request("/policy-anonymous/site/defaced.html")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("x"))).statusCode()).isEqualTo(403);

        s3.putPublicAccessBlock(b -> b.bucket("policy-anonymous").publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(false).restrictPublicBuckets(true)));
        assertThat(anonymousGet("/policy-anonymous/site/index.html").statusCode()).isEqualTo(403);
        assertThat(s3.getObjectAsBytes(r -> r.bucket("policy-anonymous").key("site/index.html")).asUtf8String())
                .as("the owner still reads it").isEqualTo("content of site/index.html");
    }

    @Test
    void anonymousAccessFollowsTheConditionsLabCloudCanAnswer() {
        bucketWith("policy-conditions", "docs/a.txt", "other/b.txt");
        s3.putPublicAccessBlock(b -> b.bucket("policy-conditions").publicAccessBlockConfiguration(c -> c
                .blockPublicPolicy(false).restrictPublicBuckets(false)));
        s3.putBucketPolicy(b -> b.bucket("policy-conditions").policy("""
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Principal":"*","Action":"s3:ListBucket","Resource":"arn:aws:s3:::policy-conditions",
                  "Condition":{"StringLike":{"s3:prefix":"docs/*"}}},
                 {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::policy-conditions/*",
                  "Condition":{"StringLike":{"aws:Referer":"https://lab.example/*"}}}]}"""));

        assertThat(anonymousGet("/policy-conditions?list-type=2&prefix=docs/").body()).contains("<Key>docs/a.txt</Key>");
        assertThat(anonymousGet("/policy-conditions?list-type=2&prefix=other/").statusCode()).isEqualTo(403);
        assertThat(anonymousGet("/policy-conditions/docs/a.txt").statusCode()).isEqualTo(403);
        assertThat(cloud.http(cloud.request("/policy-conditions/docs/a.txt").header("Referer", "https://lab.example/page")
                .GET()).statusCode()).isEqualTo(200);
    }

    private static AwsCredentialsProvider session(AwsCredentialsProvider caller, String roleArn) {
        try (StsClient sts = cloud.client(StsClient.builder(), caller)) {
            Credentials credentials = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1")).credentials();
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(credentials.accessKeyId(),
                    credentials.secretAccessKey(), credentials.sessionToken()));
        }
    }
}
