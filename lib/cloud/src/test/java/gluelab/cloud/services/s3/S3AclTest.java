package gluelab.cloud.services.s3;

import static gluelab.cloud.services.s3.S3Failures.errorCode;
import static gluelab.cloud.services.s3.S3Failures.errorStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import gluelab.cloud.testing.RunningLabCloud;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * ACLs as AWS defaults them since April 2023: new buckets are BucketOwnerEnforced (ACLs disabled) and block public
 * access; ownership controls can enable ACLs, whose grants are then kept and shown.
 */
class S3AclTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";

    @Test
    void aNewBucketHasAclsDisabledAndItsAclsShowTheOwnerWithFullControl() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("acl-defaults"));
            s3.putObject(b -> b.bucket("acl-defaults").key("k"), RequestBody.fromString("x"));

            GetBucketAclResponse bucketAcl = s3.getBucketAcl(b -> b.bucket("acl-defaults"));
            assertThat(bucketAcl.owner().id()).matches("[0-9a-f]{64}");
            assertThat(bucketAcl.grants()).extracting(g -> g.grantee().type(), g -> g.grantee().id(), Grant::permission)
                    .containsExactly(tuple(Type.CANONICAL_USER, bucketAcl.owner().id(), Permission.FULL_CONTROL));
            assertThat(s3.getObjectAcl(b -> b.bucket("acl-defaults").key("k")).grants()).map(Grant::permission)
                    .containsExactly(Permission.FULL_CONTROL);
            assertThat(s3.getBucketOwnershipControls(b -> b.bucket("acl-defaults")).ownershipControls().rules())
                    .singleElement().satisfies(r -> assertThat(r.objectOwnership())
                            .isEqualTo(ObjectOwnership.BUCKET_OWNER_ENFORCED));
            var block = s3.getPublicAccessBlock(b -> b.bucket("acl-defaults")).publicAccessBlockConfiguration();
            assertThat(block.blockPublicAcls() && block.ignorePublicAcls() && block.blockPublicPolicy()
                    && block.restrictPublicBuckets()).isTrue();
        }
    }

    @Test
    void settingAnAclWhereAclsAreDisabledIsAccessControlListNotSupportedExceptThoseThatChangeNothing() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("acl-disabled"));
            s3.putObject(b -> b.bucket("acl-disabled").key("k"), RequestBody.fromString("x"));

            assertThat(errorCode(() -> s3.putBucketAcl(b -> b.bucket("acl-disabled").acl(BucketCannedACL.PUBLIC_READ))))
                    .isEqualTo("AccessControlListNotSupported");
            assertThat(errorStatus(() -> s3.putObjectAcl(b -> b.bucket("acl-disabled").key("k")
                    .acl(ObjectCannedACL.AUTHENTICATED_READ)))).isEqualTo(400);
            assertThat(errorCode(() -> s3.putObject(b -> b.bucket("acl-disabled").key("public")
                    .acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("x"))))
                    .isEqualTo("AccessControlListNotSupported");
            assertThat(errorCode(() -> s3.putObject(b -> b.bucket("acl-disabled").key("owner-full")
                    .acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL), RequestBody.fromString("x")))).isNull();
            assertThat(errorCode(() -> s3.putObjectAcl(b -> b.bucket("acl-disabled").key("k")
                    .acl(ObjectCannedACL.PRIVATE)))).isNull();
            assertThat(errorCode(() -> s3.createBucket(b -> b.bucket("acl-public-at-birth")
                    .acl(BucketCannedACL.PUBLIC_READ)))).isEqualTo("InvalidBucketAclWithObjectOwnership");
        }
    }

    @Test
    void ownershipControlsEnableAclsWhoseGrantsAreKeptAndShownWhilePublicOnesWaitForBlockPublicAccessToBeLifted() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("acl-enabled").objectOwnership(ObjectOwnership.OBJECT_WRITER));
            String other = "f".repeat(64);

            assertThat(errorCode(() -> s3.putObject(b -> b.bucket("acl-enabled").key("k")
                    .acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("x")))).isEqualTo("AccessDenied");
            s3.deletePublicAccessBlock(b -> b.bucket("acl-enabled"));
            s3.putObject(b -> b.bucket("acl-enabled").key("k").acl(ObjectCannedACL.PUBLIC_READ),
                    RequestBody.fromString("x"));
            s3.putBucketAcl(b -> b.bucket("acl-enabled").grantRead("id=\"" + other + "\""));

            assertThat(s3.getObjectAcl(b -> b.bucket("acl-enabled").key("k")).grants())
                    .extracting(g -> g.grantee().type(), g -> g.grantee().uri(), Grant::permission)
                    .containsExactly(tuple(Type.CANONICAL_USER, null, Permission.FULL_CONTROL),
                            tuple(Type.GROUP, ALL_USERS, Permission.READ));
            GetBucketAclResponse acl = s3.getBucketAcl(b -> b.bucket("acl-enabled"));
            assertThat(acl.grants()).extracting(g -> g.grantee().id(), Grant::permission)
                    .containsExactly(tuple(acl.owner().id(), Permission.FULL_CONTROL), tuple(other, Permission.READ));
            // The document Get…Acl answers is one Put…Acl takes back.
            s3.putBucketAcl(b -> b.bucket("acl-enabled").accessControlPolicy(p -> p.owner(acl.owner())
                    .grants(acl.grants().get(0))));
            assertThat(s3.getBucketAcl(b -> b.bucket("acl-enabled")).grants()).hasSize(1);
            s3.putBucketAcl(b -> b.bucket("acl-enabled").grantWrite("id=\"" + other + "\""));
            assertThat(errorCode(() -> s3.putBucketOwnershipControls(b -> b.bucket("acl-enabled").ownershipControls(
                    o -> o.rules(r -> r.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED))))))
                    .isEqualTo("InvalidBucketAclWithObjectOwnership");
            s3.deleteBucketOwnershipControls(b -> b.bucket("acl-enabled"));
            assertThat(errorCode(() -> s3.getBucketOwnershipControls(b -> b.bucket("acl-enabled"))))
                    .isEqualTo("OwnershipControlsNotFoundError");
        }
    }

    @Test
    void aPublicReadGrantAdmitsAnonymousReadsUntilBlockPublicAccessIgnoresPublicAcls() {
        try (S3Client s3 = cloud.client(S3Client.builder())) {
            s3.createBucket(b -> b.bucket("acl-public").objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED));
            s3.deletePublicAccessBlock(b -> b.bucket("acl-public"));
            s3.putObject(b -> b.bucket("acl-public").key("public.txt").acl(ObjectCannedACL.PUBLIC_READ),
                    RequestBody.fromString("for all"));
            s3.putObject(b -> b.bucket("acl-public").key("private.txt"), RequestBody.fromString("mine"));

            HttpResponse<String> read = cloud.http(cloud.request("/acl-public/public.txt").GET());
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).isEqualTo("for all");
            assertThat(cloud.http(cloud.request("/acl-public/public.txt")
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(200);
            HttpResponse<String> refused = cloud.http(cloud.request("/acl-public/private.txt").GET());
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("<Message>Access Denied</Message>");
            assertThat(cloud.http(cloud.request("/acl-public").GET()).statusCode()).as("the bucket's ACL grants no list")
                    .isEqualTo(403);
            assertThat(cloud.http(cloud.request("/acl-public/public.txt").PUT(HttpRequest.BodyPublishers.ofString("x")))
                    .statusCode()).as("READ is not WRITE").isEqualTo(403);

            s3.putPublicAccessBlock(b -> b.bucket("acl-public").publicAccessBlockConfiguration(c -> c
                    .blockPublicAcls(false).ignorePublicAcls(true).blockPublicPolicy(false).restrictPublicBuckets(false)));
            assertThat(cloud.http(cloud.request("/acl-public/public.txt").GET()).statusCode()).isEqualTo(403);
        }
    }
}
