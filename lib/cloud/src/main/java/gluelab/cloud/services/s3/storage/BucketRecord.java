package gluelab.cloud.services.s3.storage;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One bucket and its configuration. Bucket names are global across accounts, as in AWS: the owner's account and the
 * bucket's region are properties of the bucket, not of where it is looked up.
 *
 * @param versioning        null for a bucket that never had versioning, else {@code Enabled} or {@code Suspended}
 * @param objectOwnership   {@code BucketOwnerEnforced} (ACLs disabled, the default since April 2023),
 *                          {@code BucketOwnerPreferred}, {@code ObjectWriter}, or {@link #NO_OWNERSHIP_CONTROLS}
 *                          once they are deleted (ACLs enabled, objects owned by their writers); null reads as the
 *                          default
 * @param publicAccessBlock the bucket's Block Public Access settings, or null when it has none
 * @param policy            the bucket policy's text as it was put, or null
 * @param tags              the bucket's tag set, in the order it was given
 * @param cors              the CORS rules, empty when the bucket has no CORS configuration
 * @param grants            the bucket ACL's grants beyond the owner's FULL_CONTROL, where ACLs are enabled
 */
public record BucketRecord(String name, String ownerAccount, String region, Instant created, String versioning,
                           String objectOwnership, PublicAccessBlock publicAccessBlock, String policy,
                           Map<String, String> tags, List<CorsRule> cors, List<Grant> grants) {

    public static final String BUCKET_OWNER_ENFORCED = "BucketOwnerEnforced";
    public static final String ENABLED = "Enabled";
    public static final String SUSPENDED = "Suspended";
    /** What a bucket whose ownership controls were deleted has: ACLs enabled, as ObjectWriter. */
    public static final String NO_OWNERSHIP_CONTROLS = "None";

    public BucketRecord {
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        cors = cors == null ? List.of() : List.copyOf(cors);
        grants = grants == null ? List.of() : List.copyOf(grants);
    }

    /** A new bucket as AWS makes one now: ACLs disabled, public access blocked. */
    public static BucketRecord created(String name, String ownerAccount, String region, Instant created,
                                       String objectOwnership) {
        return new BucketRecord(name, ownerAccount, region, created, null, objectOwnership, PublicAccessBlock.ALL,
                null, Map.of(), List.of(), List.of());
    }

    @Override
    public String objectOwnership() {
        return objectOwnership == null ? BUCKET_OWNER_ENFORCED : objectOwnership;
    }

    public boolean hasOwnershipControls() {
        return !objectOwnership().equals(NO_OWNERSHIP_CONTROLS);
    }

    public boolean aclsEnabled() {
        return !objectOwnership().equals(BUCKET_OWNER_ENFORCED);
    }

    /** Whether versioning was ever configured: then every object version has an id to report, "null" included. */
    public boolean versioningConfigured() {
        return versioning != null;
    }

    public boolean versioningEnabled() {
        return ENABLED.equals(versioning);
    }

    public BucketRecord withVersioning(String status) {
        return new BucketRecord(name, ownerAccount, region, created, status, objectOwnership, publicAccessBlock,
                policy, tags, cors, grants);
    }

    public BucketRecord withObjectOwnership(String ownership) {
        return new BucketRecord(name, ownerAccount, region, created, versioning, ownership, publicAccessBlock,
                policy, tags, cors, grants);
    }

    public BucketRecord withPublicAccessBlock(PublicAccessBlock block) {
        return new BucketRecord(name, ownerAccount, region, created, versioning, objectOwnership, block, policy,
                tags, cors, grants);
    }

    public BucketRecord withPolicy(String text) {
        return new BucketRecord(name, ownerAccount, region, created, versioning, objectOwnership, publicAccessBlock,
                text, tags, cors, grants);
    }

    public BucketRecord withTags(Map<String, String> tagSet) {
        return new BucketRecord(name, ownerAccount, region, created, versioning, objectOwnership, publicAccessBlock,
                policy, tagSet, cors, grants);
    }

    public BucketRecord withCors(List<CorsRule> rules) {
        return new BucketRecord(name, ownerAccount, region, created, versioning, objectOwnership, publicAccessBlock,
                policy, tags, rules, grants);
    }

    public BucketRecord withGrants(List<Grant> acl) {
        return new BucketRecord(name, ownerAccount, region, created, versioning, objectOwnership, publicAccessBlock,
                policy, tags, cors, acl);
    }
}
