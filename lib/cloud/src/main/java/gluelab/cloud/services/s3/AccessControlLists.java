package gluelab.cloud.services.s3;

import gluelab.cloud.provider.Members;
import gluelab.cloud.services.s3.storage.BucketRecord;
import gluelab.cloud.services.s3.storage.Grant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.AccessControlPolicy;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * S3's access control lists as requests give them (a canned {@code x-amz-acl}, {@code x-amz-grant-*} headers, or an
 * AccessControlPolicy document) and as answers show them. Where a bucket's Object Ownership is BucketOwnerEnforced
 * (every new bucket since April 2023) ACLs are disabled: only {@code private} and {@code bucket-owner-full-control},
 * which change nothing, are accepted, anything else is AccessControlListNotSupported. Stored grants leave out the
 * owner's own FULL_CONTROL, which every ACL has.
 */
final class AccessControlLists {

    private static final Map<String, List<Grant>> CANNED = Map.of(
            "private", List.of(),
            "public-read", List.of(new Grant(Grant.ALL_USERS, "READ")),
            "public-read-write", List.of(new Grant(Grant.ALL_USERS, "READ"), new Grant(Grant.ALL_USERS, "WRITE")),
            "authenticated-read", List.of(new Grant(Grant.AUTHENTICATED_USERS, "READ")),
            "log-delivery-write", List.of(new Grant(Grant.LOG_DELIVERY, "WRITE"), new Grant(Grant.LOG_DELIVERY, "READ_ACP")),
            "bucket-owner-read", List.of(),
            "bucket-owner-full-control", List.of(),
            "aws-exec-read", List.of());
    private static final Pattern GRANTEE = Pattern.compile("\\s*(id|uri|emailAddress)\\s*=\\s*\"?([^\",]+)\"?\\s*");

    /** The {@code x-amz-grant-*} headers of a request, by the permission each grants. */
    record GrantHeaders(String fullControl, String read, String readAcp, String write, String writeAcp) {

        /** The {@code x-amz-grant-*} headers of any request that has them (an object's have no WRITE). */
        static GrantHeaders of(Object request) {
            return new GrantHeaders(Members.string(request, "GrantFullControl"), Members.string(request, "GrantRead"),
                    Members.string(request, "GrantReadACP"), Members.string(request, "GrantWrite"),
                    Members.string(request, "GrantWriteACP"));
        }

        boolean any() {
            return fullControl != null || read != null || readAcp != null || write != null || writeAcp != null;
        }
    }

    private AccessControlLists() {
    }

    /**
     * The grants a write (an upload, a copy, Put…Acl with headers) asks for on this bucket.
     *
     * @param owner the account that owns the resource the grants are for
     */
    static List<Grant> requested(BucketRecord bucket, String owner, String canned, GrantHeaders headers) {
        if (canned != null && !CANNED.containsKey(canned)) {
            throw S3Errors.invalidArgument("", "x-amz-acl", canned);
        }
        if (canned != null && headers.any()) {
            throw S3Errors.invalidRequest("Specifying both Canned ACLs and Header Grants is not allowed");
        }
        if (!bucket.aclsEnabled()) {
            if (headers.any() || (canned != null && !canned.equals("private")
                    && !canned.equals("bucket-owner-full-control"))) {
                throw S3Errors.accessControlListNotSupported();
            }
            return List.of();
        }
        List<Grant> grants = new ArrayList<>();
        if (canned != null) {
            grants.addAll(CANNED.get(canned));
            if (canned.equals("bucket-owner-read") && !owner.equals(bucket.ownerAccount())) {
                grants.add(new Grant(S3Owners.canonicalId(bucket.ownerAccount()), "READ"));
            }
            if (canned.equals("bucket-owner-full-control") && !owner.equals(bucket.ownerAccount())) {
                grants.add(new Grant(S3Owners.canonicalId(bucket.ownerAccount()), "FULL_CONTROL"));
            }
        }
        addHeader(grants, headers.fullControl(), "FULL_CONTROL");
        addHeader(grants, headers.read(), "READ");
        addHeader(grants, headers.readAcp(), "READ_ACP");
        addHeader(grants, headers.write(), "WRITE");
        addHeader(grants, headers.writeAcp(), "WRITE_ACP");
        return checked(bucket, owner, grants);
    }

    /** The grants of an AccessControlPolicy document, given to Put…Acl where the bucket's ACLs are enabled. */
    static List<Grant> of(BucketRecord bucket, String owner, AccessControlPolicy policy) {
        if (!bucket.aclsEnabled()) {
            throw S3Errors.accessControlListNotSupported();
        }
        List<Grant> grants = new ArrayList<>();
        for (software.amazon.awssdk.services.s3.model.Grant grant : policy.grants()) {
            Grantee grantee = grant.grantee();
            if (grantee == null || grant.permissionAsString() == null || grantee.type() == null) {
                throw S3Errors.malformedXml();
            }
            String who = switch (grantee.type()) {
                case CANONICAL_USER -> grantee.id();
                case GROUP -> grantee.uri();
                default -> throw new gluelab.cloud.provider.AwsServiceException("UnresolvableGrantByEmailAddress",
                        "The e-mail address you provided does not match any account on record.", 400);
            };
            if (who == null) {
                throw S3Errors.malformedXml();
            }
            grants.add(new Grant(who, grant.permissionAsString()));
        }
        return checked(bucket, owner, grants);
    }

    /** The owner's FULL_CONTROL is implied; a public grant is refused while the bucket blocks public ACLs. */
    private static List<Grant> checked(BucketRecord bucket, String owner, List<Grant> grants) {
        Grant ownersOwn = new Grant(S3Owners.canonicalId(owner), "FULL_CONTROL");
        List<Grant> kept = grants.stream().filter(g -> !g.equals(ownersOwn)).distinct().toList();
        for (Grant grant : kept) {
            if (!List.of("FULL_CONTROL", "READ", "WRITE", "READ_ACP", "WRITE_ACP").contains(grant.permission())) {
                throw S3Errors.malformedXml();
            }
            if (grant.isPublic() && bucket.publicAccessBlock() != null && bucket.publicAccessBlock().blockPublicAcls()) {
                throw S3Errors.accessDenied();
            }
        }
        return kept;
    }

    private static void addHeader(List<Grant> grants, String header, String permission) {
        if (header == null) {
            return;
        }
        for (String part : header.split(",")) {
            Matcher m = GRANTEE.matcher(part);
            if (!m.matches()) {
                throw S3Errors.invalidArgument("Invalid id", "x-amz-grant-" + permission.toLowerCase().replace('_', '-'),
                        header);
            }
            if (m.group(1).equals("emailAddress")) {
                throw new gluelab.cloud.provider.AwsServiceException("UnresolvableGrantByEmailAddress",
                        "The e-mail address you provided does not match any account on record.", 400);
            }
            grants.add(new Grant(m.group(2), permission));
        }
    }

    /** The grants an answer shows: the owner's FULL_CONTROL first, then those stored. */
    static List<software.amazon.awssdk.services.s3.model.Grant> shown(String owner, List<Grant> stored) {
        List<software.amazon.awssdk.services.s3.model.Grant> out = new ArrayList<>();
        out.add(shape(new Grant(S3Owners.canonicalId(owner), "FULL_CONTROL")));
        stored.forEach(g -> out.add(shape(g)));
        return out;
    }

    private static software.amazon.awssdk.services.s3.model.Grant shape(Grant grant) {
        Grantee grantee = grant.toGroup() ? Grantee.builder().type(Type.GROUP).uri(grant.grantee()).build()
                : Grantee.builder().type(Type.CANONICAL_USER).id(grant.grantee()).build();
        return software.amazon.awssdk.services.s3.model.Grant.builder().grantee(grantee)
                .permission(grant.permission()).build();
    }
}
