package gluelab.cloud.services.s3;

import gluelab.cloud.provider.Access;
import gluelab.cloud.provider.AccessRules;
import gluelab.cloud.provider.Members;
import gluelab.cloud.provider.RequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gluelab.cloud.policy.MalformedPolicyException;
import gluelab.cloud.policy.PolicyDocument;
import gluelab.cloud.services.s3.storage.Grant;
import gluelab.cloud.services.s3.storage.ObjectRecord;
import gluelab.cloud.state.Json;
import gluelab.cloud.services.s3.storage.BucketRecord;
import gluelab.cloud.services.s3.storage.ObjectStore;
import gluelab.cloud.services.s3.storage.PublicAccessBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;

/**
 * What each S3 operation needs permission for, as the Service Authorization Reference lists it. S3's actions are
 * not always named after its operations: a HEAD needs {@code s3:GetObject} or {@code s3:ListBucket}, every step of a
 * multipart upload needs {@code s3:PutObject}, a copy reads one object and writes another, and the listings need
 * {@code s3:ListBucket} with the {@code s3:prefix}, {@code s3:delimiter} and {@code s3:max-keys} keys.
 */
final class S3AccessRules implements AccessRules {

    /** What the bucket owner's account may always do, whatever the bucket policy says, so it cannot lock itself out. */
    private static final Set<String> OWNER_ALWAYS = Set.of("GetBucketPolicy", "PutBucketPolicy", "DeleteBucketPolicy");
    private static final String ARN_PREFIX = "arn:aws:s3:::";

    private final ObjectStore store;

    S3AccessRules(ObjectStore store) {
        this.store = store;
    }

    /**
     * Each permission on a bucket or its objects comes with the bucket's owner and policy, so that the access control
     * judges calls from other accounts, and anonymous ones, by it. With {@code RestrictPublicBuckets} on, a bucket
     * whose policy is public admits no one from outside its account.
     */
    @Override
    public List<Access> required(RequestContext context, String operation, Object request) {
        List<Access> needed = new ArrayList<>();
        for (Access access : actions(operation, request)) {
            needed.add(withBucketPolicy(context, operation, request, access));
        }
        return needed;
    }

    private Access withBucketPolicy(RequestContext context, String operation, Object request, Access access) {
        // CreateBucket names a bucket that is not there yet; one that is answers BucketAlreadyExists, not a denial.
        if (!access.resource().startsWith(ARN_PREFIX) || operation.equals("CreateBucket")) {
            return access;
        }
        String path = access.resource().substring(ARN_PREFIX.length());
        int slash = path.indexOf('/');
        Optional<BucketRecord> found = store.bucket(slash < 0 ? path : path.substring(0, slash));
        if (found.isEmpty()) {
            return access;
        }
        BucketRecord bucket = found.get();
        boolean ownAccount = bucket.ownerAccount().equals(context.accountId());
        PolicyDocument policy = ownAccount && OWNER_ALWAYS.contains(operation) ? null : BucketPolicies.of(bucket);
        PublicAccessBlock block = bucket.publicAccessBlock();
        if (policy != null && !ownAccount && block != null && block.restrictPublicBuckets()
                && policy.grantsPublicAccess()) {
            policy = PolicyDocument.none(PolicyDocument.Kind.RESOURCE);
        }
        policy = withAclGrants(context, request, bucket, access, policy);
        return access.withResourcePolicy(bucket.ownerAccount(), policy);
    }

    /**
     * An ACL grant that reaches the caller counts as a bucket policy statement letting the caller's account (or,
     * for an anonymous caller, everyone) do what the grant permits, so that the one access control judges both, as
     * S3 does: an explicit deny in the bucket policy still wins, and from another account a role still needs its own
     * policy too. S3 honours grants only where ACLs are enabled (Object Ownership other than BucketOwnerEnforced); an
     * object's owner, which may be another account than the bucket's, holds FULL_CONTROL of it.
     */
    private PolicyDocument withAclGrants(RequestContext context, Object request, BucketRecord bucket, Access access,
                                         PolicyDocument policy) {
        if (!bucket.aclsEnabled() || context.caller() != null && context.accountId() == null) {
            return policy;
        }
        PublicAccessBlock block = bucket.publicAccessBlock();
        boolean publicAclsIgnored = block != null && block.ignorePublicAcls();
        String caller = context.caller() == null ? null : context.accountId();
        String path = access.resource().substring(ARN_PREFIX.length());
        int slash = path.indexOf('/');
        boolean allowed = AclPermissions.bucketAllows(bucket.grants(), access.action(), caller, publicAclsIgnored);
        if (!allowed && slash >= 0) {
            String key = path.substring(slash + 1);
            String versionId = versionId(request);
            Optional<ObjectRecord> object = versionId == null || versionId.equals("null")
                    ? store.latest(bucket.name(), key) : store.version(bucket.name(), key, versionId);
            allowed = object.filter(o -> !o.deleteMarker()).map(o -> AclPermissions.objectAllows(withOwner(o),
                    access.action(), caller, publicAclsIgnored)).orElse(false);
        }
        if (!allowed) {
            return policy;
        }
        ArrayNode statements = Json.MAPPER.createArrayNode();
        try {
            if (policy != null && !policy.text().isEmpty()) {
                JsonNode existing = Json.MAPPER.readTree(policy.text()).get("Statement");
                if (existing != null && existing.isArray()) {
                    statements.addAll((ArrayNode) existing);
                } else if (existing != null) {
                    statements.add(existing);
                }
            }
            ObjectNode grant = statements.addObject().put("Effect", "Allow");
            if (caller == null) {
                grant.put("Principal", "*");
            } else {
                grant.putObject("Principal").put("AWS", "arn:aws:iam::" + caller + ":root");
            }
            grant.put("Action", access.action()).put("Resource", access.resource());
            ObjectNode document = Json.MAPPER.createObjectNode().put("Version", "2012-10-17");
            document.set("Statement", statements);
            return PolicyDocument.parse(Json.MAPPER.writeValueAsString(document), PolicyDocument.Kind.RESOURCE);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | MalformedPolicyException unreadable) {
            return policy;
        }
    }

    private static List<Grant> withOwner(ObjectRecord object) {
        List<Grant> grants = new ArrayList<>(object.grants());
        grants.add(new Grant(S3Owners.canonicalId(object.ownerAccount()), "FULL_CONTROL"));
        return grants;
    }

    private static List<Access> actions(String operation, Object request) {
        if (request instanceof PostObjectRequest post) {
            return List.of(Access.of("s3:PutObject", objectArn(post.bucket(), post.key())));
        }
        String bucket = Members.string(request, "Bucket");
        String key = Members.string(request, "Key");
        return switch (operation) {
            case "ListBuckets" -> List.of(Access.of("s3:ListAllMyBuckets", "*"));
            case "HeadBucket", "ListObjects", "ListObjectsV2" -> List.of(listBucket(bucket, request));
            case "ListMultipartUploads" -> List.of(Access.of("s3:ListBucketMultipartUploads", bucketArn(bucket)));
            case "ListObjectVersions" -> List.of(Access.of("s3:ListBucketVersions", bucketArn(bucket)));
            case "GetBucketNotificationConfiguration" -> List.of(Access.of("s3:GetBucketNotification", bucketArn(bucket)));
            case "PutBucketNotificationConfiguration" -> List.of(Access.of("s3:PutBucketNotification", bucketArn(bucket)));
            case "GetObject", "HeadObject" -> List.of(Access.of(versioned("s3:GetObject", request), objectArn(bucket, key)));
            case "GetObjectAttributes" -> List.of(Access.of(versioned("s3:GetObjectAttributes", request), objectArn(bucket, key)));
            case "PutObject", "CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload" ->
                    List.of(Access.of("s3:PutObject", objectArn(bucket, key)));
            case "AbortMultipartUpload" -> List.of(Access.of("s3:AbortMultipartUpload", objectArn(bucket, key)));
            case "ListParts" -> List.of(Access.of("s3:ListMultipartUploadParts", objectArn(bucket, key)));
            case "DeleteObject" -> List.of(Access.of(versioned("s3:DeleteObject", request), objectArn(bucket, key)));
            case "DeleteObjects" -> deleteEach(bucket, (DeleteObjectsRequest) request);
            case "GetObjectAcl", "PutObjectAcl", "GetObjectTagging", "PutObjectTagging", "DeleteObjectTagging" ->
                    List.of(Access.of(versionedSubresource(operation, request), objectArn(bucket, key)));
            case "GetPublicAccessBlock" -> List.of(Access.of("s3:GetBucketPublicAccessBlock", bucketArn(bucket)));
            case "PutPublicAccessBlock", "DeletePublicAccessBlock" ->
                    List.of(Access.of("s3:PutBucketPublicAccessBlock", bucketArn(bucket)));
            case "DeleteBucketTagging" -> List.of(Access.of("s3:PutBucketTagging", bucketArn(bucket)));
            case "DeleteBucketOwnershipControls" ->
                    List.of(Access.of("s3:PutBucketOwnershipControls", bucketArn(bucket)));
            case "CopyObject" -> copy(bucket, key, ((CopyObjectRequest) request).copySource());
            case "UploadPartCopy" -> copy(bucket, key, ((UploadPartCopyRequest) request).copySource());
            default -> bucket == null ? List.of(Access.of("s3:" + operation, "*"))
                    : List.of(Access.of("s3:" + operation, key == null ? bucketArn(bucket) : objectArn(bucket, key)));
        };
    }

    private static Access listBucket(String bucket, Object request) {
        Access access = Access.of("s3:ListBucket", bucketArn(bucket));
        if (request instanceof ListObjectsV2Request list) {
            access.withKey("s3:prefix", list.prefix()).withKey("s3:delimiter", list.delimiter())
                    .withKey("s3:max-keys", list.maxKeys() == null ? null : list.maxKeys().toString());
        } else if (request instanceof ListObjectsRequest list) {
            access.withKey("s3:prefix", list.prefix()).withKey("s3:delimiter", list.delimiter())
                    .withKey("s3:max-keys", list.maxKeys() == null ? null : list.maxKeys().toString());
        }
        return access;
    }

    /** A call naming a version needs the action's {@code …Version} form, as on AWS. */
    private static String versioned(String action, Object request) {
        String versionId = versionId(request);
        return versionId == null || versionId.equals("null") ? action : action + "Version";
    }

    private static String versionId(Object request) {
        return request instanceof GetObjectRequest get ? get.versionId()
                : request instanceof HeadObjectRequest head ? head.versionId() : Members.string(request, "VersionId");
    }

    /** An object's ACL or tags named by version need {@code s3:GetObjectVersionAcl}, {@code s3:PutObjectVersionTagging}… */
    private static String versionedSubresource(String operation, Object request) {
        String versionId = Members.string(request, "VersionId");
        if (versionId == null || versionId.equals("null")) {
            return "s3:" + operation;
        }
        return "s3:" + operation.replace("Object", "ObjectVersion");
    }

    private static List<Access> deleteEach(String bucket, DeleteObjectsRequest request) {
        List<Access> needed = new ArrayList<>();
        if (request.delete() != null) {
            for (ObjectIdentifier object : request.delete().objects()) {
                needed.add(Access.of(object.versionId() == null ? "s3:DeleteObject" : "s3:DeleteObjectVersion",
                        objectArn(bucket, object.key())));
            }
        }
        return needed;
    }

    /** A copy reads its source ({@code bucket/key}, URL-encoded, possibly with {@code ?versionId=}) and writes its target. */
    private static List<Access> copy(String bucket, String key, String copySource) {
        List<Access> needed = new ArrayList<>();
        needed.add(Access.of("s3:PutObject", objectArn(bucket, key)));
        if (copySource != null) {
            String source = copySource.startsWith("/") ? copySource.substring(1) : copySource;
            int query = source.indexOf("?versionId=");
            String action = query < 0 ? "s3:GetObject" : "s3:GetObjectVersion";
            try {
                String path = java.net.URLDecoder.decode(query < 0 ? source : source.substring(0, query),
                        java.nio.charset.StandardCharsets.UTF_8);
                needed.add(Access.of(action, "arn:aws:s3:::" + path));
            } catch (IllegalArgumentException undecodable) {
                // No object is named: the copy itself refuses the source as InvalidArgument.
            }
        }
        return needed;
    }

    private static String bucketArn(String bucket) {
        return "arn:aws:s3:::" + bucket;
    }

    private static String objectArn(String bucket, String key) {
        return "arn:aws:s3:::" + bucket + "/" + key;
    }
}
