package gluelab.cloud.services.s3;

import static gluelab.cloud.services.s3.S3Failures.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import gluelab.cloud.testing.RunningLabCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * ACL grants honoured as S3 honours them where ACLs are enabled: to AuthenticatedUsers (any signed request, of any
 * account), to another account by its canonical user id, and each permission for what it maps to — READ lists a
 * bucket or reads an object, WRITE on a bucket puts and deletes its objects, READ_ACP and WRITE_ACP read and replace
 * the ACL. With BucketOwnerEnforced, the same grants give nothing.
 */
class S3AclGrantsTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static S3Client s3;
    static S3Client s3B;
    static String accountB;

    @BeforeAll
    static void clients() {
        s3 = cloud.client(S3Client.builder());
        s3B = cloud.client(S3Client.builder(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test-b", "test-b")));
        s3B.createBucket(b -> b.bucket("acl-grants-b-own"));
        accountB = s3B.getBucketAcl(b -> b.bucket("acl-grants-b-own")).owner().id();
    }

    @AfterAll
    static void close() {
        s3.close();
        s3B.close();
    }

    static void bucketWithAcls(String bucket, ObjectOwnership ownership) {
        s3.createBucket(b -> b.bucket(bucket).objectOwnership(ownership));
        s3.deletePublicAccessBlock(b -> b.bucket(bucket));
        s3.putObject(b -> b.bucket(bucket).key("data.csv"), RequestBody.fromString("a,b"));
    }

    static String id(String canonicalId) {
        return "id=\"" + canonicalId + "\"";
    }

    @Test
    void authenticatedReadAdmitsAnySignedRequestOfAnyAccountButNotAnAnonymousOne() {
        bucketWithAcls("acl-authenticated", ObjectOwnership.OBJECT_WRITER);
        s3.putObject(b -> b.bucket("acl-authenticated").key("signed-only.csv").acl(ObjectCannedACL.AUTHENTICATED_READ),
                RequestBody.fromString("for signed callers"));

        assertThat(s3B.getObjectAsBytes(b -> b.bucket("acl-authenticated").key("signed-only.csv")).asUtf8String())
                .isEqualTo("for signed callers");
        assertThat(errorCode(() -> s3B.getObjectAsBytes(b -> b.bucket("acl-authenticated").key("data.csv"))))
                .as("the grant is on one object").isEqualTo("AccessDenied");
        assertThat(cloud.http(cloud.request("/acl-authenticated/signed-only.csv").GET()).statusCode()).isEqualTo(403);

        s3.putBucketAcl(b -> b.bucket("acl-authenticated").acl(BucketCannedACL.AUTHENTICATED_READ));
        assertThat(s3B.listObjectsV2(b -> b.bucket("acl-authenticated")).contents()).extracting(S3Object::key)
                .containsExactly("data.csv", "signed-only.csv");
        assertThat(cloud.http(cloud.request("/acl-authenticated").GET()).statusCode()).isEqualTo(403);

        s3.putPublicAccessBlock(b -> b.bucket("acl-authenticated").publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(false).ignorePublicAcls(true).blockPublicPolicy(false).restrictPublicBuckets(false)));
        assertThat(errorCode(() -> s3B.getObjectAsBytes(b -> b.bucket("acl-authenticated").key("signed-only.csv"))))
                .as("AuthenticatedUsers is a public grant, which IgnorePublicAcls silences").isEqualTo("AccessDenied");
    }

    @Test
    void aGrantToAnotherAccountsCanonicalIdLetsThatAccountDoWhatThePermissionMapsTo() {
        bucketWithAcls("acl-account", ObjectOwnership.BUCKET_OWNER_PREFERRED);
        assertThat(errorCode(() -> s3B.getObjectAsBytes(b -> b.bucket("acl-account").key("data.csv"))))
                .isEqualTo("AccessDenied");

        s3.putObjectAcl(b -> b.bucket("acl-account").key("data.csv").grantRead(id(accountB)));

        assertThat(s3B.getObjectAsBytes(b -> b.bucket("acl-account").key("data.csv")).asUtf8String()).isEqualTo("a,b");
        assertThat(errorCode(() -> s3B.getObjectAcl(b -> b.bucket("acl-account").key("data.csv"))))
                .as("READ is not READ_ACP").isEqualTo("AccessDenied");
        assertThat(errorCode(() -> s3B.listObjectsV2(b -> b.bucket("acl-account"))))
                .as("an object's READ is not the bucket's").isEqualTo("AccessDenied");

        s3.putObjectAcl(b -> b.bucket("acl-account").key("data.csv").grantReadACP(id(accountB)));
        assertThat(s3B.getObjectAcl(b -> b.bucket("acl-account").key("data.csv")).grants()).hasSize(2);
        assertThat(errorCode(() -> s3B.getObjectAsBytes(b -> b.bucket("acl-account").key("data.csv"))))
                .as("the new ACL replaced the READ grant").isEqualTo("AccessDenied");
        assertThat(errorCode(() -> s3B.putObjectAcl(b -> b.bucket("acl-account").key("data.csv")
                .acl(ObjectCannedACL.PRIVATE)))).as("READ_ACP is not WRITE_ACP").isEqualTo("AccessDenied");

        s3.putObjectAcl(b -> b.bucket("acl-account").key("data.csv").grantWriteACP(id(accountB)));
        s3B.putObjectAcl(b -> b.bucket("acl-account").key("data.csv").grantFullControl(id(accountB)));
        assertThat(s3B.getObjectAsBytes(b -> b.bucket("acl-account").key("data.csv")).asUtf8String())
                .as("FULL_CONTROL reads too").isEqualTo("a,b");
        assertThat(errorCode(() -> s3.getObjectAsBytes(b -> b.bucket("acl-account").key("data.csv"))))
                .as("the bucket's account still owns the object").isNull();
    }

    @Test
    void writeOnABucketLetsTheGranteePutAndDeleteItsObjectsAndTheWriterOwnsWhatItPuts() {
        bucketWithAcls("acl-write", ObjectOwnership.OBJECT_WRITER);
        assertThat(errorCode(() -> s3B.putObject(b -> b.bucket("acl-write").key("in/b.csv"),
                RequestBody.fromString("from b")))).isEqualTo("AccessDenied");

        s3.putBucketAcl(b -> b.bucket("acl-write").grantWrite(id(accountB)));

        s3B.putObject(b -> b.bucket("acl-write").key("in/b.csv"), RequestBody.fromString("from b"));
        assertThat(s3B.getObjectAsBytes(b -> b.bucket("acl-write").key("in/b.csv")).asUtf8String())
                .as("with ObjectWriter the writer owns the object, and its owner has FULL_CONTROL")
                .isEqualTo("from b");
        assertThat(errorCode(() -> s3B.getObjectAsBytes(b -> b.bucket("acl-write").key("data.csv"))))
                .as("WRITE on the bucket reads nothing").isEqualTo("AccessDenied");
        assertThat(errorCode(() -> s3B.listObjectsV2(b -> b.bucket("acl-write")))).isEqualTo("AccessDenied");
        assertThat(errorCode(() -> s3B.getBucketAcl(b -> b.bucket("acl-write")))).isEqualTo("AccessDenied");
        s3B.deleteObject(b -> b.bucket("acl-write").key("data.csv"));
        assertThat(s3.listObjectsV2(b -> b.bucket("acl-write")).contents()).extracting(S3Object::key)
                .containsExactly("in/b.csv");
    }

    @Test
    void readAcpAndWriteAcpOnABucketReadAndReplaceItsAcl() {
        bucketWithAcls("acl-acp", ObjectOwnership.OBJECT_WRITER);
        s3.putBucketAcl(b -> b.bucket("acl-acp").grantReadACP(id(accountB)));

        assertThat(s3B.getBucketAcl(b -> b.bucket("acl-acp")).grants()).hasSize(2);
        assertThat(errorCode(() -> s3B.putBucketAcl(b -> b.bucket("acl-acp").acl(BucketCannedACL.PRIVATE))))
                .isEqualTo("AccessDenied");

        s3.putBucketAcl(b -> b.bucket("acl-acp").grantWriteACP(id(accountB)));
        s3B.putBucketAcl(b -> b.bucket("acl-acp").grantRead(id(accountB)));
        assertThat(s3B.listObjectsV2(b -> b.bucket("acl-acp")).contents()).extracting(S3Object::key)
                .containsExactly("data.csv");
    }

    @Test
    void anExplicitDenyInTheBucketPolicyWinsOverAnAclGrant() {
        bucketWithAcls("acl-denied", ObjectOwnership.OBJECT_WRITER);
        s3.putObjectAcl(b -> b.bucket("acl-denied").key("data.csv").grantRead(id(accountB)));
        s3.putBucketPolicy(b -> b.bucket("acl-denied").policy("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"AWS":"111111111111"},
                 "Action":"s3:GetObject","Resource":"arn:aws:s3:::acl-denied/*"}]}"""));

        assertThat(errorCode(() -> s3B.getObjectAsBytes(b -> b.bucket("acl-denied").key("data.csv"))))
                .isEqualTo("AccessDenied");
    }

    @Test
    void withBucketOwnerEnforcedTheGrantsThatWereSetGiveNothing() {
        bucketWithAcls("acl-enforced", ObjectOwnership.OBJECT_WRITER);
        s3.putObjectAcl(b -> b.bucket("acl-enforced").key("data.csv").grantRead(id(accountB)));
        assertThat(s3B.getObjectAsBytes(b -> b.bucket("acl-enforced").key("data.csv")).asUtf8String()).isEqualTo("a,b");

        s3.putBucketOwnershipControls(b -> b.bucket("acl-enforced").ownershipControls(
                o -> o.rules(r -> r.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED))));

        assertThat(errorCode(() -> s3B.getObjectAsBytes(b -> b.bucket("acl-enforced").key("data.csv"))))
                .isEqualTo("AccessDenied");
    }
}
