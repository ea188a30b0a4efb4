package gluelab.cloud.services.s3;

import gluelab.cloud.services.s3.storage.Grant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an ACL grant lets its grantee do, in the IAM actions S3's user guide maps each ACL permission to ("Mapping of
 * ACL permissions and access policy permissions"), and whom a grant reaches. WRITE exists only on a bucket, where it
 * lets the grantee create, overwrite and delete the bucket's objects; FULL_CONTROL is all the others together.
 */
final class AclPermissions {

    private static final Map<String, Set<String>> ON_BUCKET = Map.of(
            "READ", Set.of("s3:ListBucket", "s3:ListBucketVersions", "s3:ListBucketMultipartUploads"),
            "WRITE", Set.of("s3:PutObject", "s3:DeleteObject"),
            "READ_ACP", Set.of("s3:GetBucketAcl"),
            "WRITE_ACP", Set.of("s3:PutBucketAcl"));
    private static final Map<String, Set<String>> ON_OBJECT = Map.of(
            "READ", Set.of("s3:GetObject", "s3:GetObjectVersion"),
            "READ_ACP", Set.of("s3:GetObjectAcl", "s3:GetObjectVersionAcl"),
            "WRITE_ACP", Set.of("s3:PutObjectAcl", "s3:PutObjectVersionAcl"));

    private AclPermissions() {
    }

    /** Whether one of a bucket's grants that reach the caller allows {@code action}. */
    static boolean bucketAllows(List<Grant> grants, String action, String callerAccount, boolean publicAclsIgnored) {
        return allows(ON_BUCKET, grants, action, callerAccount, publicAclsIgnored);
    }

    /** Whether one of an object's grants that reach the caller allows {@code action}. */
    static boolean objectAllows(List<Grant> grants, String action, String callerAccount, boolean publicAclsIgnored) {
        return allows(ON_OBJECT, grants, action, callerAccount, publicAclsIgnored);
    }

    private static boolean allows(Map<String, Set<String>> mapping, List<Grant> grants, String action,
                                  String callerAccount, boolean publicAclsIgnored) {
        for (Grant grant : grants) {
            if (reaches(grant, callerAccount, publicAclsIgnored) && permits(mapping, grant.permission(), action)) {
                return true;
            }
        }
        return false;
    }

    private static boolean permits(Map<String, Set<String>> mapping, String permission, String action) {
        if (permission.equals("FULL_CONTROL")) {
            return mapping.values().stream().anyMatch(actions -> actions.contains(action));
        }
        return mapping.getOrDefault(permission, Set.of()).contains(action);
    }

    /**
     * AllUsers reaches everyone, signed or not; AuthenticatedUsers any signed request, from any account; a canonical
     * user id the account it names. Block Public Access's {@code IgnorePublicAcls} silences the two groups only.
     *
     * @param callerAccount the signed caller's account, or null for an anonymous request
     */
    private static boolean reaches(Grant grant, String callerAccount, boolean publicAclsIgnored) {
        if (grant.isPublic()) {
            return !publicAclsIgnored && (grant.grantee().equals(Grant.ALL_USERS) || callerAccount != null);
        }
        return callerAccount != null && !grant.toGroup() && grant.grantee().equals(S3Owners.canonicalId(callerAccount));
    }
}
